// What a purged complaint left outside the register: the journal of leftover tasks (Script Properties), the form's
// copies of the answers, the letters folder's files, and the audit log's copies of the identity.
import type { AuditScrubPort, FormResponsesPort, LetterFilesPort, PurgeJournalPort, PurgeTask } from '../app/retention';
import { letterFolderNames } from '../domain/letter';
import { scrubAuditValue } from '../domain/retention';
import { cellText } from '../lib/cells';
import { IDENTITY_REMOVED } from '../messages/domain';
import { AUDIT_HEADERS } from './auditSheet';
import { openForm } from './intakeFormBuilder';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

/** One key per complaint, like the receipt journal: two runs adding tasks never overwrite each other's. */
export const PURGE_TASK_PREFIX = 'dumas.purge.';

function parseTask(raw: string | null | undefined): PurgeTask | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<PurgeTask>;
    if (typeof v.regNumber !== 'string' || v.regNumber === '') return null;
    return {
      regNumber: v.regNumber,
      responseId: typeof v.responseId === 'string' ? v.responseId : '',
      letterDocId: typeof v.letterDocId === 'string' ? v.letterDocId : '',
      days: Array.isArray(v.days) ? v.days.filter((d): d is string => typeof d === 'string') : [],
      ...(v.attachments === true ? { attachments: true } : {}),
    };
  } catch {
    return null;
  }
}

export class ScriptPropertiesPurgeJournal implements PurgeJournalPort {
  private readonly store = PropertiesService.getScriptProperties();
  private cache: PurgeTask[] | null = null;

  add(tasks: readonly PurgeTask[]): void {
    if (tasks.length === 0) return;
    this.store.setProperties(
      Object.fromEntries(tasks.map((t) => [PURGE_TASK_PREFIX + t.regNumber, JSON.stringify(t)])),
    );
    this.cache = null;
  }

  all(): PurgeTask[] {
    if (this.cache) return this.cache;
    const props = this.store.getProperties();
    this.cache = Object.keys(props)
      .filter((k) => k.startsWith(PURGE_TASK_PREFIX))
      .sort()
      .map((k) => parseTask(props[k]))
      .filter((t): t is PurgeTask => t !== null);
    return this.cache;
  }

  done(regNumber: string): void {
    this.store.deleteProperty(PURGE_TASK_PREFIX + regNumber);
    if (this.cache) this.cache = this.cache.filter((t) => t.regNumber !== regNumber);
  }
}

/** The public form's own copies of the answers: one read of the ids, then one delete per answer still there. */
export class FormResponses implements FormResponsesPort {
  constructor(private readonly formId: string) {}

  deleteResponses(ids: readonly string[]): { gone: string[]; deleted: number } {
    const form = openForm(this.formId);
    // A form that cannot be opened may still hold the answers: the tasks stay for the next run.
    if (!form) throw new Error(`form ${this.formId} cannot be opened`);
    const existing = new Set(form.getResponses().map((r) => r.getId()));
    const gone: string[] = [];
    let deleted = 0;
    for (const id of ids) {
      if (!existing.has(id)) {
        gone.push(id);
        continue;
      }
      try {
        form.deleteResponse(id);
        gone.push(id);
        deleted += 1;
      } catch {
        // Forms refused this one (a transient server error): it stays in the journal, the others go on.
      }
    }
    return { gone, deleted };
  }
}

/** A number as a whole token of a file name ("DUMAS-2026-0001" does not match "DUMAS-2026-00012"). */
function namesComplaint(name: string, regNumber: string): boolean {
  const at = name.indexOf(regNumber);
  if (at < 0) return false;
  const next = name.charAt(at + regNumber.length);
  return !/[0-9A-Za-z]/.test(next);
}

function child(parent: Folder, name: string): Folder | null {
  const it = parent.getFoldersByName(name);
  return it.hasNext() ? it.next() : null;
}

/**
 * The letters folder's copies of a purged complaint: its reply Doc, and every live file beside it or in the closing
 * month's folder whose name carries the number (the PDF, the signed scan, the berita acara). Trashed, not deleted:
 * DriveApp has no permanent delete; Google empties the trash after 30 days (the Administrator may empty it sooner).
 */
export class DriveLetterFiles implements LetterFilesPort {
  constructor(private readonly lettersFolderId: string) {}

  private monthFolder(day: string): Folder | null {
    if (!this.lettersFolderId) return null;
    const names = letterFolderNames(day);
    const year = child(DriveApp.getFolderById(this.lettersFolderId), names.year);
    return year ? child(year, names.month) : null;
  }

  trashFiles(task: PurgeTask): number {
    const folders = new Map<string, Folder>();
    let trashed = 0;
    if (task.letterDocId !== '') {
      let doc: File | null;
      try {
        doc = DriveApp.getFileById(task.letterDocId);
      } catch {
        doc = null; // deleted for good already
      }
      if (doc) {
        const parents = doc.getParents();
        while (parents.hasNext()) {
          const f = parents.next();
          folders.set(f.getId(), f);
        }
        if (!doc.isTrashed()) {
          doc.setTrashed(true);
          trashed += 1;
        }
      }
    }
    for (const day of task.days) {
      const f = this.monthFolder(day);
      if (f) folders.set(f.getId(), f);
    }
    for (const folder of folders.values()) {
      const files = folder.getFiles();
      while (files.hasNext()) {
        const file = files.next();
        if (!namesComplaint(file.getName(), task.regNumber) || file.isTrashed()) continue;
        file.setTrashed(true);
        trashed += 1;
      }
    }
    return trashed;
  }
}

const REG = AUDIT_HEADERS.indexOf('No. Registrasi');
const BEFORE = AUDIT_HEADERS.indexOf('Sebelum');

/**
 * The audit log's rows of purged complaints: identity in "Sebelum", "Sesudah" and "Catatan" replaced by a marker
 * (an edited phone or name is recorded there). One read of columns E–H, one write per changed row (few: the log
 * never stores NIKs, phones or emails in the first place). The log is protected for the Administrators and the team;
 * the purge runs as the Administrator (menu) or the trigger's owner, an Administrator, so Sheets accepts the write.
 */
export class AuditLogScrub implements AuditScrubPort {
  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  scrub(identities: ReadonlyMap<string, readonly string[]>): number {
    const last = this.sheet.getLastRow();
    if (last < 2 || identities.size === 0) return 0;
    const width = AUDIT_HEADERS.length - REG;
    const rows = this.sheet.getRange(2, REG + 1, last - 1, width).getValues();
    let changed = 0;
    rows.forEach((r, i) => {
      const values = identities.get(cellText(r[0]).trim());
      if (!values) return;
      const cells = r.slice(1).map((v) => cellText(v));
      const next = cells.map((v) => scrubAuditValue(v, values, IDENTITY_REMOVED));
      if (next.every((v, j) => v === cells[j])) return;
      this.sheet.getRange(i + 2, BEFORE + 1, 1, next.length).setValues([next]);
      changed += 1;
    });
    return changed;
  }
}
