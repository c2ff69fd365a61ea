// The scratch space of a diagnostic run: a sheet in the bound spreadsheet and a Drive folder, both removed afterwards.
import { SCRATCH_DOC_NAME, SCRATCH_FOLDER_NAME } from '../messages/diagnostics';
import type { CellKind, GasServices, Scratch } from './types';

/** Names no one else uses: a leftover from an interrupted run is recognised and removed by the next run. */
export const SCRATCH_SHEET = '_diagnostik';
export const SCRATCH_FOLDER = SCRATCH_FOLDER_NAME;
const SCRATCH_DOC = SCRATCH_DOC_NAME;
/** appendRow lands below the last row with content: a marker in the last default column makes that row known. */
const MARKER_COLUMN = 26;

export class ScratchSpace implements Scratch {
  provided: unknown = undefined;
  private cursor = 1;
  private shared: GoogleAppsScript.Document.Document | null = null;
  private readonly fileIds: string[] = [];

  private constructor(
    readonly services: GasServices,
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly folder: GoogleAppsScript.Drive.Folder,
  ) {}

  /** Removes leftovers of an interrupted run, then creates a fresh scratch sheet and folder. */
  static open(services: GasServices): ScratchSpace {
    const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
    const stale = spreadsheet.getSheetByName(SCRATCH_SHEET);
    if (stale) spreadsheet.deleteSheet(stale);
    const folders = services.DriveApp.getFoldersByName(SCRATCH_FOLDER);
    while (folders.hasNext()) folders.next().setTrashed(true);
    const sheet = spreadsheet.insertSheet(SCRATCH_SHEET);
    const folder = services.DriveApp.createFolder(SCRATCH_FOLDER);
    return new ScratchSpace(services, spreadsheet, sheet, folder);
  }

  block(rows: number, columns: number, kind: CellKind): GoogleAppsScript.Spreadsheet.Range {
    const range = this.sheet.getRange(this.cursor, 1, rows, columns);
    this.cursor += rows;
    if (kind === 'text') range.setNumberFormat('@');
    return range;
  }

  appendTarget(columns: number, kind: CellKind): GoogleAppsScript.Spreadsheet.Range {
    // Every row below the cursor is untouched, so after the marker the sheet's last row is the marker's.
    this.sheet.getRange(this.cursor, MARKER_COLUMN).setValue('—');
    const target = this.sheet.getRange(this.cursor + 1, 1, 1, columns);
    this.cursor += 2;
    if (kind === 'text') target.setNumberFormat('@');
    return target;
  }

  doc(): GoogleAppsScript.Document.Document {
    this.shared ??= this.newDoc(SCRATCH_DOC);
    return this.shared;
  }

  newDoc(name: string): GoogleAppsScript.Document.Document {
    const doc = this.services.DocumentApp.create(name);
    this.keep(doc.getId());
    return doc;
  }

  newForm(title: string): GoogleAppsScript.Forms.Form {
    const form = this.services.FormApp.create(title);
    this.keep(form.getId());
    return form;
  }

  newTextFile(name: string, content: string): GoogleAppsScript.Drive.File {
    const file = this.folder.createFile(name, content);
    this.fileIds.push(file.getId());
    return file;
  }

  /** Moves a new file into the scratch folder, so an interrupted run leaves everything in one place. */
  private keep(id: string): void {
    this.fileIds.push(id);
    this.services.DriveApp.getFileById(id).moveTo(this.folder);
  }

  /** Trashes every scratch file and the folder, deletes the scratch sheet; returns what could not be removed. */
  close(): string[] {
    const problems: string[] = [];
    const attempt = (what: string, fn: () => void): void => {
      try {
        fn();
      } catch (error) {
        problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    for (const id of this.fileIds) attempt(id, () => this.services.DriveApp.getFileById(id).setTrashed(true));
    attempt(SCRATCH_FOLDER, () => this.folder.setTrashed(true));
    attempt(SCRATCH_SHEET, () => this.spreadsheet.deleteSheet(this.sheet));
    return problems;
  }
}
