// What the workflow sidebars show, built from a complaint for one reader: masked, plain text, no Date objects.
import { maskPersonalData, releasedFingerprints } from '../domain/personalData';
import type { WorkingCalendar } from '../domain/calendar';
import { suggestedUnitFor, type Category } from '../domain/category';
import { LAPOR_REPORT_URL, laporPostBackText } from '../domain/lapor';
import type { Complaint } from '../domain/complaint';
import { deadlineFacts, type DeadlineFacts, type DeadlineState } from '../domain/deadline';
import { formatDateTime, formatDay, formatDayLong } from '../domain/format';
import { CONTENT_FIELDS, IDENTITY_FIELDS, canSeeContent, canSeeIdentity, redact } from '../domain/privacy';
import { ROLE_LABELS, parseRole, type Actor } from '../domain/roles';
import { dayKeyOf, parseDayKey } from '../domain/time';
import { ACTION_LABELS, HIDDEN_TEXT, REGISTERED_LABEL, fieldLabel } from '../messages/domain';
import { DEADLINE_STATE_TEXT, EXTENSION_LINE, HISTORY_TEXT, WF } from '../messages/workflow';
import type { AuditEntry } from '../ports';
import { allowedActions, type ActionName, type UnitRef } from '../domain/workflow';
import { cellText } from '../lib/cells';
import { NO, YES } from '../messages/sheets';

export interface ActionOption {
  name: ActionName;
  label: string;
}

/** One complaint as a sidebar card shows it (google.script.run cannot carry Dates: all text). */
export interface ComplaintView {
  regNumber: string;
  version: number;
  row: number;
  url: string;
  status: string;
  channel: string;
  privacy: string;
  received: string;
  receivedDay: string;
  deadline: string;
  deadlineDay: string;
  deadlineKind: string;
  deadlineState: DeadlineState;
  deadlineText: string;
  name: string;
  nik: string;
  phone: string;
  email: string;
  address: string;
  subject: string;
  description: string;
  unit: string;
  agendaNumber: string;
  agendaDate: string;
  instruction: string;
  priority: string;
  assignedTo: string;
  followUpNotes: string;
  answer: string;
  replyDocUrl: string;
  extension: string;
  forwardedTo: string;
  forwardNote: string;
  updated: string;
  category: string;
  /** The unit the category suggests ('' when none): the disposition sidebar preselects it while no unit is set. */
  suggestedUnit: string;
  /** SP4N-LAPOR!: the tracking ID ('' when not from LAPOR!), the forwarding day, the posting back (who, when). */
  laporId: string;
  laporForwardedOn: string;
  laporPosted: string;
  /** LAPOR!'s page of the report, and the text to paste there ('' until answered or for a reader without the content). */
  laporUrl: string;
  postBackText: string;
  duplicateOf: string;
  relatedTo: string;
  /** What this reader may do now, limited to the sidebar's actions. */
  actions: ActionOption[];
}

/** One line of a picker or of the monitoring list. */
export interface ListItem {
  regNumber: string;
  row: number;
  url: string;
  subject: string;
  status: string;
  unit: string;
  priority: string;
  deadline: string;
  deadlineDay: string;
  state: DeadlineState;
  stateText: string;
  workingDaysLate: number;
  workingDaysLeft: number;
  closed: boolean;
}

export interface ViewContext {
  now: Date;
  calendar: WorkingCalendar;
  units: readonly UnitRef[];
  /** `#gid=…&range=A<row>` link builder. */
  rowUrl: (row: number) => string;
  /** A team member's name for their email (the email itself when unknown): people read names, not addresses. */
  nameOf?: (email: string) => string;
  /** The agency's public name (the LAPOR! post-back text signs with it). */
  agency?: string;
  /** The Kategori sheet: the disposition preselects the unit a complaint's category suggests. */
  categories?: readonly Category[];
}

/** A forwarded complaint is closed but not "Selesai": its settled states say "Dialihkan". */
export function stateText(facts: DeadlineFacts, status = ''): string {
  if (status === 'Dialihkan' && facts.state === 'settled_on_time') return DEADLINE_STATE_TEXT.forwarded_on_time();
  if (status === 'Dialihkan' && facts.state === 'settled_late')
    return DEADLINE_STATE_TEXT.forwarded_late(facts.workingDaysLate);
  switch (facts.state) {
    case 'overdue':
      return DEADLINE_STATE_TEXT.overdue(facts.workingDaysLate);
    case 'settled_late':
      return DEADLINE_STATE_TEXT.settled_late(facts.workingDaysLate);
    case 'open_on_track':
      return DEADLINE_STATE_TEXT.open_on_track(facts.workingDaysLeft);
    default:
      return DEADLINE_STATE_TEXT[facts.state]();
  }
}

