// Purging personal data past the retention period: one plan serves the dry run and the real run, so both list the same
// rows. The register is emptied first; what the complaint left elsewhere (the form's copy of the answer, the letters
// and berita acara in Drive) is a durable task retried by every run until done; the audit log's and the ratings'
// copies of the identity are scrubbed in the same lock as the register write.
import { formatDay } from '../domain/format';
import { isClosed } from '../domain/complaint';
import {
  filledPersonalFields,
  identityValues,
  isPurgeDue,
  lastActivity,
  purgeComplaint,
  purgeDueDay,
  retentionEnabled,
  type PersonalField,
} from '../domain/retention';
import type { FreeTextField } from '../domain/personalData';
import { dayKeyOf, type DayKey } from '../domain/time';
import { FIELD_NAMES, RETENTION } from '../messages/public';
import { isRecordingKey } from './intake';
import { logOnce, type AuditEntry, type AuditPort, type LockPort, type StoredComplaint } from '../ports';

/** The register as the purge needs it: one read, and one batched write of the purged rows. */
export interface PurgeStore {
  loadAll(): StoredComplaint[];
  /** Writes the purged complaints' rows in one batch (other rows unchanged). */
  writePurged(rows: readonly StoredComplaint[]): void;
}

/** What a purged complaint left outside the register, kept until removed (no identity in it: ids and days only). */
export interface PurgeTask {
  regNumber: string;
  /** The public form's copy of the answer ('' when none). */
  responseId: string;
  /** The reply letter's Doc ('' when none or when letters are kept); its PDF and scan lie beside it. */
  letterDocId: string;
  /** Days whose month folders may hold the complaint's letter files and berita acara (empty when letters are kept). */
  days: DayKey[];
  /** The complainant's attachments (the index and the files in the Administrator's folder), trashed whatever the
   * letters' setting: they are the complainant's own, not the agency's archive. */
  attachments?: boolean;
}

/** The complainants' attachments: which complaints have some, and removing a complaint's (files to the trash). */
export interface AttachmentPurgePort {
  has(regNumber: string): boolean;
  /** Trashes the files and drops the index; returns how many files were trashed; throws when Drive refuses. */
  purge(regNumber: string): number;
}

/** The durable list of tasks (Script Properties, one key per complaint: concurrent runs never overwrite each other). */
export interface PurgeJournalPort {
  add(tasks: readonly PurgeTask[]): void;
  all(): PurgeTask[];
  /** The task is finished: removed from the list. */
  done(regNumber: string): void;
}

/** The public form keeps its own copy of each answer: deleted with the register's data. */
export interface FormResponsesPort {
  /** Deletes these responses; returns those now gone (deleted or already absent); a failed deletion stays out. */
  deleteResponses(ids: readonly string[]): { gone: string[]; deleted: number };
}

/** The letters folder: the complaint's Docs and PDFs (letter, signed scan, berita acara) moved to the trash. */
export interface LetterFilesPort {
  /** Trashes every live file of the task; returns how many; throws when Drive refuses (the task stays). */
  trashFiles(task: PurgeTask): number;
}

/** The audit log's rows of these complaints: identity in before/after/note replaced by a marker. */
export interface AuditScrubPort {
  /** `identities`: registration number → the complaint's exact identity values. Returns the rows changed. */
  scrub(identities: ReadonlyMap<string, readonly string[]>): number;
}

/** The ratings' comments (the "Penilaian" sheet): their names, NIKs, phones and emails go with the complaint's. */
export interface RatingCommentsPort {
  /** Strips personal data (and these exact identity values) from the comments of these complaints; returns how many changed. */
  purgeComments(identities: ReadonlyMap<string, readonly string[]>): number;
}

/** What happens to the letters folder's copies (setting `surat_setelah_masa_simpan`). */
export type LetterRetention = 'hapus' | 'simpan';

export function parseLetterRetention(raw: string): LetterRetention {
  return raw.trim().toLowerCase() === 'simpan' ? 'simpan' : 'hapus';
}

export interface PurgeItem {
  regNumber: string;
  row: number;
  /** The closing day, or for a complaint never closed its last activity. */
  closedDay: DayKey;
  open: boolean;
  dueDay: DayKey;
  fields: (PersonalField | FreeTextField)[];
  responseId: string;
  /** The letters folder holds files of this complaint (a reply Doc, or a face-to-face answer's berita acara). */
  letterFiles: boolean;
  /** The complainant attached files through the receipt's link. */
  attachments: boolean;
}

export interface PurgePlan {
  years: number;
  enabled: boolean;
  letters: LetterRetention;
  items: PurgeItem[];
  /** Leftovers of earlier purges still to remove (a form answer whose deletion failed, a letter Drive refused). */
  pending: number;
}

function mayHaveLetterFiles(c: StoredComplaint['complaint']): boolean {
  return c.replyDocUrl !== '' || (c.channel === 'Tatap Muka' && c.closedAt !== null);
}

