// The only entry of the bundle: every Apps Script entry point (simple and installable triggers, menu actions,
// functions the sidebars call through google.script.run), each a one-line call into server/.
import { buildMenu, setupFromMenu, showAbout as about } from './server/admin';
import { dailyRun } from './server/daily';
import { fromInstalledTrigger } from './server/triggerGuard';
import { buildReportFromMenu } from './server/report';
import {
  handleFormSubmit,
  reconcileFromMenu,
  recordComplaint as record,
  showRecordSidebar as recordSidebar,
  type RecordPayload,
  type RecordResult,
} from './server/intake';
import { runDiagnosticsFromMenu } from './diagnostics/server';

/** Simple trigger: the role-aware Dumas menu. */
export function onOpen(): void {
  buildMenu();
}

/** Menu: Dumas → Siapkan / Perbaiki Sistem (also runnable from the editor). */
export function setupSystem(): void {
  setupFromMenu();
}

/** Installable trigger: a public form submission (ignored unless it comes from our trigger). */
export function onFormSubmitted(event: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  if (fromInstalledTrigger(event)) handleFormSubmit(event);
}

/** Installable trigger: every day at the configured hour (WITA). */
export function runDaily(event: GoogleAppsScript.Events.TimeDriven): void {
  if (fromInstalledTrigger(event)) dailyRun();
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

// ------------------------------------------------------------------ workflow: sidebars, actions, direct edits
import { handleRegisterEdit } from './server/directEdit';
import {
  monitoringList as monitoring,
  selectRegisterRow as selectRow,
  showMonitoringSidebar,
  type MonitoringOptions,
  type MonitoringResult,
} from './server/monitoring';
import {
  openSelectedComplaint as openSelected,
  openWorkflowComplaint as openComplaint,
  runWorkflowAction as runAction,
  showWorkflowSidebar,
  type LoadResult,
  type WorkflowPayload,
  type WorkflowResult,
} from './server/workflow';

/** Menu: the Sekretaris Tim's "Agenda Surat Masuk" sidebar. */
export function showAgendaSidebar(): void {
  showWorkflowSidebar('agenda');
}

/** Menu: the Kepala Dinas's "Disposisi" sidebar. */
export function showDisposisiSidebar(): void {
  showWorkflowSidebar('disposisi');
}

/** Menu: the unit's "Tindak Lanjut" sidebar. */
export function showTindakLanjutSidebar(): void {
  showWorkflowSidebar('tindakLanjut');
}

/** Menu: "Perpanjangan (Kasus Khusus)". */
export function showPerpanjanganSidebar(): void {
  showWorkflowSidebar('perpanjangan');
}

/** Menu: "Alihkan (Bukan Wewenang)". */
export function showAlihkanSidebar(): void {
  showWorkflowSidebar('alihkan');
}

/** Menu: "Riwayat Pengaduan" of the selected row. */
export function showRiwayatSidebar(): void {
  showWorkflowSidebar('riwayat');
}

/** Menu: "Pemantauan Penyelesaian". */
export function showPemantauanSidebar(): void {
  showMonitoringSidebar();
}

/** google.script.run: load one complaint into a workflow sidebar. */
export function openWorkflowComplaint(sidebar: string, regNumber: string): LoadResult {
  return openComplaint(sidebar, regNumber);
}

/** google.script.run: the complaint on the register row the user selected. */
export function openSelectedComplaint(sidebar: string): LoadResult {
  return openSelected(sidebar);
}

/** google.script.run: one workflow action (carries the version the user saw). */
export function runWorkflowAction(payload: WorkflowPayload): WorkflowResult {
  return runAction(payload);
}

/** google.script.run: one page of the Pemantauan list (filters and page chosen in the sidebar). */
export function monitoringList(options?: MonitoringOptions): MonitoringResult {
  return monitoring(options);
}

/** google.script.run: put the cursor on a complaint's register row. */
export function selectRegisterRow(regNumber: string): ReturnType<typeof selectRow> {
  return selectRow(regNumber);
}

/** Installable trigger (onEdit of this spreadsheet): direct edits of the register go to the audit log. */
export function onRegisterEdited(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleRegisterEdit(event);
}

/** Menu: Dumas → Buat Laporan (the "Laporan" sheet and last month's recap for the Kepala Dinas). */
export function buildReport(): void {
  buildReportFromMenu();
}

// ------------------------------------------------------------------ public web app and data retention
import { checkLetter, checkStatus as lookUpStatus, handleGet, sendRating } from './server/public';
import type { VerifyResult } from './app/verification';
import { previewPurgeFromMenu, purgeFromMenu } from './server/retention';
import type { LookupResult } from './app/status';
import type { RatingPayload, RatingResult } from './app/feedback';

/**
 * Web app (deployed by the owner: execute as me, anyone): the status page, the rating page with `?halaman=nilai`, or
 * the letter verification page with `?halaman=verifikasi&kode=…`.
 */
export function doGet(event: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return handleGet(event);
}

/** google.script.run from the status page: number + access code → the public view, or one refusal for everything else. */
export function checkStatus(regNumber: string, code: string): LookupResult {
  return lookUpStatus(regNumber, code);
}

/** google.script.run from the letter verification page: a letter's code → its public facts, or one neutral answer. */
export function verifyLetter(code: string): VerifyResult {
  return checkLetter(code);
}

/** google.script.run from the rating page (signed link). */
export function submitRating(payload: RatingPayload): RatingResult {
  return sendRating(payload);
}

/** Menu (Administrator): dry run of the retention purge. */
export function previewPurge(): void {
  previewPurgeFromMenu();
}

/** Menu (Administrator): purge personal data past the retention period. */
export function purgePersonalData(): void {
  purgeFromMenu();
}

/** Menu (Administrator): run the emulator conformance cases against real Google; results in the "Diagnostik" sheet. */
export function runDiagnostics(): void {
  runDiagnosticsFromMenu();
}

// ------------------------------------------------------------------ reply letter: the "Surat Jawaban" sidebar
import {
  openLetterComplaint as openLetter,
  runLetterAction as runLetter,
  showLetterSidebar as letterSidebar,
  type LetterActionResult,
  type LetterLoadResult,
  type LetterPayload,
} from './server/letters';

/** Menu: the "Surat Jawaban" sidebar (draft, approve and sign, upload the signed scan, deliver, berita acara). */
export function showLetterSidebar(): void {
  letterSidebar();
}

/** google.script.run: one complaint's letter state. */
export function openLetterComplaint(regNumber: string): LetterLoadResult {
  return openLetter(regNumber);
}

/** google.script.run: one letter step (carries the version the user saw). */
export function runLetterAction(payload: LetterPayload): LetterActionResult {
  return runLetter(payload);
}

// ------------------------------------------------------------------ reopening: the Ketua Tim's "Buka Kembali" sidebar

/** Menu (Ketua Tim): "Buka Kembali Pengaduan", complaints the complainant asked to reopen listed first. */
export function showBukaKembaliSidebar(): void {
  showWorkflowSidebar('bukaKembali');
}

/** Menu (Ketua Tim): "Data Pribadi dalam Teks": complaints whose free text was flagged, to release false positives. */
export function showLepasDataPribadiSidebar(): void {
  showWorkflowSidebar('lepasDataPribadi');
}

// ------------------------------------------------------------------ review fixes (server side)
import { loadMyMenu } from './server/admin';

/** Menu: "Tampilkan Menu Saya", offered when onOpen could not see the email (consumer accounts, another domain). */
export function showMyMenu(): void {
  loadMyMenu();
}