function day(value: string): string {
  return value === '' ? '' : formatDay(value);
}

function when(value: Date | null): string {
  return value ? formatDateTime(value) : '';
}

export function actionOptions(
  c: Complaint,
  actor: Actor,
  offered: readonly ActionName[],
  ctx: Pick<ViewContext, 'now' | 'calendar' | 'units'>,
): ActionOption[] {
  const allowed = allowedActions(c, actor, { now: ctx.now, calendar: ctx.calendar, units: ctx.units });
  return offered.filter((a) => allowed.includes(a)).map((a) => ({ name: a, label: ACTION_LABELS[a] }));
}

export function complaintView(
  c: Complaint,
  row: number,
  actor: Actor,
  offered: readonly ActionName[],
  ctx: ViewContext,
): ComplaintView {
  const seen = redact(c, actor);
  const facts = deadlineFacts(c, ctx.now, ctx.calendar);
  const nameOf = ctx.nameOf ?? ((email: string) => email);
  const extension =
    c.extGrantedBy === ''
      ? ''
      : EXTENSION_LINE(
          c.extOfficial,
          day(c.extFrom),
          day(c.extUntil),
          seen.extReason,
          nameOf(c.extGrantedBy),
          when(c.extGrantedAt),
        );
  return {
    regNumber: c.regNumber,
    version: c.version,
    row,
    url: ctx.rowUrl(row),
    status: c.status,
    channel: c.channel,
    privacy: c.privacy,
    received: formatDateTime(c.receivedAt),
    receivedDay: dayKeyOf(c.receivedAt),
    deadline: c.deadline ? formatDayLong(c.deadline) : '',
    deadlineDay: c.deadline,
    deadlineKind: c.deadlineKind,
    deadlineState: facts.state,
    deadlineText: stateText(facts, c.status),
    name: seen.name,
    nik: seen.nik,
    phone: seen.phone,
    email: seen.email,
    address: seen.address,
    subject: seen.subject,
    description: seen.description,
    unit: c.unit,
    agendaNumber: c.agendaNumber,
    agendaDate: day(c.agendaDate),
    instruction: seen.instruction,
    priority: c.priority,
    assignedTo: c.assignedTo === '' ? '' : nameOf(c.assignedTo),
    followUpNotes: seen.followUpNotes,
    answer: seen.answer,
    replyDocUrl: c.replyDocUrl,
    extension,
    forwardedTo: c.forwardedTo,
    forwardNote: seen.forwardNote,
    updated: c.updatedBy === '' ? when(c.updatedAt) : `${when(c.updatedAt)} — ${nameOf(c.updatedBy)}`,
    category: c.category,
    suggestedUnit: suggestedUnitFor(c.category, ctx.categories ?? []),
    laporId: c.laporId,
    laporForwardedOn: day(c.laporForwardedOn),
    laporPosted: c.laporPostedAt ? `${when(c.laporPostedAt)} — ${nameOf(c.laporPostedBy)}` : '',
    laporUrl: c.laporId === '' ? '' : `${LAPOR_REPORT_URL}${c.laporId}`,
    postBackText:
      c.laporId !== '' && c.answer.trim() !== '' && canSeeContent(actor, c)
        ? laporPostBackText(c, ctx.agency ?? '')
        : '',
    duplicateOf: c.duplicateOf,
    relatedTo: c.relatedTo,
    actions: actionOptions(c, actor, offered, ctx),
  };
}

export function listItem(c: Complaint, row: number, actor: Actor, ctx: ViewContext): ListItem {
  const facts = deadlineFacts(c, ctx.now, ctx.calendar);
  return {
    regNumber: c.regNumber,
    row,
    url: ctx.rowUrl(row),
    subject: redact(c, actor).subject,
    status: c.status,
    unit: c.unit,
    priority: c.priority,
    deadline: c.deadline ? formatDay(c.deadline) : '',
    deadlineDay: c.deadline,
    state: facts.state,
    stateText: stateText(facts, c.status),
    workingDaysLate: facts.workingDaysLate,
    workingDaysLeft: facts.workingDaysLeft,
    closed: c.closedAt !== null,
  };
}