/** Which rows the purge empties today, and which of their fields; pure. */
export function planPurge(
  stored: readonly StoredComplaint[],
  today: DayKey,
  years: number,
  letters: LetterRetention = 'hapus',
  pending = 0,
  hasAttachments: (regNumber: string) => boolean = () => false,
): PurgePlan {
  const enabled = retentionEnabled(years);
  const items: PurgeItem[] = [];
  if (enabled) {
    for (const s of stored) {
      const c = s.complaint;
      if (!isPurgeDue(c, today, years)) continue;
      const open = !isClosed(c.status);
      items.push({
        regNumber: c.regNumber,
        row: s.row,
        closedDay: dayKeyOf(open || c.closedAt === null ? lastActivity(c) : c.closedAt),
        open,
        dueDay: purgeDueDay(c, years),
        fields: filledPersonalFields(c),
        responseId: s.responseId,
        letterFiles: mayHaveLetterFiles(c),
        attachments: hasAttachments(c.regNumber),
      });
    }
  }
  return { years, enabled, letters, items, pending };
}

/** The dry run's lines (and the real run's record): number, closing day, the fields emptied, the files removed. */
export function describePurge(plan: PurgePlan, limit = 50): string {
  if (!plan.enabled) return RETENTION.disabled(plan.years);
  const pending = plan.pending > 0 ? [RETENTION.pending(plan.pending)] : [];
  if (plan.items.length === 0) return [RETENTION.nothing(plan.years), ...pending].join('\n');
  const lines = plan.items.slice(0, limit).map((i) => {
    const fields = i.fields.map((f) => FIELD_NAMES[f]).join(', ');
    const extra = [
      i.responseId !== '' && !isRecordingKey(i.responseId) ? RETENTION.formAnswer : '',
      i.letterFiles ? (plan.letters === 'hapus' ? RETENTION.lettersTrashed : RETENTION.lettersKept) : '',
      i.attachments ? RETENTION.attachmentsTrashed : '',
    ].filter((s) => s !== '');
    const all = [fields, ...extra].join('; ');
    return i.open
      ? RETENTION.lineOpen(i.regNumber, formatDay(i.closedDay), all)
      : RETENTION.line(i.regNumber, formatDay(i.closedDay), all);
  });
  if (plan.items.length > limit) lines.push(RETENTION.more(plan.items.length - limit));
  return [
    RETENTION.previewHeader(plan.items.length, plan.years),
    ...lines,
    ...pending,
    '',
    RETENTION.previewFooter,
  ].join('\n');
}

export interface PurgeDeps {
  now: Date;
  retentionYears: number;
  /** Setting `surat_setelah_masa_simpan` (default hapus). */
  letters?: LetterRetention;
  store: PurgeStore;
  audit: AuditPort;
  lock: LockPort;
  forms: FormResponsesPort | null;
  ratings?: RatingCommentsPort | null;
  /** Absent: nothing outside the register is tracked (tests of the register alone). */
  journal?: PurgeJournalPort | null;
  letterFiles?: LetterFilesPort | null;
  auditScrub?: AuditScrubPort | null;
  attachments?: AttachmentPurgePort | null;
}

export interface PurgeOutcome {
  plan: PurgePlan;
  formResponsesDeleted: number;
  ratingCommentsPurged: number;
  auditRowsScrubbed: number;
  letterFilesTrashed: number;
  attachmentsTrashed: number;
  /** Tasks still open after this run (retried by the next). */
  pending: number;
  /** Why a task could not finish (Drive or Forms refused), for the execution log: ids, never identity. */
  errors: string[];
}

/** The dry run: the same plan, nothing written. */
export function previewPurge(
  deps: Pick<PurgeDeps, 'now' | 'retentionYears' | 'store' | 'letters' | 'journal' | 'attachments'>,
): PurgePlan {
  return planPurge(
    deps.store.loadAll(),
    dayKeyOf(deps.now),
    deps.retentionYears,
    deps.letters ?? 'hapus',
    deps.journal?.all().length ?? 0,
    (reg) => deps.attachments?.has(reg) ?? false,
  );
}

function taskOf(
  item: PurgeItem,
  c: StoredComplaint['complaint'],
  letters: LetterRetention,
  docIdOf: (url: string) => string,
  attachments: boolean,
): PurgeTask {
  const responseId = item.responseId !== '' && !isRecordingKey(item.responseId) ? item.responseId : '';
  const files = attachments ? { attachments: true } : {}; // absent when none: older journal entries look the same
  if (letters === 'simpan' || !item.letterFiles)
    return { regNumber: item.regNumber, responseId, letterDocId: '', days: [], ...files };
  // The berita acara lies in the month folder of the closing day; the letter's files beside its Doc.
  const days = c.closedAt ? [dayKeyOf(c.closedAt)] : [];
  return {
    regNumber: item.regNumber,
    responseId,
    letterDocId: c.replyDocUrl ? docIdOf(c.replyDocUrl) : '',
    days,
    ...files,
  };
}

