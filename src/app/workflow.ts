// One workflow action on one complaint: under the lock, find its row, refuse stale data, apply the SOP rule,
// append one audit row, write the row once; then tell the people the next step belongs to.
import { stripPersonalData } from '../domain/personalData';
import type { WorkingCalendar } from '../domain/calendar';
import type { Complaint } from '../domain/complaint';
import { formatDateTime } from '../domain/format';
import type { Actor } from '../domain/roles';
import { toIsoWita } from '../domain/time';
import {
  applyAction,
  transitionOf,
  type ActionContext,
  type ActionErrorCode,
  type ActionInput,
  type ActionName,
  type FieldChange,
  type InputField,
} from '../domain/workflow';
import type { Category } from '../domain/category';
import { duplicateRefusal, parseLinkList, relatedRefusal } from '../domain/links';
import { ACTION_LABELS } from '../messages/domain';
import { LINK_TEXT } from '../messages/duplicates';
import { WF } from '../messages/workflow';
import {
  logOnce,
  type AuditEntry,
  type AuditPort,
  type LockPort,
  type NotifierPort,
  type RegisterPort,
  type StoredComplaint,
} from '../ports';
import type { Settings } from './settings';
import type { TeamMember, Unit } from './team';
import { eventsOf, type WorkflowEvents } from './events';
import { notifyAfterAction } from './workflowNotify';

export interface WorkflowDeps {
  now: Date;
  calendar: WorkingCalendar;
  settings: Settings;
  team: readonly TeamMember[];
  units: readonly Unit[];
  register: RegisterPort;
  audit: AuditPort;
  notifier: NotifierPort;
  lock: LockPort;
  registerUrl: string;
  /** Where the workflow's events go ("closed": the rating invitation listens), subscribed once in the wiring. */
  events: WorkflowEvents;
  /** Every agenda number in the register (one column read), to refuse a number used twice. */
  agendaNumbers: () => { regNumber: string; agendaNumber: string }[];
  /** The Kategori sheet: a category set or corrected must be one of it (read only then). Absent: every text is accepted. */
  categories?: () => readonly Category[];
  /** Every row's "duplikat dari" (one column read): a complaint others point to is not made a duplicate. */
  duplicateLinks?: () => { regNumber: string; duplicateOf: string }[];
}

export interface ActionRequest {
  regNumber: string;
  /** Complaint.version as the person saw it when they opened the complaint. */
  version: number;
  action: ActionName;
  input: ActionInput;
}

export type ActionRefusalCode = ActionErrorCode | 'notFound' | 'stale' | 'duplicate';

export type ActionOutcome =
  | {
      ok: true;
      stored: StoredComplaint;
      changes: FieldChange[];
      entry: AuditEntry;
      warnings: string[];
      notified: number;
      /** What the listeners of the step's events did, for the person (e.g. the rating invitation sent). */
      notes: string[];
    }
  | { ok: false; code: ActionRefusalCode; message: string; current?: StoredComplaint; fields?: InputField[] };

/** Already in the log row's own time and user columns. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy']);

/**
 * Before/after of the changed fields as JSON; instants in WITA so the log reads as office time. A NIK, phone or
 * email written into a text is replaced by its marker: the log is kept for good and the purge never rewrites it.
 */
export function changesJson(changes: readonly FieldChange[], side: 'before' | 'after'): string {
  const out: Record<string, unknown> = {};
  for (const ch of changes) {
    if (BOOKKEEPING.has(ch.field)) continue;
    const v = ch[side];
    out[ch.field] = v instanceof Date ? toIsoWita(v) : typeof v === 'string' ? stripPersonalData(v) : v;
  }
  return JSON.stringify(out);
}

/** The free text a person typed with the action, kept as the audit note. */
function noteOf(action: ActionName, input: ActionInput): string {
  switch (action) {
    case 'extend':
      return input.extReason ?? '';
    case 'forward':
      return input.forwardNote ?? '';
    case 'dispose':
      return input.instruction ?? '';
    default:
      return input.note ?? '';
  }
}

function duplicateAgenda(deps: WorkflowDeps, c: Complaint, number: string): string | null {
  const key = number.trim().toLowerCase();
  const other = deps
    .agendaNumbers()
    .find((r) => r.regNumber !== c.regNumber && r.agendaNumber.trim().toLowerCase() === key);
  return other ? other.regNumber : null;
}

function actionContext(deps: WorkflowDeps, input: ActionInput = {}): ActionContext {
  const named = typeof input.category === 'string' && input.category.trim() !== '';
  return {
    now: deps.now,
    calendar: deps.calendar,
    units: deps.units,
    categories: named ? deps.categories?.() : undefined,
  };
}

function auditEntry(
  deps: WorkflowDeps,
  actor: Actor,
  action: ActionName,
  regNumber: string,
  changes: FieldChange[],
  note: string,
): AuditEntry {
  return {
    at: deps.now,
    actor: actor.email,
    role: actor.role,
    action: ACTION_LABELS[action],
    regNumber,
    before: changesJson(changes, 'before'),
    after: changesJson(changes, 'after'),
    note,
  };
}

