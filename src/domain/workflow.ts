// The procedure of the SOP as a table of transitions (who may do what, from which status), and applying one.
import { ACTION_LABELS, MSG, PERSONAL_DATA, fieldLabel } from '../messages/domain';
import { LINK_TEXT } from '../messages/duplicates';
import { LAPOR_TEXT } from '../messages/lapor';
import type { WorkingCalendar } from './calendar';
import {
  CHANNELS,
  COMPLAINT_FIELDS,
  DELIVERY_METHODS,
  OPEN_STATUSES,
  PRIORITIES,
  STATUSES,
  type Channel,
  type Complaint,
  type ComplaintField,
  type DeliveryMethod,
  type Priority,
  type Status,
} from './complaint';
import { chooseCategory, type Category } from './category';
import { isOnTime, normalDeadline, workingDaysTaken } from './deadline';
import { specialDeadlineOf } from './lapor';
import { relatedWith } from './links';
import { formatDateTime, formatDay } from './format';
import { boundNotes } from './notes';
import { hasPersonalDataFlag, releasePersonalData, withPersonalDataFlag } from './personalData';
import { permits, rolesFor, scopeOf } from './permissions';
import { ROLE_LABELS, sameUnit, type Actor, type Role } from './roles';
import { compareDayKeys, dayKeyOf, parseDayKey, type DayKey } from './time';
import { LIMITS, cleanText, validateEmail } from './validation';

