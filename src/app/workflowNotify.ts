// Who hears about a workflow action and what they read: each email built from a copy masked for its readers.
import type { Complaint } from '../domain/complaint';
import { formatDayLong } from '../domain/format';
import { canSeeIdentity, forEmail } from '../domain/privacy';
import { ROLE_LABELS, sameUnit, type Actor } from '../domain/roles';
import { validateEmail } from '../domain/validation';
import type { ActionInput, ActionName } from '../domain/workflow';
import type { EmailContent } from '../messages/emails';
import {
  NOTICE_NOTES,
  WF,
  awaitingDispositionEmail,
  dispositionEmail,
  extensionComplainantEmail,
  extensionStaffEmail,
  forwardComplainantEmail,
  forwardStaffEmail,
  infoRequestEmail,
  reopenStaffEmail,
  walkInConnectedEmail,
  type ComplainantNoticeView,
  type StaffNoticeView,
} from '../messages/workflow';
import type { MailPort } from '../ports';
import type { Settings } from './settings';
import type { TeamMember, Unit } from './team';

export interface NotifyDeps {
  settings: Settings;
  team: readonly TeamMember[];
  units: readonly Unit[];
  mailer: MailPort;
  registerUrl: string;
}

export interface NotifyResult {
  recipients: number;
  warnings: string[];
}

/** The active Anggota Tim of `unit`, the unit's own mailbox, and the assigned officer: all read as the unit does. */
export function unitAudience(deps: NotifyDeps, unit: string, assignedTo = ''): string[] {
  const emails = deps.team
    .filter((m) => m.active && m.role === 'ANGGOTA' && sameUnit(m.unit, unit))
    .map((m) => m.email);
  const box = deps.units.find((u) => sameUnit(u.name, unit))?.email ?? '';
  for (const extra of [box, assignedTo]) {
    const e = extra.trim().toLowerCase();
    if (e !== '' && validateEmail(e).ok && !emails.includes(e)) emails.push(e);
  }
  return emails;
}

function staffView(c: Complaint, reader: Actor, actor: Actor, note: string, registerUrl: string): StaffNoticeView {
  const seen = forEmail(c, { kind: 'staff', actor: reader });
  return {
    regNumber: seen.regNumber,
    subject: seen.subject,
    complainant: seen.name,
    privacy: seen.privacy,
    status: seen.status,
    deadline: seen.deadline ? formatDayLong(seen.deadline) : '',
    unit: seen.unit,
    instruction: seen.instruction,
    priority: seen.priority,
    actor: `${actor.name || actor.email} (${ROLE_LABELS[actor.role]})`,
    note,
    registerUrl,
  };
}

function complainantView(c: Complaint, s: Settings): ComplainantNoticeView {
  const own = forEmail(c, { kind: 'complainant' });
  return {
    name: own.name,
    regNumber: own.regNumber,
    subject: own.subject,
    agencyName: s.agencyName,
    agencyPhone: s.agencyPhone,
    agencyEmail: s.agencyEmail,
  };
}

export function notifyAfterAction(
  deps: NotifyDeps,
  actor: Actor,
  action: ActionName,
  c: Complaint,
  input: ActionInput,
): NotifyResult {
  const result: NotifyResult = { recipients: 0, warnings: [] };
  // `shown`: how the recipients appear in a warning to the actor (who may not see the complainant's identity).
  const send = (to: string[], mail: EmailContent, replyTo?: string, shown = to.join(', ')): void => {
    if (to.length === 0) return;
    if (deps.mailer.send({ to: to.join(','), ...mail, replyTo })) result.recipients += to.length;
    else result.warnings.push(WF.mailFailed(shown));
  };
  const toComplainant = (make: (v: ComplainantNoticeView) => EmailContent): void => {
    if (c.email === '' || !validateEmail(c.email).ok) {
      result.warnings.push(WF.complainantNoEmail);
      return;
    }
    const shown = canSeeIdentity(actor, c) ? c.email : WF.complainantAddress;
    send([c.email], make(complainantView(c, deps.settings)), deps.settings.agencyEmail, shown);
  };
  const toUnit = (make: (v: StaffNoticeView) => EmailContent, note: string): void => {
    if (c.unit === '') return;
    const reader: Actor = { email: '', role: 'ANGGOTA', unit: c.unit };
    send(unitAudience(deps, c.unit, c.assignedTo), make(staffView(c, reader, actor, note, deps.registerUrl)));
  };

  switch (action) {
    case 'forwardToHead': {
      const heads = deps.team.filter((m) => m.active && m.role === 'KEPALA_DINAS');
      if (heads.length > 0) {
        send(
          heads.map((m) => m.email),
          awaitingDispositionEmail(staffView(c, heads[0], actor, '', deps.registerUrl)),
        );
      }
      break;
    }
    case 'dispose': {
      const reader: Actor = { email: '', role: 'ANGGOTA', unit: c.unit };
      const to = unitAudience(deps, c.unit, c.assignedTo);
      if (to.length === 0) result.warnings.push(WF.unitNoMembers(c.unit));
      send(to, dispositionEmail(staffView(c, reader, actor, '', deps.registerUrl)));
      break;
    }
    case 'requestInfo':
      toComplainant((v) => infoRequestEmail({ ...v, question: input.note ?? '' }));
      break;
    case 'extend':
      toComplainant((v) =>
        extensionComplainantEmail({ ...v, deadline: formatDayLong(c.deadline), reason: c.extReason }),
      );
      toUnit(extensionStaffEmail, NOTICE_NOTES.extended(formatDayLong(c.deadline), c.extOfficial));
      break;
    case 'forward':
      toComplainant((v) => forwardComplainantEmail({ ...v, forwardedTo: c.forwardedTo }));
      toUnit(forwardStaffEmail, NOTICE_NOTES.forwarded(c.forwardedTo));
      break;
    case 'connectToUnit':
      // SOP (tatap muka): CS contacts the unit's team; the email is that contact, on the record.
      toUnit(
        walkInConnectedEmail,
        c.agreedDate
          ? NOTICE_NOTES.agreed(formatDayLong(c.agreedDate))
          : NOTICE_NOTES.deadline(formatDayLong(c.deadline)),
      );
      break;
    case 'reopen':
      // The work is the unit's again, with a fresh deadline: they must hear it from Dumas, not find it by chance.
      toUnit(reopenStaffEmail, input.note ?? '');
      break;
    default:
      break;
  }
  return result;
}

/**
 * Workflow actions that close a walk-in with an answer. The reply letter's delivery invites on its own (letters.ts)
 * and the intake's on-the-spot answer through IntakeDeps.afterClose, so neither is listed here.
 */
export const RATED_CLOSINGS: readonly ActionName[] = ['answerOnSpot', 'closeWithAnswer'];

/** After a workflow action: the rating invitation when it closed the complaint as Selesai. True when one was sent. */
export function inviteAfterClosing(action: ActionName, c: Complaint, invite: (closed: Complaint) => boolean): boolean {
  return RATED_CLOSINGS.includes(action) && c.status === 'Selesai' && c.closedAt !== null && invite(c);
}