const STATE_ORDER: Record<DeadlineState, number> = {
  overdue: 0,
  due_today: 1,
  due_next_working_day: 2,
  open_on_track: 3,
  settled_late: 4,
  settled_on_time: 5,
};

/** Overdue first (most late first), then by deadline, earliest first; the registration number breaks ties. */
export function compareForMonitoring(a: ListItem, b: ListItem): number {
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    b.workingDaysLate - a.workingDaysLate ||
    a.deadlineDay.localeCompare(b.deadlineDay) ||
    a.regNumber.localeCompare(b.regNumber)
  );
}

// ------------------------------------------------------------------ history (from the audit log)

export interface HistoryChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  role: string;
  action: string;
  changes: HistoryChange[];
  note: string;
}

// The same fields the domain hides (one list: src/domain/privacy.ts), as they are named in audit rows.
const IDENTITY = new Set<string>([...IDENTITY_FIELDS, 'nik']);
const CONTENT = new Set<string>(CONTENT_FIELDS);
/** Bookkeeping the log row already shows (time, who) or that means nothing to a reader (version, keys). */
const INTERNAL = new Set(['version', 'updatedAt', 'updatedBy', 'phoneCanonical', 'accessCode', 'responseId']);
/** Fields that hold a team member's email: shown as the member's name. */
const PEOPLE_FIELDS = new Set([
  'assignedTo',
  'disposedBy',
  'signedBy',
  'extGrantedBy',
  'registeredBy',
  'laporPostedBy',
]);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function readable(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? YES : NO;
  const s = cellText(value);
  if (parseDayKey(s) !== null) return formatDay(s);
  if (ISO.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return formatDateTime(d);
  }
  return s;
}

function parseObject(json: string): Record<string, unknown> {
  if (json.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return { '': json }; // not ours (typed by hand): shown as it is
  }
}

/** The audit column holds a label ("Disposisi"); older rows may hold the code ("dispose"). */
function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/**
 * The complaint's audit rows as its history for `actor`, oldest first. Identity and content values are
 * masked exactly as on the complaint card (privacy.ts), and so is a note that may quote the content.
 */
export function historyView(
  entries: readonly AuditEntry[],
  c: Complaint,
  actor: Actor,
  labels: Readonly<Record<string, string>> = {},
  nameOf: (email: string) => string = (email) => email,
): HistoryEntry[] {
  const labelOf = (f: string): string => {
    const known = fieldLabel(f);
    if (known !== f) return known;
    const header = labels[f] ?? f;
    return header.charAt(0).toUpperCase() + header.slice(1);
  };
  const identity = canSeeIdentity(actor, c);
  const content = canSeeContent(actor, c);
  // Rows written before free text was screened may still quote personal data: masked as on the card.
  const released = releasedFingerprints(c);
  const inText = (value: string): string => maskPersonalData(value, identity ? 'nikOnly' : 'all', released);
  const mask = (field: string, value: string): string =>
    (IDENTITY.has(field) && !identity) || (CONTENT.has(field) && !content)
      ? HIDDEN_TEXT
      : CONTENT.has(field)
        ? inText(value)
        : value;
  const shown = (field: string, value: unknown): string =>
    mask(
      field,
      PEOPLE_FIELDS.has(field) && typeof value === 'string' && value !== '' ? nameOf(value) : readable(value),
    );
  return [...entries]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => {
      const before = parseObject(e.before);
      const after = parseObject(e.after);
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !INTERNAL.has(f));
      const role = parseRole(e.role);
      return {
        at: formatDateTime(e.at),
        actor: e.actor ? nameOf(e.actor) : WF.unknownUser,
        role: role ? ROLE_LABELS[role] : e.role,
        action: e.action === REGISTERED_LABEL ? HISTORY_TEXT.registered : actionLabel(e.action),
        changes: fields.map((f) => ({
          field: f,
          label: labelOf(f),
          before: shown(f, before[f]),
          after: shown(f, after[f]),
        })),
        note: content ? inText(e.note) : e.note === '' ? '' : HIDDEN_TEXT,
      };
    });
}