/** Every action of the procedure; messages/domain.ts gives each its label (the compiler asks for every one). */
export const ACTION_NAMES = [
  'agenda',
  'forwardToHead',
  'dispose',
  'connectToUnit',
  'answerOnSpot',
  'followUp',
  'requestInfo',
  'draftReply',
  'submitForSignature',
  'returnToUnit',
  'sign',
  'deliver',
  'closeWithAnswer',
  'extend',
  'forward',
  'reopen',
  'releasePersonalData',
  'postToLapor',
  'markDuplicate',
  'linkRelated',
  'setCategory',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** What a person types for an action; every value is raw text, cleaned and checked by applyAction. */
export interface ActionInput {
  agendaNumber?: string;
  agendaDate?: string;
  unit?: string;
  instruction?: string;
  priority?: string;
  assignedTo?: string;
  agreedDate?: string;
  answer?: string;
  note?: string;
  letterNumber?: string;
  replyDocUrl?: string;
  deliveryMethod?: string;
  extOfficial?: string;
  extReason?: string;
  extFrom?: string;
  extUntil?: string;
  forwardedTo?: string;
  forwardNote?: string;
  /** A registration number: the main complaint (markDuplicate) or the related one (linkRelated). */
  duplicateOf?: string;
  relatedTo?: string;
  category?: string;
}
export type InputField = keyof ActionInput;

export interface Transition {
  action: ActionName;
  from: readonly Status[];
  to: Status | 'same';
  /** Who may take it, from the permission table (a unit member only on their own unit's complaints). */
  roles: readonly Role[];
  /** Absent: every channel. */
  channels?: readonly Channel[];
  requires: readonly InputField[];
  optional?: readonly InputField[];
  /** The action settles the complaint: closedAt, workingDaysTaken and onTime are set. */
  closes?: boolean;
  label: string;
}

// Online complaints and SP4N-LAPOR! reports follow the letter path.
const LETTER_PATH: readonly Channel[] = ['Surat', 'Formulir Online', 'SP4N-LAPOR!'];
const LAPOR: readonly Channel[] = ['SP4N-LAPOR!'];
const WALK_IN: readonly Channel[] = ['Tatap Muka'];
const WORKING: readonly Status[] = ['Didisposisikan', 'Ditindaklanjuti'];

const STEPS: readonly Omit<Transition, 'roles'>[] = [
  // Letter and online form: CS → Sekretaris (agenda) → Kepala Dinas (disposition) → unit.
  {
    action: 'agenda',
    from: ['Diterima'],
    to: 'Diagendakan',
    channels: LETTER_PATH,
    requires: ['agendaNumber', 'agendaDate'],
    optional: ['category'],
    label: ACTION_LABELS.agenda,
  },
  {
    action: 'forwardToHead',
    from: ['Diagendakan'],
    to: 'Menunggu Disposisi',
    channels: LETTER_PATH,
    requires: [],
    label: ACTION_LABELS.forwardToHead,
  },
  {
    action: 'dispose',
    from: ['Menunggu Disposisi'],
    to: 'Didisposisikan',
    channels: LETTER_PATH,
    requires: ['unit', 'instruction'],
    optional: ['priority', 'assignedTo'],
    label: ACTION_LABELS.dispose,
  },
  // Face to face: CS connects the complainant to the unit, which answers now or by the agreed date.
  {
    action: 'connectToUnit',
    from: ['Diterima'],
    to: 'Ditindaklanjuti',
    channels: WALK_IN,
    requires: ['unit'],
    optional: ['agreedDate', 'assignedTo', 'note'],
    label: ACTION_LABELS.connectToUnit,
  },
  {
    action: 'answerOnSpot',
    from: ['Diterima', 'Ditindaklanjuti'],
    to: 'Selesai',
    channels: WALK_IN,
    requires: ['answer'],
    optional: ['unit'],
    closes: true,
    label: ACTION_LABELS.answerOnSpot,
  },
  {
    action: 'closeWithAnswer',
    from: ['Ditindaklanjuti'],
    to: 'Selesai',
    channels: WALK_IN,
    requires: ['answer'],
    closes: true,
    label: ACTION_LABELS.closeWithAnswer,
  },
  // The unit works on it (both channels).
  {
    action: 'followUp',
    from: WORKING,
    to: 'Ditindaklanjuti',
    requires: ['note'],
    label: ACTION_LABELS.followUp,
  },
  {
    action: 'requestInfo',
    from: WORKING,
    to: 'Ditindaklanjuti',
    requires: ['note'],
    label: ACTION_LABELS.requestInfo,
  },
  // Reply letter: the unit's draft (konsep) → Kepala Dinas signs → sent.
  {
    action: 'draftReply',
    from: ['Didisposisikan', 'Ditindaklanjuti', 'Konsep Jawaban'],
    to: 'Konsep Jawaban',
    requires: ['answer'],
    optional: ['replyDocUrl'],
    label: ACTION_LABELS.draftReply,
  },
  {
    action: 'submitForSignature',
    from: ['Konsep Jawaban'],
    to: 'Menunggu Tanda Tangan',
    requires: [],
    optional: ['replyDocUrl'],
    label: ACTION_LABELS.submitForSignature,
  },
  {
    action: 'returnToUnit',
    from: ['Menunggu Tanda Tangan'],
    to: 'Ditindaklanjuti',
    requires: ['note'],
    label: ACTION_LABELS.returnToUnit,
  },
  {
    action: 'sign',
    from: ['Menunggu Tanda Tangan'],
    to: 'same',
    requires: ['letterNumber'],
    optional: ['replyDocUrl'],
    label: ACTION_LABELS.sign,
  },
  {
    action: 'deliver',
    from: ['Menunggu Tanda Tangan'],
    to: 'Selesai',
    requires: ['deliveryMethod'],
    closes: true,
    label: ACTION_LABELS.deliver,
  },
  // Exceptions: special case (official away), not the agency's authority, not resolved after all.
  {
    action: 'extend',
    from: OPEN_STATUSES,
    to: 'same',
    requires: ['extOfficial', 'extReason', 'extFrom', 'extUntil'],
    label: ACTION_LABELS.extend,
  },
  {
    action: 'forward',
    from: OPEN_STATUSES,
    to: 'Dialihkan',
    requires: ['forwardedTo', 'forwardNote'],
    closes: true,
    label: ACTION_LABELS.forward,
  },
  {
    action: 'reopen',
    from: ['Selesai'],
    to: 'Ditindaklanjuti',
    requires: ['note'],
    label: ACTION_LABELS.reopen,
  },
  // A NIK, phone or email flagged in the free text that is not one (an account number, the office's own line).
  {
    action: 'releasePersonalData',
    from: STATUSES,
    to: 'same',
    requires: ['note'],
    label: ACTION_LABELS.releasePersonalData,
  },
  // SP4N-LAPOR!: the liaison admin pastes the unit's answer into LAPOR! and records it; that settles the report.
  {
    action: 'postToLapor',
    from: ['Konsep Jawaban', 'Menunggu Tanda Tangan'],
    to: 'Selesai',
    channels: LAPOR,
    requires: [],
    closes: true,
    label: ACTION_LABELS.postToLapor,
  },
  // Helpers: a duplicate closes by reference to its main complaint; related complaints and the category.
  {
    action: 'markDuplicate',
    from: OPEN_STATUSES,
    to: 'Selesai',
    requires: ['duplicateOf'],
    closes: true,
    label: ACTION_LABELS.markDuplicate,
  },
  {
    action: 'linkRelated',
    from: STATUSES,
    to: 'same',
    requires: ['relatedTo'],
    label: ACTION_LABELS.linkRelated,
  },
  {
    action: 'setCategory',
    from: STATUSES,
    to: 'same',
    requires: [],
    optional: ['category'],
    label: ACTION_LABELS.setCategory,
  },
];

/**
 * Read top to bottom, this is the SOP's procedure; who takes each step (and on which complaints) is the permission
 * table's (domain/permissions.ts), where ADMIN appears nowhere among the steps: it runs the system, not complaints.
 */
export const TRANSITIONS: readonly Transition[] = STEPS.map((t) => ({ ...t, roles: rolesFor(t.action) }));

export function transitionOf(action: string): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action);
}

