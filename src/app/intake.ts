// Registering a complaint from any channel: number it under the lock, store it once, tell the complainant and the team.
import type { WorkingCalendar } from '../domain/calendar';
import { FLAG_SEPARATOR, newComplaint, type Complaint } from '../domain/complaint';
import { stripPersonalData, withPersonalDataFlag } from '../domain/personalData';
import { formatDateTime, formatDayLong } from '../domain/format';
import { formatNumber, newAccessCode, nextSequence } from '../domain/numbering';
import { forEmail } from '../domain/privacy';
import type { Actor } from '../domain/roles';
import { addDays, compareDayKeys, dayKeyOf, witaParts } from '../domain/time';
import { parseChannel, validateEmail, type IntakeInput, type ValidationIssue } from '../domain/validation';
import { chooseCategory, formCategory, type Category } from '../domain/category';
import { checkForwardedOn, checkNewLaporId } from '../domain/lapor';
import { applyAction, type ActionInput, type ActionName, type UnitRef } from '../domain/workflow';
import { ACTION_LABELS, REGISTERED_LABEL } from '../messages/domain';
import {
  logOnce,
  type AuditEntry,
  type AuditPort,
  type LockPort,
  type Notice,
  type NotifierPort,
  type OwedReceipt,
  type ReceiptJournalPort,
  type TeamNoticeGatePort,
  type RegisterPort,
} from '../ports';
import { RECEIPTS_PER_ADDRESS_PER_DAY, addressKey, withoutLinks, type ReceiptSource } from '../domain/receipt';
import { eventsOf, type WorkflowEvents } from './events';
import type { Settings } from './settings';
import { membersWithRole, type TeamMember } from './team';
import { statusPageLink } from './status';
import { attachmentLine } from './attachments';
import type { Signer } from './feedback';
import { changesJson } from './workflow';

export interface IntakeDeps {
  /** Signs the receipt's upload link; without it the receipt has none. */
  signer?: Signer;
  now: Date;
  calendar: WorkingCalendar;
  settings: Settings;
  team: readonly TeamMember[];
  /** The units a walk-in may be connected to at once (records: see ActionContext). */
  units: readonly UnitRef[];
  register: RegisterPort;
  audit: AuditPort;
  notifier: NotifierPort;
  lock: LockPort;
  random: () => number;
  registerUrl: string;
  /** Receipts owed until sent (flagged when sending failed; the daily run retries them). Absent: sent at once. */
  receipts?: ReceiptJournalPort;
  /**
   * A person waits on this call (the core answering the shell): an owed receipt is left in the journal, and the
   * queued work's run sends it a second later (the journal made its trigger); the daily run too.
   */
  receiptsLater?: boolean;
  /** The tracking ID of every LAPOR! row (one column read), so a report is recorded once. Absent: read from loadAll. */
  laporIds?: () => { regNumber: string; laporId: string }[];
  /** The Kategori sheet: a category staff pick must be one of it; a form answer not in it is dropped. */
  categories?: () => readonly Category[];
  /** Online submissions tell the team at most once an hour (absent: every one). */
  teamNotice?: TeamNoticeGatePort;
  /** The workflow's events: a walk-in answered when recorded is "closed" (the rating invitation listens). */
  events: WorkflowEvents;
}

/** A step taken right after recording (a walk-in connected to its unit, or answered on the spot). */
export interface FollowingAction {
  action: ActionName;
  input: ActionInput;
}

export interface IntakeRequest {
  input: IntakeInput;
  /** Who records it; null for the public form. */
  actor: Actor | null;
  /** The form response id (idempotency key); '' for letters and walk-ins. */
  responseId: string;
  /** Online submissions are never refused: blocking problems are flagged instead. */
  neverRefuse: boolean;
  then?: FollowingAction;
}

export type IntakeOutcome =
  | { kind: 'registered'; complaint: Complaint; row: number; problems: ValidationIssue[] }
  | { kind: 'duplicate'; regNumber: string }
  | { kind: 'refused'; issues: ValidationIssue[] };

export const SYSTEM_ACTOR = 'Formulir Online';

