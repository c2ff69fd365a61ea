// The complaint record: one flat object per register row, and how a new one is made at intake.
import type { WorkingCalendar } from './calendar';
import { normalDeadline } from './deadline';
import { LAPOR_DEFAULT_WORKING_DAYS, laporNormalDeadline } from './lapor';
import { withPersonalDataFlag } from './personalData';
import type { DayKey } from './time';
import { validateIntake, type IntakeInput, type ValidationIssue } from './validation';

export type { IntakeInput } from './validation';

export type { Channel, DeadlineKind, DeliveryMethod, Priority, Privacy, Status } from './vocabulary';
import type { Channel, DeadlineKind, DeliveryMethod, Priority, Privacy, Status } from './vocabulary';

export { STATUSES } from './vocabulary';
import { STATUSES } from './vocabulary';
export const CLOSED_STATUSES: readonly Status[] = ['Selesai', 'Dialihkan'];
export const OPEN_STATUSES: readonly Status[] = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
export const CHANNELS: readonly Channel[] = ['Surat', 'Tatap Muka', 'Formulir Online', 'SP4N-LAPOR!'];
export const LAPOR_CHANNEL: Channel = 'SP4N-LAPOR!';
export const PRIVACY_LEVELS: readonly Privacy[] = ['biasa', 'anonim', 'rahasia'];
export const PRIORITIES: readonly Priority[] = ['Biasa', 'Segera', 'Penting'];
export const DELIVERY_METHODS: readonly DeliveryMethod[] = ['email', 'pos', 'langsung'];

/** One register row. Empty text is '', empty dates and numbers are null, empty day keys are ''. */
export interface Complaint {
  regNumber: string;
  receivedAt: Date;
  channel: Channel;
  registeredBy: string;
  // the complainant
  name: string;
  nik: string;
  phone: string; // as typed
  phoneCanonical: string; // '+628…' or '' when invalid/empty
  email: string;
  address: string;
  // the complaint
  subject: string;
  description: string;
  privacy: Privacy;
  status: Status;
  unit: string;
  deadline: DayKey;
  deadlineKind: DeadlineKind;
  closedAt: Date | null;
  ktpSeen: boolean;
  letterPresent: boolean;
  // letter path: agenda and disposition
  agendaNumber: string;
  agendaDate: DayKey; // '' when none
  instruction: string;
  priority: Priority | '';
  disposedBy: string;
  disposedAt: Date | null;
  assignedTo: string;
  // follow-up and answer
  followUpNotes: string;
  infoRequestedAt: Date | null;
  answer: string;
  agreedDate: DayKey; // '' when none
  replyDocUrl: string;
  letterNumber: string;
  letterDate: DayKey; // '' when none
  signedBy: string;
  signedAt: Date | null;
  sentAt: Date | null;
  deliveryMethod: DeliveryMethod | '';
  // special case (official away)
  extReason: string;
  extOfficial: string;
  extFrom: DayKey; // '' when none
  extUntil: DayKey; // '' when none
  extGrantedBy: string;
  extGrantedAt: Date | null;
  // not the agency's authority
  forwardedTo: string;
  forwardNote: string;
  // checks and outcome
  verificationFlags: string;
  workingDaysTaken: number | null;
  onTime: boolean | null;
  reopenCount: number;
  // bookkeeping
  version: number;
  updatedAt: Date;
  updatedBy: string;
  accessCode: string;
  // helpers staff expect: a category (sheet Kategori), the SP4N-LAPOR! report, links to other complaints
  category: string;
  laporId: string; // the tracking ID's digits, '' when not from LAPOR!
  laporForwardedOn: DayKey; // the day LAPOR! forwarded it, '' when none
  laporPostedBy: string;
  laporPostedAt: Date | null;
  duplicateOf: string; // the main complaint's number, ''
  relatedTo: string; // numbers separated by ', ', ''
}

export type ComplaintField = keyof Complaint;

export interface NewComplaintContext {
  now: Date;
  calendar: WorkingCalendar;
  regNumber: string;
  accessCode: string;
  /** LAPOR!'s follow-up limit in working days (Pengaturan); absent: LAPOR!'s default of 5. */
  laporWorkingDays?: number;
}

export function isClosed(status: Status): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** The separator of verificationFlags; each entry is one problem found at intake. */
export const FLAG_SEPARATOR = '; ';

