// Who hears about a workflow action and what they read: each notice built from a copy masked for its readers.
import type { Complaint } from '../domain/complaint';
import { formatDayLong } from '../domain/format';
import { canSeeIdentity, forEmail } from '../domain/privacy';
import { ROLE_LABELS, type Actor } from '../domain/roles';
import { validateEmail } from '../domain/validation';
import type { ActionInput, ActionName } from '../domain/workflow';
import { NOTICE_NOTES, WF, type ComplainantNoticeView, type StaffNoticeView } from '../messages/workflow';
import type { Audience, Notice, NotifierPort, NoticeResult, StaffNoticeKind } from '../ports';
import type { Settings } from './settings';

export interface NotifyDeps {
  settings: Settings;
  notifier: NotifierPort;
  registerUrl: string;
}

export interface NotifyResult {
  recipients: number;
  warnings: string[];
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
  const tell = (audience: Audience, notice: Notice, shown: (r: NoticeResult) => string): NoticeResult => {
    const r = deps.notifier.tell(audience, notice);
    result.recipients += r.reached.length;
    if (r.failure === 'refused' || r.failure === 'quota') result.warnings.push(WF.mailFailed(shown(r)));
    return r;
  };
  const toComplainant = (make: (v: ComplainantNoticeView) => Notice): void => {
    if (c.email === '' || !validateEmail(c.email).ok) {
      result.warnings.push(WF.complainantNoEmail);
      return;
    }
    const shown = canSeeIdentity(actor, c) ? c.email : WF.complainantAddress;
    tell({ kind: 'complainant', complaint: c }, make(complainantView(c, deps.settings)), () => shown);
  };
  const unitReader: Actor = { email: '', role: 'ANGGOTA', unit: c.unit };
  const toUnit = (kind: StaffNoticeKind, note: string): NoticeResult | null => {
    if (c.unit === '') return null;
    const view = staffView(c, unitReader, actor, note, deps.registerUrl);
    return tell({ kind: 'unit', unit: c.unit, assignedTo: c.assignedTo }, { kind, view }, (r) => r.missed.join(', '));
  };

  switch (action) {
    case 'forwardToHead': {
      const reader: Actor = { email: '', role: 'KEPALA_DINAS' };
      const view = staffView(c, reader, actor, '', deps.registerUrl);
      tell({ kind: 'leader', roles: ['KEPALA_DINAS'] }, { kind: 'awaitingDisposition', view }, (r) =>
        r.missed.join(', '),
      );
      break;
    }
    case 'dispose': {
      const r = toUnit('disposition', '');
      if (!r || r.failure === 'nobody') result.warnings.push(WF.unitNoMembers(c.unit));
      break;
    }
    case 'requestInfo':
      toComplainant((v) => ({ kind: 'infoRequest', view: { ...v, question: input.note ?? '' } }));
      break;
    case 'extend':
      toComplainant((v) => ({
        kind: 'extended',
        view: { ...v, deadline: formatDayLong(c.deadline), reason: c.extReason },
      }));
      toUnit('extendedForUnit', NOTICE_NOTES.extended(formatDayLong(c.deadline), c.extOfficial));
      break;
    case 'forward':
      toComplainant((v) => ({ kind: 'forwarded', view: { ...v, forwardedTo: c.forwardedTo } }));
      toUnit('forwardedForUnit', NOTICE_NOTES.forwarded(c.forwardedTo));
      break;
    case 'connectToUnit':
      // SOP (tatap muka): CS contacts the unit's team; the email is that contact, on the record.
      toUnit(
        'walkInConnected',
        c.agreedDate
          ? NOTICE_NOTES.agreed(formatDayLong(c.agreedDate))
          : NOTICE_NOTES.deadline(formatDayLong(c.deadline)),
      );
      break;
    case 'markDuplicate':
      toComplainant((v) => ({ kind: 'duplicateClosed', view: { ...v, main: c.duplicateOf } }));
      break;
    case 'reopen':
      // The work is the unit's again, with a fresh deadline: they must hear it from Dumas, not find it by chance.
      toUnit('reopenedForUnit', input.note ?? '');
      break;
    default:
      break;
  }
  return result;
}
