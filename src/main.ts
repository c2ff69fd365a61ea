// The only entry of the bundle: every Apps Script entry point (simple and installable triggers, menu actions,
// functions the sidebars and pages call through google.script.run), each a one-line call into server/, grouped by
// the steps of the service standard (SOP).
import { runDiagnosticsFromMenu } from './diagnostics/server';
import {
  buildMenu,
  loadMyMenu,
  setupFromMenu,
  setupInBackground as setupAfterRequest,
  showAbout as about,
} from './server/admin';
import { dailyRun } from './server/daily';
import { runQueuedWorkNow } from './server/queuedWork';
import { listDuplicates as duplicatesOf, type DuplicatesResult } from './server/duplicates';
import { handleRegisterEdit } from './server/directEdit';
import {
  handleFormSubmit,
  reconcileFromMenu,
  recordComplaint as record,
  showRecordSidebar as recordSidebar,
  type RecordPayload,
  type RecordResult,
} from './server/intake';
import {
  openLetterComplaint as openLetter,
  runLetterAction as runLetter,
  runLetterWork as runLetterStep,
  showLetterSidebar as letterSidebar,
  type LetterActionResult,
  type LetterLoadResult,
  type LetterPayload,
} from './server/letters';
import {
  monitoringList as monitoring,
  selectRegisterRow as selectRow,
  showMonitoringSidebar,
  type MonitoringOptions,
  type MonitoringResult,
} from './server/monitoring';
import { answerShell } from './server/core';
import { addAttachment, checkLetter, checkStatus as lookUpStatus, handleGet, sendRating } from './server/public';
import { openAttachment as openOneAttachment, type OpenAttachmentResult } from './server/attachments';
import type { UploadPayload, UploadResult } from './app/attachments';
import { printReceipt as receiptPdf, type PrintReceiptResult } from './server/receipt';
import { fillReplyTemplate as fillTemplate, type FillTemplateResult } from './server/replyTemplates';
import { buildReportFromMenu } from './server/report';
import { previewPurgeFromMenu, purgeFromMenu } from './server/retention';
import { fromInstalledTrigger } from './server/triggerGuard';
import {
  openSelectedComplaint as openSelected,
  openWorkflowComplaint as openComplaint,
  runWorkflowAction as runAction,
  showWorkflowSidebar,
  type LoadResult,
  type WorkflowPayload,
  type WorkflowResult,
} from './server/workflow';
import {
  confirmWhatsAppSent as whatsAppSent,
  type WhatsAppSentPayload,
  type WhatsAppSentResult,
} from './server/whatsapp';
import type { RatingPayload, RatingResult } from './app/feedback';
import type { LookupResult } from './app/status';
import type { VerifyResult } from './app/verification';

// ---------- The system: menu, setup, shared page fragments, the conformance run

/** Simple trigger: the role-aware Dumas menu. */
export function onOpen(): void {
  buildMenu();
}

/** Menu: "Tampilkan Menu Saya", offered when onOpen could not see the email (consumer accounts, another domain). */
export function showMyMenu(): void {
  loadMyMenu();
}

/** Menu: Dumas → Siapkan / Perbaiki Sistem (also runnable from the editor). */
export function setupSystem(): string {
  return setupFromMenu();
}

export function showAbout(): void {
  about();
}

/** One-off trigger: setup asked through the shell, run by the core's owner (too long for one web-app call). */
export function setupInBackground(event: GoogleAppsScript.Events.TimeDriven): void {
  if (fromInstalledTrigger(event)) setupAfterRequest();
}

/** For HTML templates: `<?!= include('Styles') ?>` pulls a shared fragment into a page. */
export function include(name: string): string {
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}

/** Menu (Administrator): run the emulator conformance cases against real Google; results in the "Diagnostik" sheet. */
export function runDiagnostics(): void {
  runDiagnosticsFromMenu();
}

// ---------- 1. Penerimaan: the public form, letters and walk-ins recorded by CS

/** Installable trigger: a public form submission (ignored unless it comes from our trigger). */
export function onFormSubmitted(event: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  if (fromInstalledTrigger(event)) handleFormSubmit(event);
}

/** Menu: register form responses that are missing from the register. */
export function reconcileForms(): void {
  reconcileFromMenu();
}

/** Menu: the "Catat Pengaduan" sidebar (letters and walk-ins). */
export function showRecordSidebar(): void {
  recordSidebar();
}

/** google.script.run from the "Catat Pengaduan" sidebar. */
export function recordComplaint(payload: RecordPayload): RecordResult {
  return record(payload);
}

/** Catat Pengaduan's receipt panel: the printed receipt (Tanda Terima) as a PDF with the status QR. */
export function printReceipt(regNumber: string): PrintReceiptResult {
  return receiptPdf(regNumber);
}

/** The receipt panel and the Agenda sidebar: possible duplicates of a complaint (the complaints team). */
export function listDuplicates(regNumber: string): DuplicatesResult {
  return duplicatesOf(regNumber);
}

// ---------- 2. Agenda and disposition (letters): the Sekretaris Tim, then the Kepala Dinas

/** Menu: the Sekretaris Tim's "Agenda Surat Masuk" sidebar. */
export function showAgendaSidebar(): void {
  showWorkflowSidebar('agenda');
}

/** Menu: the Kepala Dinas's "Disposisi" sidebar. */
export function showDisposisiSidebar(): void {
  showWorkflowSidebar('disposisi');
}

// ---------- 3. Follow-up by the unit, the special case's extension, forwarding to another agency

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

// ---------- Every workflow sidebar: open a complaint, run its action (with the version the person saw)

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