/**
 * A new complaint in status Diterima with its normal deadline. Soft problems (invalid NIK or phone, no name,
 * KTP not seen…) are listed in `problems` and in verificationFlags. When `blocking` is not empty (no subject
 * and no description, unknown channel/privacy, bad receipt time) the caller must NOT store the complaint.
 */
export function newComplaint(
  input: IntakeInput,
  ctx: NewComplaintContext,
): { complaint: Complaint; problems: ValidationIssue[]; blocking: ValidationIssue[] } {
  const { values, issues, blocking } = validateIntake(input);
  const receivedAt = blocking.some((b) => b.field === 'receivedAt') ? ctx.now : values.receivedAt;
  const complaint: Complaint = {
    regNumber: ctx.regNumber,
    receivedAt,
    channel: values.channel,
    registeredBy: values.registeredBy,
    name: values.name,
    nik: values.nik,
    phone: values.phone,
    phoneCanonical: values.phoneCanonical,
    email: values.email,
    address: values.address,
    subject: values.subject,
    description: values.description,
    privacy: values.privacy,
    status: 'Diterima',
    unit: '',
    deadline:
      values.laporForwardedOn !== ''
        ? laporNormalDeadline(
            receivedAt,
            values.laporForwardedOn,
            ctx.calendar,
            ctx.laporWorkingDays ?? LAPOR_DEFAULT_WORKING_DAYS,
          )
        : normalDeadline(receivedAt, ctx.calendar),
    deadlineKind: 'normal',
    closedAt: null,
    ktpSeen: values.ktpSeen,
    letterPresent: values.letterPresent,
    agendaNumber: '',
    agendaDate: '',
    instruction: '',
    priority: '',
    disposedBy: '',
    disposedAt: null,
    assignedTo: '',
    followUpNotes: '',
    infoRequestedAt: null,
    answer: '',
    agreedDate: '',
    replyDocUrl: '',
    letterNumber: '',
    letterDate: '',
    signedBy: '',
    signedAt: null,
    sentAt: null,
    deliveryMethod: '',
    extReason: '',
    extOfficial: '',
    extFrom: '',
    extUntil: '',
    extGrantedBy: '',
    extGrantedAt: null,
    forwardedTo: '',
    forwardNote: '',
    verificationFlags: issues.map((i) => i.message).join(FLAG_SEPARATOR),
    workingDaysTaken: null,
    onTime: null,
    reopenCount: 0,
    version: 1,
    updatedAt: ctx.now,
    updatedBy: values.registeredBy,
    accessCode: ctx.accessCode,
    category: values.category,
    laporId: values.laporId,
    laporForwardedOn: values.laporForwardedOn,
    laporPostedBy: '',
    laporPostedAt: null,
    duplicateOf: '',
    relatedTo: '',
  };
  complaint.verificationFlags = withPersonalDataFlag(complaint);
  return { complaint, problems: issues, blocking };
}

/** The field names of a Complaint in register-column order (useful for adapters and diffs). */
export const COMPLAINT_FIELDS: readonly ComplaintField[] = [
  'regNumber',
  'receivedAt',
  'channel',
  'registeredBy',
  'name',
  'nik',
  'phone',
  'phoneCanonical',
  'email',
  'address',
  'subject',
  'description',
  'privacy',
  'status',
  'unit',
  'deadline',
  'deadlineKind',
  'closedAt',
  'ktpSeen',
  'letterPresent',
  'agendaNumber',
  'agendaDate',
  'instruction',
  'priority',
  'disposedBy',
  'disposedAt',
  'assignedTo',
  'followUpNotes',
  'infoRequestedAt',
  'answer',
  'agreedDate',
  'replyDocUrl',
  'letterNumber',
  'letterDate',
  'signedBy',
  'signedAt',
  'sentAt',
  'deliveryMethod',
  'extReason',
  'extOfficial',
  'extFrom',
  'extUntil',
  'extGrantedBy',
  'extGrantedAt',
  'forwardedTo',
  'forwardNote',
  'verificationFlags',
  'workingDaysTaken',
  'onTime',
  'reopenCount',
  'version',
  'updatedAt',
  'updatedBy',
  'accessCode',
  'category',
  'laporId',
  'laporForwardedOn',
  'laporPostedBy',
  'laporPostedAt',
  'duplicateOf',
  'relatedTo',
];
