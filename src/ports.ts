// The few interfaces the use cases (app/) need from the outside world; gas/ implements them with Google services.
import type { Complaint } from './domain/complaint';
import type { Role } from './domain/roles';
import type { ReceiptSource } from './domain/receipt';
import type { AcknowledgementView, TeamNoticeView } from './messages/emails';
import type { ComplainantNoticeView, StaffNoticeView } from './messages/workflow';
import type { LetterEmailView } from './messages/letterEmail';
import type { RatingInvitationView, ReopenRequestView } from './messages/public';
import type { DigestView, ReportLinks } from './messages/digest';

export interface StoredComplaint {
  row: number;
  complaint: Complaint;
  responseId: string;
}

export interface RegisterKeys {
  regNumbers: string[];
  responseIds: string[];
}

export interface RegisterPort {
  /** Registration numbers and form-response ids of every row (numbering and idempotency). */
  keys(): RegisterKeys;
  /** Every complaint with its row (one read). */
  loadAll(): StoredComplaint[];
  /** One complaint by registration number, or null. */
  find(regNumber: string): StoredComplaint | null;
  /** Appends one complaint in one batched write; returns its row. */
  append(complaint: Complaint, responseId: string): number;
  /** Rewrites one complaint's row in one batched write. */
  write(stored: StoredComplaint): void;
}

export interface AuditEntry {
  at: Date;
  actor: string;
  role: string;
  action: string;
  regNumber: string;
  before: string;
  after: string;
  note: string;
}

export interface AuditPort {
  append(entries: readonly AuditEntry[]): void;
  /**
   * Appends the entries that are not already among the log's last rows (same complaint, person, step and values;
   * the time may differ). A step writes its audit row first and the register second: a retry after the register
   * write failed finds its own audit row there, and logs the step once. Absent: plain append.
   */
  appendOnce?(entries: readonly AuditEntry[]): void;
}

/** The audit rows of a step, logged once even when the step is retried (see AuditPort.appendOnce). */
export function logOnce(audit: AuditPort, entries: readonly AuditEntry[]): void {
  if (audit.appendOnce) audit.appendOnce(entries);
  else audit.append(entries);
}

export interface MailAttachment {
  name: string;
  contentType: string;
  bytes: number[];
}

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  replyTo?: string;
  attachments?: MailAttachment[];
}

export interface MailPort {
  /** Recipients still allowed today. */
  remainingQuota(): number;
  /** Sends one message; returns false (and does not throw) when the quota or the address refuses it. */
  send(mail: OutgoingMail): boolean;
}

// ------------------------------------------------------------------ notifications
// Use cases say WHAT to tell WHOM (an audience and a typed notice); channels (mail today, gas/mailChannel.ts) say how.
// app/notifier.ts resolves an audience to people once and hands them to every channel.

/** The leaders a notice may be for. */
export type LeaderRole = Extract<Role, 'KETUA' | 'KEPALA_DINAS'>;

export type Audience =
  /** The complainant of `complaint` (their address and phone are the complaint's). */
  | { kind: 'complainant'; complaint: Complaint }
  /** The complaints team that records and agendas: Petugas CS and Sekretaris Tim. */
  | { kind: 'team' }
  /** The unit's active Anggota Tim, the unit's own mailbox and the assigned officer. */
  | { kind: 'unit'; unit: string; assignedTo?: string }
  /** The active members holding these roles, in this order. */
  | { kind: 'leader'; roles: readonly LeaderRole[] }
  /** The active Administrators, each told on their own (one bad address never stops the others). */
  | { kind: 'admins' };

/** Staff notices of a workflow step (StaffNoticeView, masked for the unit or the leader). */
export type StaffNoticeKind =
  | 'awaitingDisposition'
  | 'disposition'
  | 'walkInConnected'
  | 'extendedForUnit'
  | 'forwardedForUnit'
  | 'reopenedForUnit';