/**
 * A recording from the sidebar carries a key the sidebar draws once per form it shows, stored where a form response
 * keeps its id: a retry after an error (saved, but the answer never reached the sidebar) finds it, and the complaint
 * is registered once. The prefix keeps it apart from form response ids (never deleted from the form).
 */
export const RECORDING_KEY_PREFIX = 'catat:';

export function recordingKey(requestId: unknown): string {
  const id = typeof requestId === 'string' ? requestId.trim() : '';
  return /^[A-Za-z0-9_-]{8,64}$/.test(id) ? `${RECORDING_KEY_PREFIX}${id}` : '';
}

export const isRecordingKey = (id: string): boolean => id.startsWith(RECORDING_KEY_PREFIX);

function summary(c: Complaint): string {
  return JSON.stringify({ status: c.status, kanal: c.channel, kerahasiaan: c.privacy, tenggat: c.deadline });
}

const hasReceiptAddress = (c: Complaint): boolean => c.email !== '' && validateEmail(c.email).ok;

/**
 * Under the lock, before numbering: a LAPOR! report's tracking ID (digits, not yet recorded) and forwarding day (not
 * after the receipt), and the category (staff: one of the sheet or refused; the form: kept if known, else dropped).
 */
function checkChannelFields(
  deps: IntakeDeps,
  request: IntakeRequest,
): { input: IntakeInput } | { issues: ValidationIssue[] } {
  const input: IntakeInput = { ...request.input };
  const issues: ValidationIssue[] = [];
  if (parseChannel(input.channel) === 'SP4N-LAPOR!') {
    const rows = deps.laporIds
      ? deps.laporIds()
      : deps.register.loadAll().map((s) => ({ regNumber: s.complaint.regNumber, laporId: s.complaint.laporId }));
    const id = checkNewLaporId(input.laporId, rows);
    if (id.ok) input.laporId = id.value;
    else issues.push({ field: 'laporId', message: id.message });
    const receivedDay = dayKeyOf(
      input.receivedAt instanceof Date && !Number.isNaN(input.receivedAt.getTime()) ? input.receivedAt : deps.now,
    );
    const forwarded = checkForwardedOn(input.laporForwardedOn, receivedDay);
    if (forwarded.ok) input.laporForwardedOn = forwarded.value;
    else issues.push({ field: 'laporForwardedOn', message: forwarded.message });
  }
  if (deps.categories && (input.category ?? '') !== '') {
    // Read only when a category was given: most recordings have none, and the sheet costs a call.
    const categories = deps.categories();
    if (request.neverRefuse) input.category = formCategory(input.category, categories);
    else {
      const chosen = chooseCategory(input.category, categories);
      if (chosen.ok) input.category = chosen.value;
      else issues.push({ field: 'category', message: chosen.message });
    }
  }
  return issues.length > 0 && !request.neverRefuse ? { issues } : { input };
}

