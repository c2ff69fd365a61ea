// The few interfaces the use cases (app/) need from the outside world; gas/ implements them with Google services.
import type { Complaint } from './domain/complaint';

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

export interface LockPort {
  /** Runs `fn` holding the script lock; throws LockBusyError when it cannot be had in time. */
  withLock<T>(fn: () => T): T;
}

export class LockBusyError extends Error {}

/** Messages already sent, by key: a retry after a failure further on (the closing write) never sends them again. */
export interface SentMarksPort {
  has(key: string): boolean;
  mark(key: string): void;
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
