// The only entry of the bundle: every Apps Script entry point (simple and installable triggers, menu actions,
// functions the sidebars call through google.script.run), each a one-line call into server/.
import { buildMenu, setupFromMenu, showAbout as about } from './server/admin';
import { dailyRun } from './server/daily';
import {
  handleFormSubmit,
  reconcileFromMenu,
  recordComplaint as record,
  showRecordSidebar as recordSidebar,
  type RecordPayload,
  type RecordResult,
} from './server/intake';

/** Simple trigger: the role-aware Dumas menu. */
export function onOpen(): void {
  buildMenu();
}

/** Menu: Dumas → Siapkan / Perbaiki Sistem (also runnable from the editor). */
export function setupSystem(): void {
  setupFromMenu();
}

/** Installable trigger: a public form submission. */
export function onFormSubmitted(event: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  handleFormSubmit(event);
}

/** Installable trigger: every day at the configured hour (WITA). */
export function runDaily(): void {
  dailyRun();
}

/** Menu: register form responses that are missing from the register. */
export function reconcileForms(): void {
  reconcileFromMenu();
}

export function showAbout(): void {
  about();
}

/** Menu: the "Catat Pengaduan" sidebar (letters and walk-ins). */
export function showRecordSidebar(): void {
  recordSidebar();
}

/** google.script.run from the "Catat Pengaduan" sidebar. */
export function recordComplaint(payload: RecordPayload): RecordResult {
  return record(payload);
}

/** For HTML templates: `<?!= include('Styles') ?>` pulls a shared fragment into a page. */
export function include(name: string): string {
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}