/** Who may record a letter or a walk-in (CS, the Sekretaris as backup); online complaints come only from the form. */
export function canRegister(role: Role, channel: Channel): boolean {
  return channel !== 'Formulir Online' && permits(role, 'record');
}

export interface FieldChange {
  field: ComplaintField;
  before: unknown;
  after: unknown;
}

/** A unit as the workflow's checks see it. */
export interface UnitRef {
  readonly name: string;
}

export interface ActionContext {
  now: Date;
  calendar: WorkingCalendar;
  /**
   * The units a complaint may go to (the "Unit" sheet); when given, `unit` must be one of them. Records, not names,
   * so a rule of one unit (its own deadline, say) travels here without new wiring.
   */
  units?: readonly UnitRef[];
  /** The Kategori sheet; when given, `category` must be one of them ('' clears it). */
  categories?: readonly Category[];
}

export type ActionErrorCode = 'unknown' | 'role' | 'channel' | 'status' | 'unit' | 'state' | 'input';
export type ActionResult =
  | { ok: true; complaint: Complaint; changes: FieldChange[] }
  | { ok: false; error: string; code: ActionErrorCode; fields?: InputField[] };

/** `fields`: the inputs an input refusal is about, so a form can mark them. */
type Refusal = { error: string; code: ActionErrorCode; fields?: InputField[] };

function list(items: readonly string[]): string {
  return items.join(', ');
}

/** Role, channel, status and unit scope: everything decided by who acts on which complaint. */
function checkAccess(t: Transition, c: Complaint, actor: Actor): Refusal | null {
  if (!t.roles.includes(actor.role)) {
    if (actor.role === 'ADMIN') return { code: 'role', error: MSG.adminNoWorkflow };
    return {
      code: 'role',
      error: MSG.roleNotAllowed(t.label, list(t.roles.map((r) => ROLE_LABELS[r])), ROLE_LABELS[actor.role]),
    };
  }
  if (t.channels && !t.channels.includes(c.channel)) {
    return { code: 'channel', error: MSG.channelNotAllowed(t.label, c.channel, list(t.channels)) };
  }
  if (!t.from.includes(c.status)) {
    return { code: 'status', error: MSG.statusNotAllowed(t.label, c.status, list(t.from)) };
  }
  if (scopeOf(t.action, actor.role) === 'unit') {
    if (!actor.unit || actor.unit.trim() === '') return { code: 'unit', error: MSG.unitMissingActor };
    if (c.unit === '') return { code: 'unit', error: MSG.unitMissingComplaint };
    if (!sameUnit(actor.unit, c.unit)) return { code: 'unit', error: MSG.unitMismatch(c.unit) };
  }
  return null;
}

