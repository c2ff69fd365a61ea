// The shape of a conformance case: plain data plus one step function, runnable against real Apps Script or the emulator.

/** What a case observes: plain JSON, so it can be stored in a results sheet and compared after a CSV round trip. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The Apps Script services a case may use, passed in so the same case runs against Google or the emulator. */
export interface GasServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  FormApp: GoogleAppsScript.Forms.FormApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  LockService: GoogleAppsScript.Lock.LockService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
}

/** How a scratch block of cells is formatted before a case writes to it. */
export type CellKind = 'general' | 'text';

/**
 * Something one Apps Script execution cannot arrange by itself: another execution holding the
 * script lock, or a member of the public submitting a form. Such cases run only where a harness
 * provides it (the local emulator suite); in Apps Script they are reported as skipped.
 */
export type Need = 'concurrent-execution' | 'form-submit-event' | 'another-user' | 'script-projects';

/** Scratch space every case works in; nothing outside it is touched (never the register). */
export interface Scratch {
  readonly services: GasServices;
  /** The scratch sheet inside the bound spreadsheet. */
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** A block of cells never used before, formatted as plain text (`@`) or left General. */
  block(rows: number, columns: number, kind: CellKind): GoogleAppsScript.Spreadsheet.Range;
  /** The row the next `sheet.appendRow` writes to (formatted as asked), `columns` wide. */
  appendTarget(columns: number, kind: CellKind): GoogleAppsScript.Spreadsheet.Range;
  /** The shared scratch document; a case resets its body before use. */
  doc(): GoogleAppsScript.Document.Document;
  /** A new document in the scratch folder (each one counts against the daily quota: use sparingly). */
  newDoc(name: string): GoogleAppsScript.Document.Document;
  /** A new form in the scratch folder. */
  newForm(title: string): GoogleAppsScript.Forms.Form;
  /** A new plain-text file in the scratch folder. */
  newTextFile(name: string, content: string): GoogleAppsScript.Drive.File;
  /** What the harness provided for the case's `needs` (undefined in Apps Script); in the web app, its context. */
  readonly provided: unknown;
}

export interface DiagnosticCase {
  /** Stable id, listed one to one in test/emulator/README.md ("Conformance cases"). */
  id: string;
  /** What is checked, in one line (English: the audience is the developer reading the results). */
  title: string;
  /** Where the expectation comes from: a Google documentation URL or public report, or "unverified: ...". */
  source: string;
  needs?: Need;
  /**
   * 'web-app': the case observes what only the deployed web app sees (doGet's context); the menu run skips it and
   * the Administrator-only diagnostics page of the web app runs it (see docs/conformance.md).
   */
  runsIn?: 'web-app';
  expected: Json;
  run(scratch: Scratch): Json;
}

export type Status = 'pass' | 'fail' | 'skip';

export interface CaseResult {
  id: string;
  title: string;
  source: string;
  expected: Json;
  /** null when the case was skipped. */
  observed: Json;
  status: Status;
}
