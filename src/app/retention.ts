// Purging personal data past the retention period: one plan serves the dry run and the real run, so both list the same rows.
import { formatDay } from '../domain/format';
import {
  filledPersonalFields,
  isPurgeDue,
  purgeComplaint,
  purgeDay,
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

/** The public form keeps its own copy of each answer: deleted with the register's data. */
export interface FormResponsesPort {
  /** Deletes these responses; returns how many existed. */
  deleteResponses(ids: readonly string[]): number;
}

/** The ratings' comments (the "Penilaian" sheet): their NIKs, phones and emails go with the complaint's. */
export interface RatingCommentsPort {
  /** Strips personal data from the comments of these complaints; returns how many comments changed. */
  purgeComments(regNumbers: ReadonlySet<string>): number;
}

export interface PurgeItem {
  regNumber: string;
  row: number;
  closedDay: DayKey;
  dueDay: DayKey;
  fields: (PersonalField | FreeTextField)[];
  responseId: string;
}

export interface PurgePlan {
  years: number;
  enabled: boolean;
  items: PurgeItem[];
}

/** Which rows the purge empties today, and which of their fields; pure. */
export function planPurge(stored: readonly StoredComplaint[], today: DayKey, years: number): PurgePlan {
  const enabled = retentionEnabled(years);
  const items: PurgeItem[] = [];
  if (enabled) {
    for (const s of stored) {
      const c = s.complaint;
      if (!isPurgeDue(c, today, years) || c.closedAt === null) continue;
      items.push({
        regNumber: c.regNumber,
        row: s.row,
        closedDay: dayKeyOf(c.closedAt),
        dueDay: purgeDay(c.closedAt, years),
        fields: filledPersonalFields(c),
        responseId: s.responseId,
      });
    }
  }
  return { years, enabled, items };
}

/** The dry run's lines (and the real run's record): number, closing day, the fields emptied. */
export function describePurge(plan: PurgePlan, limit = 50): string {
  if (!plan.enabled) return RETENTION.disabled(plan.years);
  if (plan.items.length === 0) return RETENTION.nothing(plan.years);
  const lines = plan.items
    .slice(0, limit)
    .map((i) => RETENTION.line(i.regNumber, formatDay(i.closedDay), i.fields.map((f) => FIELD_NAMES[f]).join(', ')));
  if (plan.items.length > limit) lines.push(RETENTION.more(plan.items.length - limit));
  return [RETENTION.previewHeader(plan.items.length, plan.years), ...lines, '', RETENTION.previewFooter].join('\n');
}

export interface PurgeDeps {
  now: Date;
  retentionYears: number;
  store: PurgeStore;
  audit: AuditPort;
  lock: LockPort;
  forms: FormResponsesPort | null;
  ratings?: RatingCommentsPort | null;
}

export interface PurgeOutcome {
  plan: PurgePlan;
  formResponsesDeleted: number;
  ratingCommentsPurged: number;
}

/** The dry run: the same plan, nothing written. */
export function previewPurge(deps: Pick<PurgeDeps, 'now' | 'retentionYears' | 'store'>): PurgePlan {
  return planPurge(deps.store.loadAll(), dayKeyOf(deps.now), deps.retentionYears);
}

/**
 * The real run, under the lock: empties the identity fields of every due row in one write, one audit row per
 * complaint (which fields, never their values), then deletes the matching form responses.
 */
export function purgePersonalData(deps: PurgeDeps, by: string, role: string): PurgeOutcome {
  let ratingCommentsPurged = 0;
  const plan = deps.lock.withLock((): PurgePlan => {
    const stored = deps.store.loadAll();
    const p = planPurge(stored, dayKeyOf(deps.now), deps.retentionYears);
    if (p.items.length === 0) return p;
    const due = new Set(p.items.map((i) => i.row));
    const purged = stored
      .filter((s) => due.has(s.row))
      .map((s) => ({ ...s, complaint: purgeComplaint(s.complaint, deps.now, by) }));
    const entries: AuditEntry[] = p.items.map((i) => ({
      at: deps.now,
      actor: by,
      role,
      action: RETENTION.auditAction,
      regNumber: i.regNumber,
      before: JSON.stringify({ dihapus: i.fields }),
      after: '',
      note: RETENTION.note(p.years, formatDay(i.closedDay)),
    }));
    logOnce(deps.audit, entries); // audit first, as every step (see workflow.ts)
    deps.store.writePurged(purged);
    // Same lock: a rating arriving meanwhile waits, and its comment is caught by the next purge.
    ratingCommentsPurged = deps.ratings ? deps.ratings.purgeComments(new Set(p.items.map((i) => i.regNumber))) : 0;
    return p;
  });
  const ids = plan.items.map((i) => i.responseId).filter((id) => id !== '' && !isRecordingKey(id));
  const formResponsesDeleted = ids.length > 0 && deps.forms ? deps.forms.deleteResponses(ids) : 0;
  return { plan, formResponsesDeleted, ratingCommentsPurged };
}