/**
 * True when `action`'s role, channel, status and unit rules let `actor` start it on `c` (what a picker can decide
 * from those columns alone; the record's other conditions are checkState's).
 */
export function accessAllows(
  action: ActionName,
  c: Pick<Complaint, 'status' | 'channel' | 'unit'>,
  actor: Actor,
): boolean {
  const t = TRANSITIONS.find((x) => x.action === action);
  return t !== undefined && checkAccess(t, c as Complaint, actor) === null;
}

/** Conditions on the record beyond its status (a letter signed once, one extension). */
function checkState(t: Transition, c: Complaint, ctx: ActionContext | undefined): Refusal | null {
  switch (t.action) {
    case 'sign':
      return c.signedBy !== '' ? { code: 'state', error: MSG.alreadySigned(c.letterNumber) } : null;
    case 'deliver':
      return c.signedBy === '' ? { code: 'state', error: MSG.notSigned } : null;
    case 'extend':
      if (c.extGrantedBy !== '') return { code: 'state', error: MSG.alreadyExtended(formatDay(c.deadline)) };
      // Without a clock (menus built without ctx) the time rule is left to applyAction.
      if (ctx && compareDayKeys(dayKeyOf(ctx.now), c.deadline) > 0) {
        return { code: 'state', error: MSG.extAfterDeadline(formatDay(c.deadline)) };
      }
      return null;
    case 'releasePersonalData':
      return hasPersonalDataFlag(c) ? null : { code: 'state', error: PERSONAL_DATA.nothingToRelease };
    case 'postToLapor':
      if (c.answer.trim() === '') return { code: 'state', error: LAPOR_TEXT.noAnswer };
      return c.laporPostedAt
        ? { code: 'state', error: LAPOR_TEXT.alreadyPosted(formatDateTime(c.laporPostedAt), c.laporPostedBy) }
        : null;
    case 'markDuplicate':
      return c.duplicateOf !== ''
        ? { code: 'state', error: LINK_TEXT.alreadyDuplicate(c.regNumber, c.duplicateOf) }
        : null;
    default:
      return null;
  }
}

/** The actions this person can take on this complaint now, for menus and sidebars (pass ctx for the time rules). */
export function allowedActions(c: Complaint, actor: Actor, ctx?: ActionContext): ActionName[] {
  return TRANSITIONS.filter((t) => checkAccess(t, c, actor) === null && checkState(t, c, ctx) === null).map(
    (t) => t.action,
  );
}

const DAY_FIELDS: readonly InputField[] = ['agendaDate', 'agreedDate', 'extFrom', 'extUntil'];

type Cleaned = Partial<Record<InputField, string>>;

