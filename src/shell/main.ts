// The shell's entry file: the Apps Script project bound to the team's spreadsheet. It builds the menu and forwards
// every menu item and sidebar call to the Dumas core (src/main.ts, deployed as a web app executing as its owner),
// so an editor of this project, who can change this code, still reaches only what the core answers them.
import { SHELL_TEXT } from '../messages/shell';
import { CORE_URL_PROPERTY } from '../ui/shellCall';
import type * as Core from '../main';
import type { ShellCall } from '../main';
import { callCore, coreUrl, fromMenu, isCoreUrl } from './core';
import { buildShellMenu, loadShellMenu } from './menu';

type Calls = typeof Core;

/** A sidebar's call: the core's answer, or a CoreCallError whose message the page's failure handler shows. */
function call<K extends ShellCall>(name: K, ...args: Parameters<Calls[K]>): ReturnType<Calls[K]> {
  return callCore(name, args, { withSelection: name === 'openSelectedComplaint' }) as ReturnType<Calls[K]>;
}

/** A menu item that opens a sidebar: the core needs the row under the cursor. */
function sidebar(name: ShellCall): void {
  fromMenu(name, { withSelection: true });
}

// ---------- The menu, connecting the core, setup

/** Simple trigger: the role-aware Dumas menu, from this spreadsheet's Tim sheet. */
export function onOpen(): void {
  buildShellMenu();
}

export function showMyMenu(): void {
  loadShellMenu();
}

/**
 * Menu: Siapkan / Perbaiki Sistem. The first time (the Administrator, owner of the core) it asks for the core's URL
 * and connects: the core then trusts identity tokens issued to this shell, and keeps its register for this
 * spreadsheet.
 */
export function setupSystem(): void {
  const ui = SpreadsheetApp.getUi();
  if (!coreUrl()) {
    const answer = ui.prompt(SHELL_TEXT.connectTitle, SHELL_TEXT.askCoreUrl, ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const url = answer.getResponseText().trim();
    if (!isCoreUrl(url)) {
      ui.alert(SHELL_TEXT.badCoreUrl);
      return;
    }
    PropertiesService.getScriptProperties().setProperty(CORE_URL_PROPERTY, url);
  }
  fromMenu('setupSystem', { connect: { officeId: SpreadsheetApp.getActiveSpreadsheet().getId() } });
  buildShellMenu();
}

export function showAbout(): void {
  fromMenu('showAbout');
}

/** For the sidebars' templates: `<?!= include('Styles') ?>`. */
export function include(name: string): string {
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}

export function runDiagnostics(): void {
  fromMenu('runDiagnostics');
}

// ---------- 1. Penerimaan

export function reconcileForms(): void {
  fromMenu('reconcileForms');
}
export function showRecordSidebar(): void {
  sidebar('showRecordSidebar');
}
export function recordComplaint(...a: Parameters<Calls['recordComplaint']>) {
  return call('recordComplaint', ...a);
}
export function printReceipt(...a: Parameters<Calls['printReceipt']>) {
  return call('printReceipt', ...a);
}
export function listDuplicates(...a: Parameters<Calls['listDuplicates']>) {
  return call('listDuplicates', ...a);
}

// ---------- 2. Agenda and disposition; 3. follow-up, extension, forwarding; every workflow sidebar

export function showAgendaSidebar(): void {
  sidebar('showAgendaSidebar');
}
export function showDisposisiSidebar(): void {
  sidebar('showDisposisiSidebar');
}
export function showTindakLanjutSidebar(): void {
  sidebar('showTindakLanjutSidebar');
}
export function showPerpanjanganSidebar(): void {
  sidebar('showPerpanjanganSidebar');
}
export function showAlihkanSidebar(): void {
  sidebar('showAlihkanSidebar');
}
export function openWorkflowComplaint(...a: Parameters<Calls['openWorkflowComplaint']>) {
  return call('openWorkflowComplaint', ...a);
}
export function openSelectedComplaint(...a: Parameters<Calls['openSelectedComplaint']>) {
  return call('openSelectedComplaint', ...a);
}
export function runWorkflowAction(...a: Parameters<Calls['runWorkflowAction']>) {
  return call('runWorkflowAction', ...a);
}
export function confirmWhatsAppSent(...a: Parameters<Calls['confirmWhatsAppSent']>) {
  return call('confirmWhatsAppSent', ...a);
}
export function fillReplyTemplate(...a: Parameters<Calls['fillReplyTemplate']>) {
  return call('fillReplyTemplate', ...a);
}

export function openAttachment(...a: Parameters<Calls['openAttachment']>) {
  return call('openAttachment', ...a);
}

// ---------- 4. The reply letter

export function showLetterSidebar(): void {
  sidebar('showLetterSidebar');
}
export function openLetterComplaint(...a: Parameters<Calls['openLetterComplaint']>) {
  return call('openLetterComplaint', ...a);
}
export function runLetterAction(...a: Parameters<Calls['runLetterAction']>) {
  return call('runLetterAction', ...a);
}
export function runLetterWork(...a: Parameters<Calls['runLetterWork']>) {
  return call('runLetterWork', ...a);
}

// ---------- 5. Watching the deadlines, the report; 6. reopening, LAPOR!; 7. retention

export function showPemantauanSidebar(): void {
  sidebar('showPemantauanSidebar');
}
export function monitoringList(...a: Parameters<Calls['monitoringList']>) {
  return call('monitoringList', ...a);
}
export function selectRegisterRow(...a: Parameters<Calls['selectRegisterRow']>) {
  return call('selectRegisterRow', ...a);
}
export function showRiwayatSidebar(): void {
  sidebar('showRiwayatSidebar');
}
export function buildReport(): void {
  fromMenu('buildReport');
}
export function showBukaKembaliSidebar(): void {
  sidebar('showBukaKembaliSidebar');
}
export function showLepasDataPribadiSidebar(): void {
  sidebar('showLepasDataPribadiSidebar');
}
export function showLaporSidebar(): void {
  sidebar('showLaporSidebar');
}
export function previewPurge(): void {
  fromMenu('previewPurge');
}
export function purgePersonalData(): void {
  fromMenu('purgePersonalData');
}