export function registerIntake(deps: IntakeDeps, request: IntakeRequest): IntakeOutcome {
  let receipt: OwedReceipt | null = null;
  const outcome = deps.lock.withLock((): IntakeOutcome => {
    const keys = deps.register.keys();
    if (request.responseId !== '') {
      const index = keys.responseIds.indexOf(request.responseId);
      if (index >= 0) return { kind: 'duplicate', regNumber: keys.regNumbers[index] };
    }
    const checked = checkChannelFields(deps, request);
    if ('issues' in checked) return { kind: 'refused', issues: checked.issues };
    const input = checked.input;
    const year = witaParts(input.receivedAt instanceof Date ? input.receivedAt : deps.now).year;
    const seq = nextSequence(keys.regNumbers, deps.settings.regPattern, year);
    const regNumber = formatNumber(deps.settings.regPattern, { year, seq });
    const made = newComplaint(input, {
      now: deps.now,
      calendar: deps.calendar,
      regNumber,
      accessCode: newAccessCode(deps.random),
      laporWorkingDays: deps.settings.laporWorkingDays,
    });
    if (made.blocking.length > 0 && !request.neverRefuse) return { kind: 'refused', issues: made.blocking };
    let complaint = made.complaint;
    const problems = [...made.blocking, ...made.problems];
    if (made.blocking.length > 0) {
      complaint.verificationFlags = withPersonalDataFlag({
        ...complaint,
        verificationFlags: problems.map((p) => p.message).join(FLAG_SEPARATOR),
      });
    }
    const actorEmail = request.actor?.email ?? SYSTEM_ACTOR;
    complaint.registeredBy = request.actor?.email ?? '';
    complaint.updatedBy = actorEmail;
    const entries: AuditEntry[] = [
      {
        at: deps.now,
        actor: actorEmail,
        role: request.actor?.role ?? '',
        action: REGISTERED_LABEL,
        regNumber,
        before: '',
        after: summary(complaint),
        note: complaint.verificationFlags,
      },
    ];
    if (request.then && request.actor) {
      const result = applyAction(complaint, request.then.action, request.actor, request.then.input, {
        now: deps.now,
        calendar: deps.calendar,
        units: deps.units,
      });
      if (!result.ok) return { kind: 'refused', issues: [{ field: request.then.action, message: result.error }] };
      complaint = result.complaint;
      entries.push({
        at: deps.now,
        actor: actorEmail,
        role: request.actor.role,
        action: ACTION_LABELS[request.then.action],
        regNumber,
        before: changesJson(result.changes, 'before'),
        after: changesJson(result.changes, 'after'),
        note: stripPersonalData(request.then.input.note ?? ''),
      });
    }
    if (deps.receipts && hasReceiptAddress(complaint)) {
      // Owed before the row exists: a crash after the row is written can never lose the receipt unflagged.
      const owed: OwedReceipt = {
        regNumber,
        accessCode: complaint.accessCode,
        state: 'owed',
        source: request.actor ? 'staff' : 'public',
        since: dayKeyOf(deps.now),
        reason: '',
      };
      const state = deps.receipts.owe(owed, addressKey(complaint.email), owed.since, RECEIPTS_PER_ADDRESS_PER_DAY);
      receipt = { ...owed, state };
    }
    // Audit first (see workflow.ts): a retry numbers the complaint the same and logs it once.
    logOnce(deps.audit, entries);
    const row = deps.register.append(complaint, request.responseId);
    return { kind: 'registered', complaint, row, problems };
  });
  if (outcome.kind === 'registered') {
    notifyIntake(deps, outcome.complaint, receipt);
    if (request.then) deps.events.emit(eventsOf(request.then.action, outcome.complaint));
  }
  return outcome;
}

type ReceiptDeps = Pick<IntakeDeps, 'settings' | 'notifier' | 'receipts' | 'signer' | 'now'>;

/** The receipt: what the complainant typed goes in inert (never a link in an agency-branded message). */
function receiptNotice(deps: ReceiptDeps, complaint: Complaint, source: ReceiptSource): Notice {
  const s = deps.settings;
  const mine = forEmail(complaint, { kind: 'complainant' });
  return {
    kind: 'receipt',
    source,
    view: {
      name: withoutLinks(mine.name),
      regNumber: mine.regNumber,
      accessCode: mine.accessCode,
      subject: withoutLinks(mine.subject),
      received: formatDateTime(mine.receivedAt),
      deadline: formatDayLong(mine.deadline),
      statusPageUrl: statusPageLink(s.statusPageUrl, mine.regNumber),
      // The signed upload link (the number and when it was received; no personal data).
      attachLine: deps.signer ? attachmentLine(complaint, s, deps.signer, deps.now) : '',
      agencyName: s.agencyName,
      agencyPhone: s.agencyPhone,
      agencyEmail: s.agencyEmail,
      serviceComplaintEmail: s.serviceComplaintEmail,
      serviceComplaintPhone: s.serviceComplaintPhone,
    },
  };
}

/**
 * Sends an owed receipt: public ones leave the quota reserve to staff mail (the mail channel's rule); claimed just
 * before it leaves and settled after, so it is sent at most once; when it cannot go now it stays owed (flagged) for
 * the daily run.
 */