/** Cleans every input the action uses; refuses missing required ones, bad dates, bad options, over-long text. */
function cleanInputs(t: Transition, input: ActionInput, ctx: ActionContext): { values: Cleaned } | Refusal {
  const values: Cleaned = {};
  const missing: string[] = [];
  const missingFields: InputField[] = [];
  for (const field of [...t.requires, ...(t.optional ?? [])]) {
    const raw = input[field];
    const limit = (LIMITS as Record<string, number>)[field] ?? 100;
    const cleaned = cleanText(typeof raw === 'string' ? raw : '');
    if (cleaned === '') {
      if (t.requires.includes(field)) {
        missing.push(fieldLabel(field));
        missingFields.push(field);
      }
      continue;
    }
    if (cleaned.length > limit) return { code: 'input', error: MSG.textTooLong(field, limit), fields: [field] };
    if (DAY_FIELDS.includes(field)) {
      const day = parseDayKey(cleaned);
      if (day === null) return { code: 'input', error: MSG.invalidDay(field), fields: [field] };
      values[field] = day;
    } else if (field === 'priority') {
      const p = PRIORITIES.find((x) => x.toLowerCase() === cleaned.toLowerCase());
      if (!p) return { code: 'input', error: MSG.invalidOption(field, list(PRIORITIES)), fields: [field] };
      values[field] = p;
    } else if (field === 'deliveryMethod') {
      const d = DELIVERY_METHODS.find((x) => x === cleaned.toLowerCase());
      if (!d) return { code: 'input', error: MSG.invalidOption(field, list(DELIVERY_METHODS)), fields: [field] };
      values[field] = d;
    } else if (field === 'assignedTo') {
      const e = validateEmail(cleaned);
      if (!e.ok) return { code: 'input', error: `${fieldLabel(field)}: ${e.message}`, fields: [field] };
      values[field] = e.value;
    } else if (field === 'unit' && ctx.units && ctx.units.length > 0) {
      const known = ctx.units.find((u) => sameUnit(u.name, cleaned));
      if (!known) {
        return { code: 'input', error: MSG.unknownUnit(cleaned, list(ctx.units.map((u) => u.name))), fields: [field] };
      }
      values[field] = known.name;
    } else if (field === 'duplicateOf' || field === 'relatedTo') {
      const n = cleaned.toUpperCase();
      if (/\s|,|;/.test(n)) return { code: 'input', error: MSG.invalidOption(field, 'DUMAS-…'), fields: [field] };
      values[field] = n;
    } else if (field === 'category' && ctx.categories) {
      const chosen = chooseCategory(cleaned, ctx.categories);
      if (!chosen.ok) return { code: 'input', error: chosen.message, fields: [field] };
      values[field] = chosen.value;
    } else if (field === 'replyDocUrl' && !/^https:\/\/\S+$/.test(cleaned)) {
      return { code: 'input', error: MSG.invalidOption(field, 'https://…'), fields: [field] };
    } else {
      values[field] = cleaned;
    }
  }
  if (missing.length > 0) return { code: 'input', error: MSG.missingFields(list(missing)), fields: missingFields };
  return { values };
}

function author(actor: Actor): string {
  const who = actor.name && actor.name.trim() !== '' ? actor.name.trim() : actor.email;
  return `${who} (${ROLE_LABELS[actor.role]})`;
}

/** The follow-up log: one line per entry, newest last, with time and author. */
function appendNote(c: Complaint, actor: Actor, now: Date, text: string): void {
  const line = `[${formatDateTime(now)}] ${author(actor)}: ${text}`;
  c.followUpNotes = boundNotes(c.followUpNotes === '' ? line : `${c.followUpNotes}\n${line}`);
}

function close(c: Complaint, now: Date, cal: WorkingCalendar): void {
  c.closedAt = now;
  c.workingDaysTaken = workingDaysTaken(c.receivedAt, now, cal);
  c.onTime = isOnTime(c.deadline, now);
}

function clearSignature(c: Complaint): void {
  c.letterNumber = '';
  c.letterDate = '';
  c.signedBy = '';
  c.signedAt = null;
}

function maxDay(a: DayKey, b: DayKey): DayKey {
  return compareDayKeys(a, b) >= 0 ? a : b;
}