const hasWork = (t: PurgeTask): boolean =>
  t.responseId !== '' || t.letterDocId !== '' || t.days.length > 0 || t.attachments === true;

/** At most this many leftover tasks per run: each costs Drive and Forms calls under the lock. */
export const MAX_TASKS_PER_RUN = 40;

/**
 * Works through the journal under the lock (the form's answers are deleted with nobody registering meanwhile):
 * each task's form answer, then its letter files; a task is dropped only when both are done.
 */
function runTasks(deps: PurgeDeps, outcome: PurgeOutcome): void {
  const journal = deps.journal;
  if (!journal) return;
  const tasks = journal.all().slice(0, MAX_TASKS_PER_RUN);
  const ids = tasks.map((t) => t.responseId).filter((id) => id !== '');
  let gone = new Set<string>();
  if (ids.length > 0 && deps.forms) {
    try {
      const r = deps.forms.deleteResponses(ids);
      gone = new Set(r.gone);
      outcome.formResponsesDeleted += r.deleted;
    } catch (error) {
      outcome.errors.push(`form: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else if (!deps.forms) gone = new Set(ids); // no form any more: nothing of it left to delete
  for (const t of tasks) {
    let ok = t.responseId === '' || gone.has(t.responseId);
    if (!ok) outcome.errors.push(`form answer of ${t.regNumber}: not deleted yet`);
    if (t.letterDocId !== '' || t.days.length > 0) {
      try {
        outcome.letterFilesTrashed += deps.letterFiles ? deps.letterFiles.trashFiles(t) : 0;
      } catch (error) {
        ok = false;
        outcome.errors.push(`letters of ${t.regNumber}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (t.attachments) {
      try {
        outcome.attachmentsTrashed += deps.attachments ? deps.attachments.purge(t.regNumber) : 0;
      } catch (error) {
        ok = false;
        outcome.errors.push(`attachments of ${t.regNumber}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (ok) journal.done(t.regNumber);
  }
  outcome.pending = journal.all().length;
}

/**
 * The real run, under the lock: the leftover tasks written first (so a failure further on cannot lose them), the
 * identity scrubbed from the audit log and the ratings, one audit row per complaint (which fields, never their
 * values), the register rows in one write; then every open task (today's and earlier runs') is worked through.
 */
export function purgePersonalData(deps: PurgeDeps, by: string, role: string): PurgeOutcome {
  const letters = deps.letters ?? 'hapus';
  const outcome: PurgeOutcome = {
    plan: {
      years: deps.retentionYears,
      enabled: retentionEnabled(deps.retentionYears),
      letters,
      items: [],
      pending: 0,
    },
    formResponsesDeleted: 0,
    ratingCommentsPurged: 0,
    auditRowsScrubbed: 0,
    letterFilesTrashed: 0,
    attachmentsTrashed: 0,
    pending: 0,
    errors: [],
  };
  deps.lock.withLock((): void => {
    const stored = deps.store.loadAll();
    const withFiles = (reg: string) => deps.attachments?.has(reg) ?? false;
    const p = planPurge(
      stored,
      dayKeyOf(deps.now),
      deps.retentionYears,
      letters,
      deps.journal?.all().length ?? 0,
      withFiles,
    );
    outcome.plan = p;
    if (p.items.length > 0) {
      const due = new Set(p.items.map((i) => i.row));
      const byRow = new Map(stored.map((s) => [s.row, s]));
      const docIdOf = (url: string) => /\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';
      const tasks = p.items
        .map((i) => taskOf(i, byRow.get(i.row)!.complaint, letters, docIdOf, i.attachments))
        .filter(hasWork);
      if (deps.journal && tasks.length > 0) deps.journal.add(tasks);
      const identities = new Map(
        stored.filter((s) => due.has(s.row)).map((s) => [s.complaint.regNumber, identityValues(s.complaint)] as const),
      );
      if (deps.auditScrub) outcome.auditRowsScrubbed = deps.auditScrub.scrub(identities);
      if (deps.ratings) outcome.ratingCommentsPurged = deps.ratings.purgeComments(identities);
      const purged = stored
        .filter((s) => due.has(s.row))
        .map((s) => ({
          ...s,
          complaint: purgeComplaint(s.complaint, deps.now, by, identities.get(s.complaint.regNumber) ?? []),
        }));
      const entries: AuditEntry[] = p.items.map((i) => ({
        at: deps.now,
        actor: by,
        role,
        action: RETENTION.auditAction,
        regNumber: i.regNumber,
        before: JSON.stringify({ dihapus: i.fields }),
        after: '',
        note: i.open
          ? RETENTION.noteOpen(p.years, formatDay(i.closedDay))
          : RETENTION.note(p.years, formatDay(i.closedDay)),
      }));
      logOnce(deps.audit, entries); // audit first, as every step (see workflow.ts)
      deps.store.writePurged(purged);
    }
    runTasks(deps, outcome);
  });
  return outcome;
}
