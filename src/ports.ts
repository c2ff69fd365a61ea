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

/** The acting person may not append to the protected audit log: nothing may be written for them (message in Indonesian). */
export class AuditUnwritableError extends Error {}