/** The action's own effect on the copy `c`; returns a refusal when a cross-field rule fails. */
function effect(t: Transition, c: Complaint, v: Cleaned, actor: Actor, ctx: ActionContext): Refusal | null {
  const { now, calendar: cal } = ctx;
  const today = dayKeyOf(now);
  const s = (f: InputField): string => v[f] ?? '';
  switch (t.action) {
    case 'agenda': {
      const day = s('agendaDate');
      if (compareDayKeys(day, dayKeyOf(c.receivedAt)) < 0)
        return { code: 'input', error: MSG.agendaDateBeforeReceipt, fields: ['agendaDate'] };
      if (compareDayKeys(day, today) > 0)
        return { code: 'input', error: MSG.dateInFuture('agendaDate'), fields: ['agendaDate'] };
      c.agendaNumber = s('agendaNumber');
      c.agendaDate = day;
      if (v.category) c.category = v.category;
      return null;
    }
    case 'forwardToHead':
      return null;
    case 'dispose':
      c.unit = s('unit');
      c.instruction = s('instruction');
      c.priority = (v.priority as Priority | undefined) ?? 'Biasa';
      if (v.assignedTo) c.assignedTo = v.assignedTo;
      c.disposedBy = actor.email;
      c.disposedAt = now;
      return null;
    case 'connectToUnit': {
      c.unit = s('unit');
      if (v.assignedTo) c.assignedTo = v.assignedTo;
      const agreed = v.agreedDate;
      if (agreed) {
        if (compareDayKeys(agreed, today) < 0)
          return { code: 'input', error: MSG.agreedDatePast, fields: ['agreedDate'] };
        if (!cal.isWorkingDay(agreed))
          return { code: 'input', error: MSG.agreedDateNotWorking(formatDay(agreed)), fields: ['agreedDate'] };
        if (compareDayKeys(agreed, c.deadline) > 0) {
          return { code: 'input', error: MSG.agreedDateTooLate(formatDay(c.deadline)), fields: ['agreedDate'] };
        }
        c.agreedDate = agreed;
        c.deadline = agreed;
        appendNote(c, actor, now, MSG.noteAgreed(formatDay(agreed)));
      }
      if (v.note) appendNote(c, actor, now, v.note);
      return null;
    }
    case 'answerOnSpot':
      if (c.unit === '' && v.unit) c.unit = v.unit;
      c.answer = s('answer');
      return null;
    case 'closeWithAnswer':
      c.answer = s('answer');
      return null;
    case 'followUp':
      appendNote(c, actor, now, s('note'));
      return null;
    case 'requestInfo':
      c.infoRequestedAt = now;
      appendNote(c, actor, now, `${MSG.noteInfoRequested}: ${s('note')}`);
      return null;
    case 'draftReply':
    case 'submitForSignature':
      if (t.action === 'draftReply') c.answer = s('answer');
      if (v.replyDocUrl) c.replyDocUrl = v.replyDocUrl;
      return null;
    case 'returnToUnit':
      // A letter signed but not yet sent is voided; its number stays used (recorded in the log) so numbers stay gap-free.
      if (c.signedBy !== '') {
        appendNote(c, actor, now, MSG.noteSignatureVoided(c.letterNumber));
        clearSignature(c);
      }
      appendNote(c, actor, now, `${MSG.noteReturned}: ${s('note')}`);
      return null;
    case 'sign':
      c.letterNumber = s('letterNumber');
      c.letterDate = today;
      c.signedBy = actor.email;
      c.signedAt = now;
      if (v.replyDocUrl) c.replyDocUrl = v.replyDocUrl;
      return null;
    case 'deliver':
      c.deliveryMethod = s('deliveryMethod') as DeliveryMethod;
      c.sentAt = now;
      return null;
    case 'extend': {
      const from = s('extFrom');
      const until = s('extUntil');
      if (compareDayKeys(until, from) < 0)
        return { code: 'input', error: MSG.extRange, fields: ['extFrom', 'extUntil'] };
      if (compareDayKeys(from, c.deadline) > 0)
        return { code: 'input', error: MSG.extNotInPeriod(formatDay(c.deadline)), fields: ['extFrom'] };
      c.extOfficial = s('extOfficial');
      c.extReason = s('extReason');
      c.extFrom = from;
      c.extUntil = until;
      c.extGrantedBy = actor.email;
      c.extGrantedAt = now;
      c.deadline = maxDay(specialDeadlineOf(c, cal), c.deadline);
      c.deadlineKind = 'khusus';
      appendNote(c, actor, now, MSG.noteExtended(formatDay(c.deadline)));
      return null;
    }
    case 'forward':
      c.forwardedTo = s('forwardedTo');
      c.forwardNote = s('forwardNote');
      appendNote(c, actor, now, `${MSG.noteForwarded(c.forwardedTo)}: ${c.forwardNote}`);
      return null;
    case 'reopen':
      // The complainant says it is not resolved: a fresh 5 working days from today; the old letter stays in the log.
      if (c.letterNumber !== '') appendNote(c, actor, now, MSG.notePreviousLetter(c.letterNumber));
      appendNote(c, actor, now, `${MSG.noteReopened}: ${s('note')}`);
      clearSignature(c);
      c.sentAt = null;
      c.deliveryMethod = '';
      c.replyDocUrl = '';
      c.laporPostedBy = '';
      c.laporPostedAt = null;
      c.closedAt = null;
      c.onTime = null;
      c.workingDaysTaken = null;
      c.deadline = normalDeadline(now, cal);
      c.deadlineKind = 'normal';
      c.reopenCount += 1;
      return null;
    case 'postToLapor':
      c.laporPostedBy = actor.email;
      c.laporPostedAt = now;
      appendNote(c, actor, now, LAPOR_TEXT.postedNote(c.laporId));
      return null;
    case 'markDuplicate':
      // The main complaint's existence and shape (not itself a duplicate) are checked by the caller, who holds the register.
      if (s('duplicateOf') === c.regNumber) return { code: 'input', error: LINK_TEXT.self, fields: ['duplicateOf'] };
      c.duplicateOf = s('duplicateOf');
      if (c.answer.trim() === '') c.answer = LINK_TEXT.duplicateAnswer(c.duplicateOf);
      appendNote(c, actor, now, LINK_TEXT.noteDuplicate(c.duplicateOf));
      return null;
    case 'linkRelated':
      if (s('relatedTo') === c.regNumber) return { code: 'input', error: LINK_TEXT.self, fields: ['relatedTo'] };
      c.relatedTo = relatedWith(c, s('relatedTo'));
      appendNote(c, actor, now, LINK_TEXT.noteRelated(s('relatedTo')));
      return null;
    case 'setCategory':
      c.category = v.category ?? '';
      return null;
    case 'releasePersonalData':
      // The reason stays in the audit row (its note); the flags keep which masked values were released.
      c.verificationFlags = releasePersonalData(c).flags;
      return null;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * Applies one action. Pure: the input complaint is not modified. On success the copy has its status moved,
 * its `version` bumped and `updatedAt`/`updatedBy` set, and `changes` lists every field that changed.
 */
export function applyAction(
  complaint: Complaint,
  action: string,
  actor: Actor,
  input: ActionInput,
  ctx: ActionContext,
): ActionResult {
  const t = transitionOf(action);
  if (!t) return { ok: false, code: 'unknown', error: MSG.unknownAction(String(action)) };
  if (!CHANNELS.includes(complaint.channel)) {
    return { ok: false, code: 'channel', error: MSG.channelNotAllowed(t.label, complaint.channel, list(CHANNELS)) };
  }
  const refused = checkAccess(t, complaint, actor) ?? checkState(t, complaint, ctx);
  if (refused) return { ok: false, ...refused };
  const cleaned = cleanInputs(t, input, ctx);
  if ('error' in cleaned) return { ok: false, ...cleaned };

  const next: Complaint = { ...complaint };
  const failed = effect(t, next, cleaned.values, actor, ctx);
  if (failed) return { ok: false, ...failed };
  if (t.to !== 'same') next.status = t.to;
  if (t.closes) close(next, ctx.now, ctx.calendar);
  // Notes, answers and reasons typed with any action are checked as the description was at intake.
  next.verificationFlags = withPersonalDataFlag(next);
  next.version = complaint.version + 1;
  next.updatedAt = ctx.now;
  next.updatedBy = actor.email;

  const changes: FieldChange[] = [];
  for (const field of COMPLAINT_FIELDS) {
    if (!sameValue(complaint[field], next[field]))
      changes.push({ field, before: complaint[field], after: next[field] });
  }
  return { ok: true, complaint: next, changes };
}