/** Sidebars: "Sudah terkirim" after "Kirim via WhatsApp" (one audit row). */
export function confirmWhatsAppSent(payload: WhatsAppSentPayload): WhatsAppSentResult {
  return whatsAppSent(payload);
}

/** Tindak Lanjut and Surat Jawaban: a canned reply from "Templat Jawaban", filled for the complaint. */
export function fillReplyTemplate(regNumber: string, title: string): FillTemplateResult {
  return fillTemplate(regNumber, title);
}

// ---------- 4. The reply letter: draft, approve and sign, deliver

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

/** google.script.run: the step just queued (through the shell) run now; its outcome, as the step's own. */
export function runLetterWork(regNumber: string): LetterActionResult {
  return runLetterStep(regNumber);
}

// ---------- 5. Watching the deadlines: monitoring, history, the daily run, direct edits, the monthly report

/** Menu: "Pemantauan Penyelesaian". */
export function showPemantauanSidebar(): void {
  showMonitoringSidebar();
}

/** google.script.run: one page of the Pemantauan list (filters and page chosen in the sidebar). */
export function monitoringList(options?: MonitoringOptions): MonitoringResult {
  return monitoring(options);
}

/** google.script.run: put the cursor on a complaint's register row. */
export function selectRegisterRow(regNumber: string): ReturnType<typeof selectRow> {
  return selectRow(regNumber);
}

/** Menu: "Riwayat Pengaduan" of the selected row. */
export function showRiwayatSidebar(): void {
  showWorkflowSidebar('riwayat');
}

/** Installable trigger: every day at the configured hour (WITA). */
export function runDaily(event: GoogleAppsScript.Events.TimeDriven): void {
  if (fromInstalledTrigger(event)) dailyRun();
}

/**
 * One-off trigger a second after a sidebar's call queued work (a letter step's documents, mail: gas/queuedWork.ts);
 * harmless if called otherwise: it only does work already queued and checked.
 */
export function runQueuedWork(): void {
  runQueuedWorkNow();
}

/** Installable trigger (onEdit of this spreadsheet): direct edits of the register go to the audit log. */
export function onRegisterEdited(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleRegisterEdit(event);
}

/** Menu: Dumas → Buat Laporan (the "Laporan" sheet and last month's recap for the Kepala Dinas). */
export function buildReport(): void {
  buildReportFromMenu();
}

// ---------- 6. After the answer: the public web app (status, rating, letter verification) and reopening

/**
 * Web app (deployed by the owner: execute as me, anyone): the status page, the rating page with `?halaman=nilai`, or
 * the letter verification page with `?halaman=verifikasi&kode=…`.
 */
export function doGet(
  event: GoogleAppsScript.Events.DoGet,
): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  return handleGet(event);
}

/**
 * Web app, POST: one call from the team's spreadsheet (the shell), with the person's identity token; only the
 * functions of SHELL_CALLS can be reached this way.
 */
export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return answerShell(event, SHELL_CALLS);
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

/** google.script.run from the attachments page (signed link on the receipt): one photo or PDF, as base64. */
export function uploadAttachment(payload: UploadPayload): UploadResult {
  return addAttachment(payload);
}

/** google.script.run from the workflow sidebars: one attachment's content, for a member entitled to it. */
export function openAttachment(regNumber: string, seq: number): OpenAttachmentResult {
  return openOneAttachment(regNumber, seq);
}

/** Menu (Ketua Tim): "Buka Kembali Pengaduan", complaints the complainant asked to reopen listed first. */
export function showBukaKembaliSidebar(): void {
  showWorkflowSidebar('bukaKembali');
}

/** Menu (Ketua Tim): "Lepas Tanda Data Pribadi": complaints whose free text was flagged, to release false positives. */
export function showLepasDataPribadiSidebar(): void {
  showWorkflowSidebar('lepasDataPribadi');
}

/** Menu (CS, Sekretaris Tim): "Jawaban SP4N-LAPOR!": the unit's answer as text to post back, and the posting recorded. */
export function showLaporSidebar(): void {
  showWorkflowSidebar('lapor');
}

// ---------- 7. Retention: personal data purged after the period the agency keeps it

/** Menu (Administrator): dry run of the retention purge. */
export function previewPurge(): void {
  previewPurgeFromMenu();
}

/** Menu (Administrator): purge personal data past the retention period. */
export function purgePersonalData(): void {
  purgeFromMenu();
}

// ---------- What the shell may call

/**
 * Every menu item and sidebar call of the team's spreadsheet, which reach the core through doPost. Not here: the
 * triggers, the public pages' functions (the web app serves them itself) and the menu the shell builds alone.
 */
const SHELL_CALLS = {
  setupSystem,
  showAbout,
  runDiagnostics,
  reconcileForms,
  showRecordSidebar,
  recordComplaint,
  printReceipt,
  listDuplicates,
  showAgendaSidebar,
  showDisposisiSidebar,
  showTindakLanjutSidebar,
  showPerpanjanganSidebar,
  showAlihkanSidebar,
  openWorkflowComplaint,
  openSelectedComplaint,
  runWorkflowAction,
  confirmWhatsAppSent,
  fillReplyTemplate,
  openAttachment,
  showLetterSidebar,
  openLetterComplaint,
  runLetterAction,
  runLetterWork,
  showPemantauanSidebar,
  monitoringList,
  selectRegisterRow,
  showRiwayatSidebar,
  buildReport,
  showBukaKembaliSidebar,
  showLepasDataPribadiSidebar,
  showLaporSidebar,
  previewPurge,
  purgePersonalData,
};

/** The names the shell forwards (src/shell/main.ts is checked against this list). */
export type ShellCall = keyof typeof SHELL_CALLS;