/** What there is to tell, with the data already masked for its audience (privacy.forEmail). */
export type Notice =
  | { kind: 'receipt'; view: AcknowledgementView; source: ReceiptSource }
  | { kind: 'newComplaint'; view: TeamNoticeView }
  | { kind: StaffNoticeKind; view: StaffNoticeView }
  | { kind: 'infoRequest'; view: ComplainantNoticeView & { question: string } }
  | { kind: 'extended'; view: ComplainantNoticeView & { deadline: string; reason: string } }
  | { kind: 'forwarded'; view: ComplainantNoticeView & { forwardedTo: string } }
  /** A duplicate closed by reference: the main complaint's number only. */
  | { kind: 'duplicateClosed'; view: ComplainantNoticeView & { main: string } }
  | { kind: 'letterSent'; view: LetterEmailView; attachment: MailAttachment }
  | { kind: 'ratingInvite'; view: RatingInvitationView }
  | { kind: 'reopenRequest'; view: ReopenRequestView }
  | { kind: 'digest'; view: DigestView }
  | { kind: 'reportReady'; links: ReportLinks; agencyName: string }
  | { kind: 'formClosed'; agencyName: string; formUrl: string; reason: string; when: string };

export type NoticeKind = Notice['kind'];

/** One person (or mailbox) an audience resolves to; each channel uses the address it can reach ('' when none). */
export interface Recipient {
  email: string;
  /** Canonical '+62…', '' when unknown. */
  phone: string;
}

/** nobody: no recipient this channel can reach; quota: held back by the channel's daily limit; refused: it failed. */
export type NoticeFailure = 'nobody' | 'quota' | 'refused';

export interface NoticeResult {
  /** The addresses reached (email addresses, phone numbers), over every channel. */
  reached: string[];
  /** The addresses tried and not reached (a refusal, the quota). */
  missed: string[];
  /** Why nothing was reached; null when something was. */
  failure: NoticeFailure | null;
}

export interface NotifierPort {
  /**
   * Tells `audience` the `notice` on every channel. `sending` runs once, just before the first message actually
   * leaves (after quota checks): the place to claim a sent-mark, so a crash after sending never sends it twice.
   */
  tell(audience: Audience, notice: Notice, sending?: () => void): NoticeResult;
}

/** One way of reaching people (mail; a second channel is one more implementation, README *Notifications*). */
export interface NoticeChannel {
  /** Renders `notice` in this channel's words and sends it to those of `recipients` it can reach. */
  send(recipients: readonly Recipient[], audience: Audience, notice: Notice, sending: () => void): NoticeResult;
}

export interface LockPort {
  /** Runs `fn` holding the script lock; throws LockBusyError when it cannot be had in time. */
  withLock<T>(fn: () => T): T;
}

export class LockBusyError extends Error {}

/**
 * A message's mark, by key. `sending` is claimed just before it leaves (by whom): still there later, the run stopped
 * while sending and nobody knows whether it left, so it is never sent again unasked. `sent`: it left; a retry after a
 * failure further on (the closing write) does not send it again.
 */
export type SentMark = { state: 'sending'; by: string } | { state: 'sent' };

export interface SentMarksPort {
  get(key: string): SentMark | null;
  mark(key: string, mark: SentMark): void;
  clear(key: string): void;
}

/** A receipt owed to a complainant, kept until it is sent (gas/receiptJournal.ts: one Script Property each). */
export interface OwedReceipt {
  regNumber: string;
  /** The complaint's access code: tells this complaint from another that got the number after a failed attempt. */
  accessCode: string;
  /** owed: to send (the daily run retries); sending: claimed, outcome unknown after a crash (never sent twice);
   * held: over the per-address limit (not sent, kept for staff to see a week). */
  state: 'owed' | 'sending' | 'held';
  source: 'public' | 'staff';
  since: string; // DayKey
  reason: string;
}

/** When the team hears of an online submission: at most once in an interval (mail is the costliest call). */
export interface TeamNoticeGatePort {
  /** True when this submission's notice should go out now. */
  due(now: Date): boolean;
  sent(now: Date): void;
}

export interface ReceiptJournalPort {
  /** Under the lock: records the receipt as owed (or held) and counts it for its address today; returns its state. */
  owe(receipt: OwedReceipt, addressKey: string, today: string, perAddress: number): OwedReceipt['state'];
  /** Just before sending: a crash after this never sends it twice. */
  claim(receipt: OwedReceipt): void;
  /** Sent: off the journal. */
  settle(regNumber: string): void;
  /** Not sent now (quota, mail refused): owed again, for the daily run. */
  defer(receipt: OwedReceipt, reason: string): void;
  /** Every receipt in the journal. */
  all(): OwedReceipt[];
}

/** The acting person may not append to the protected audit log: nothing may be written for them (message in Indonesian). */
export class AuditUnwritableError extends Error {}