export function sendReceipt(deps: ReceiptDeps, complaint: Complaint, owed: OwedReceipt): boolean {
  const journal = deps.receipts;
  const audience = { kind: 'complainant', complaint } as const;
  const notice = receiptNotice(deps, complaint, owed.source);
  if (!journal) return deps.notifier.tell(audience, notice).failure === null;
  const sent = deps.notifier.tell(audience, notice, () => journal.claim(owed));
  if (sent.failure === null || sent.failure === 'nobody') journal.settle(owed.regNumber);
  else journal.defer(owed, sent.failure === 'quota' ? 'quota' : 'mail');
  return sent.failure === null;
}

export interface ReceiptRetry {
  sent: number;
  /** Still owed (quota, or mail refused again). */
  owed: number;
  /** Claimed by a run that stopped while sending: not sent again, left for staff to check. */
  unconfirmed: number;
  /** Over the per-address limit (kept a week, never sent). */
  held: number;
}

/** Days a receipt held back by the per-address limit stays listed. */
const HELD_DAYS = 7;

/** The daily run's retry of owed receipts (oldest first); entries of attempts that never registered are dropped. */
export function retryReceipts(
  deps: ReceiptDeps & { now: Date },
  find: (regNumber: string) => Complaint | null,
  max = 50,
): ReceiptRetry {
  const out: ReceiptRetry = { sent: 0, owed: 0, unconfirmed: 0, held: 0 };
  const journal = deps.receipts;
  if (!journal) return out;
  const today = dayKeyOf(deps.now);
  const all = journal.all().sort((a, b) => compareDayKeys(a.since, b.since));
  for (const r of all) {
    if (r.state === 'sending') out.unconfirmed += 1;
    if (r.state === 'held') {
      if (compareDayKeys(addDays(r.since, HELD_DAYS), today) < 0) journal.settle(r.regNumber);
      else out.held += 1;
    }
    if (r.state !== 'owed') continue;
    if (out.sent >= max) {
      out.owed += 1;
      continue;
    }
    const c = find(r.regNumber);
    if (!c || c.accessCode !== r.accessCode || !hasReceiptAddress(c)) {
      journal.settle(r.regNumber); // the attempt that owed it never registered this complaint
      continue;
    }
    if (sendReceipt(deps, c, r)) out.sent += 1;
    else out.owed += 1;
  }
  return out;
}

/** The complainant's receipt (when an email is known) and the CS officers' and Sekretaris Tim's notice. */
function notifyIntake(deps: IntakeDeps, complaint: Complaint, owed: OwedReceipt | null): void {
  if (owed) {
    if (owed.state !== 'held' && !deps.receiptsLater) sendReceipt(deps, complaint, owed);
  } else if (!deps.receipts && hasReceiptAddress(complaint)) {
    deps.notifier.tell({ kind: 'complainant', complaint }, receiptNotice(deps, complaint, 'staff'));
  }
  // CS and Sekretaris Tim are both complaints-team roles, so they see the same view: one message for all.
  const gate = complaint.channel === 'Formulir Online' ? deps.teamNotice : undefined;
  if (gate && !gate.due(deps.now)) return; // told within the hour: the register and the Agenda sidebar list it
  const recipients = [...membersWithRole(deps.team, 'CS'), ...membersWithRole(deps.team, 'SEKRETARIS')];
  if (recipients.length === 0) return;
  const seen = forEmail(complaint, { kind: 'staff', actor: recipients[0] });
  const told = deps.notifier.tell(
    { kind: 'team' },
    {
      kind: 'newComplaint',
      view: {
        regNumber: seen.regNumber,
        channel: seen.channel,
        received: formatDateTime(seen.receivedAt),
        deadline: formatDayLong(seen.deadline),
        complainant: seen.name || '—',
        privacy: seen.privacy,
        subject: withoutLinks(seen.subject),
        flags: seen.verificationFlags,
        registerUrl: deps.registerUrl,
        hourly: gate !== undefined,
      },
    },
  );
  // The hour counts from a notice someone received: refused or held by the quota, the next submission tries again.
  if (told.reached.length > 0) gate?.sent(deps.now);
}
