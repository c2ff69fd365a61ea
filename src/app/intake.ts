// Registering a complaint from any channel: number it under the lock, store it once, tell the complainant and the team.
import type { WorkingCalendar } from '../domain/calendar';
import { FLAG_SEPARATOR, newComplaint, type Complaint } from '../domain/complaint';
import { stripPersonalData, withPersonalDataFlag } from '../domain/personalData';
import { formatDateTime, formatDayLong } from '../domain/format';
import { formatNumber, newAccessCode, nextSequence } from '../domain/numbering';
import { forEmail } from '../domain/privacy';
import type { Actor } from '../domain/roles';
import { witaParts } from '../domain/time';
import { validateEmail, type IntakeInput, type ValidationIssue } from '../domain/validation';
import { applyAction, type ActionInput, type ActionName } from '../domain/workflow';
import { ACTION_LABELS } from '../messages/domain';
import { acknowledgementEmail, newComplaintNotice } from '../messages/emails';
import type { AuditEntry, AuditPort, LockPort, MailPort, RegisterPort } from '../ports';
import type { Settings } from './settings';
import { membersWithRole, type TeamMember } from './team';
import { statusPageLink } from './status';
import { changesJson } from './workflow';

export interface IntakeDeps {
  now: Date;
  calendar: WorkingCalendar;
  settings: Settings;
  team: readonly TeamMember[];
  units: readonly string[];
  register: RegisterPort;
  audit: AuditPort;
  mailer: MailPort;
  lock: LockPort;
  random: () => number;
  registerUrl: string;
  /** Called after the notices when the complaint is already closed (walk-in answered on the spot): the rating invitation. */
  afterClose?: (complaint: Complaint) => void;
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

function summary(c: Complaint): string {
  return JSON.stringify({ status: c.status, kanal: c.channel, kerahasiaan: c.privacy, tenggat: c.deadline });
}

export function registerIntake(deps: IntakeDeps, request: IntakeRequest): IntakeOutcome {
  const outcome = deps.lock.withLock((): IntakeOutcome => {
    const keys = deps.register.keys();
    if (request.responseId !== '') {
      const index = keys.responseIds.indexOf(request.responseId);
      if (index >= 0) return { kind: 'duplicate', regNumber: keys.regNumbers[index] };
    }
    const year = witaParts(request.input.receivedAt instanceof Date ? request.input.receivedAt : deps.now).year;
    const seq = nextSequence(keys.regNumbers, deps.settings.regPattern, year);
    const regNumber = formatNumber(deps.settings.regPattern, { year, seq });
    const made = newComplaint(request.input, {
      now: deps.now,
      calendar: deps.calendar,
      regNumber,
      accessCode: newAccessCode(deps.random),
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
        action: 'Dicatat',
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
    const row = deps.register.append(complaint, request.responseId);
    deps.audit.append(entries);
    return { kind: 'registered', complaint, row, problems };
  });
  if (outcome.kind === 'registered') {
    notifyIntake(deps, outcome.complaint);
    if (outcome.complaint.closedAt !== null) deps.afterClose?.(outcome.complaint);
  }
  return outcome;
}

/** The complainant's receipt (when an email is known) and the CS officers' and Sekretaris Tim's notice. */
function notifyIntake(deps: IntakeDeps, complaint: Complaint): void {
  const s = deps.settings;
  if (complaint.email !== '' && validateEmail(complaint.email).ok) {
    const mine = forEmail(complaint, { kind: 'complainant' });
    const mail = acknowledgementEmail({
      name: mine.name,
      regNumber: mine.regNumber,
      accessCode: mine.accessCode,
      subject: mine.subject,
      received: formatDateTime(mine.receivedAt),
      deadline: formatDayLong(mine.deadline),
      statusPageUrl: statusPageLink(s.statusPageUrl, mine.regNumber),
      agencyName: s.agencyName,
      agencyPhone: s.agencyPhone,
      agencyEmail: s.agencyEmail,
      serviceComplaintEmail: s.serviceComplaintEmail,
      serviceComplaintPhone: s.serviceComplaintPhone,
    });
    deps.mailer.send({ to: complaint.email, ...mail, replyTo: s.agencyEmail });
  }
  // CS and Sekretaris Tim are both complaints-team roles, so they see the same view: one message for all.
  const recipients = [...membersWithRole(deps.team, 'CS'), ...membersWithRole(deps.team, 'SEKRETARIS')];
  if (recipients.length === 0) return;
  const seen = forEmail(complaint, { kind: 'staff', actor: recipients[0] });
  const mail = newComplaintNotice({
    regNumber: seen.regNumber,
    channel: seen.channel,
    received: formatDateTime(seen.receivedAt),
    deadline: formatDayLong(seen.deadline),
    complainant: seen.name || '—',
    privacy: seen.privacy,
    subject: seen.subject,
    flags: seen.verificationFlags,
    registerUrl: deps.registerUrl,
  });
  deps.mailer.send({ to: recipients.map((m) => m.email).join(','), ...mail });
}