type LinkedSide = { stored: StoredComplaint; entry: AuditEntry } | { message: string; fields: InputField[] };

/**
 * The other complaint of a link. A duplicate's main complaint is only read (it must exist and not be a duplicate
 * itself; no complaint may point at the duplicate); a related complaint gets the link too, in its own audit row.
 */
function linkedSide(
  deps: WorkflowDeps,
  actor: Actor,
  stored: StoredComplaint,
  action: ActionName,
  after: Complaint,
  input: ActionInput,
): LinkedSide | null {
  if (action === 'markDuplicate') {
    const main = deps.register.find(after.duplicateOf);
    if (!main) return { message: LINK_TEXT.notFound(after.duplicateOf), fields: ['duplicateOf'] };
    const links = deps.duplicateLinks
      ? deps.duplicateLinks()
      : deps.register
          .loadAll()
          .map((s) => ({ regNumber: s.complaint.regNumber, duplicateOf: s.complaint.duplicateOf }));
    const all = links.map((l) => ({ ...l, status: 'Diterima' as const, relatedTo: '' }));
    const refusal = duplicateRefusal(stored.complaint, main.complaint, all);
    return refusal ? { message: refusal, fields: ['duplicateOf'] } : null;
  }
  if (action !== 'linkRelated') return null;
  // The number typed (already checked by the domain as one number): also when it is linked already, to say so.
  const target = parseLinkList(input.relatedTo ?? '')[0] ?? '';
  const other = deps.register.find(target);
  if (!other) return { message: LINK_TEXT.notFound(target), fields: ['relatedTo'] };
  const refusal = relatedRefusal(stored.complaint, other.complaint);
  if (refusal) return { message: refusal, fields: ['relatedTo'] };
  const r = applyAction(
    other.complaint,
    'linkRelated',
    actor,
    { relatedTo: stored.complaint.regNumber },
    actionContext(deps),
  );
  if (!r.ok) return { message: `${other.complaint.regNumber}: ${r.error}`, fields: ['relatedTo'] };
  return {
    stored: { ...other, complaint: r.complaint },
    entry: auditEntry(deps, actor, 'linkRelated', other.complaint.regNumber, r.changes, ''),
  };
}

export function performAction(deps: WorkflowDeps, actor: Actor, request: ActionRequest): ActionOutcome {
  const outcome = deps.lock.withLock((): ActionOutcome => {
    const stored = deps.register.find(request.regNumber);
    if (!stored) return { ok: false, code: 'notFound', message: WF.notFound(request.regNumber) };
    const current = stored.complaint;
    // The version the person saw must still be the row's: otherwise someone acted (or typed) meanwhile.
    if (current.version !== request.version) {
      return {
        ok: false,
        code: 'stale',
        message: WF.stale(current.regNumber, current.updatedBy || WF.unknownUser, formatDateTime(current.updatedAt)),
        current: stored,
      };
    }
    const result = applyAction(current, request.action, actor, request.input, actionContext(deps, request.input));
    if (!result.ok) return { ok: false, code: result.code, message: result.error, fields: result.fields };
    if (request.action === 'agenda') {
      const other = duplicateAgenda(deps, current, result.complaint.agendaNumber);
      if (other)
        return {
          ok: false,
          code: 'duplicate',
          message: WF.duplicateAgenda(result.complaint.agendaNumber, other),
          fields: ['agendaNumber'],
        };
    }
    // A link names another complaint: it must exist, and the pair must keep the links' shape (domain/links.ts).
    const linked = linkedSide(deps, actor, stored, request.action, result.complaint, request.input);
    if (linked && 'message' in linked)
      return { ok: false, code: 'input', message: linked.message, fields: linked.fields };
    const next: StoredComplaint = { ...stored, complaint: result.complaint };
    const entry: AuditEntry = {
      at: deps.now,
      actor: actor.email,
      role: actor.role,
      action: ACTION_LABELS[request.action],
      regNumber: current.regNumber,
      before: changesJson(result.changes, 'before'),
      after: changesJson(result.changes, 'after'),
      note: stripPersonalData(noteOf(request.action, request.input)),
    };
    // Audit first, register second: no register change without its audit row; a retry after a failed register
    // write finds the version unchanged and its audit row already there (logOnce).
    logOnce(deps.audit, linked ? [entry, linked.entry] : [entry]);
    deps.register.write(next);
    if (linked) deps.register.write(linked.stored);
    return { ok: true, stored: next, changes: result.changes, entry, warnings: [], notified: 0, notes: [] };
  });
  if (!outcome.ok) return outcome;
  // Mail goes out after the lock is released: a slow mail server must not hold up other staff.
  const c = outcome.stored.complaint;
  const sent = notifyAfterAction(deps, actor, request.action, c, request.input);
  const notes = deps.events.emit(eventsOf(request.action, c));
  return { ...outcome, warnings: sent.warnings, notified: sent.recipients, notes };
}

/** For menus and messages: the label of an action of the table. */
export function actionLabel(action: ActionName): string {
  return transitionOf(action)?.label ?? action;
}
