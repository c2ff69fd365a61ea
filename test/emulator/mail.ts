// MailApp: sends into an outbox, with the daily recipient quota (a 24-hour window from the first send) and per-message limits.
import { blobData } from './blob';
import type { EmuContext } from './core/context';
import { expose } from './core/expose';

export const QUOTA_EXCEEDED = 'Exception: Service invoked too many times for one day: email.';
export const MAX_RECIPIENTS = 50;
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
export const MAX_BODY_BYTES = 200 * 1024; // Gmail's body limit for script mail (unverified exact value)
/**
 * "Quotas are per user and reset 24 hours after the first request"
 * (https://developers.google.com/apps-script/guides/services/quotas). Not at midnight: 100 recipients used
 * at 15:00 are still used at 07:30 the next morning, when the daily digest goes out.
 */
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  bytes: Uint8Array;
}

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  attachments: SentAttachment[];
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  from: string;
  sentAt: string;
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  attachments?: unknown[];
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  inlineImages?: Record<string, unknown>;
}

const ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;

/** Splits a comma-separated recipient list; accepts `Name <addr>`; throws Apps Script's invalid-address error. */
export function parseRecipients(list: string | undefined): string[] {
  if (!list) return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const angle = /<([^>]*)>\s*$/.exec(s);
      const addr = angle ? angle[1].trim() : s;
      if (!ADDRESS.test(addr)) throw new Error(`Exception: Invalid email: ${s}`);
      return addr;
    });
}

export class MailControl {
  readonly outbox: SentMail[] = [];
  quota: number;
  /** When the current quota window opened (the first counted send), or null when no window is open. */
  private windowStart: number | null = null;
  private used = 0;

  constructor(
    private readonly ctx: EmuContext,
    quota: number,
  ) {
    this.quota = quota;
  }

  setQuota(n: number): void {
    this.quota = n;
  }

  clear(): void {
    this.outbox.length = 0;
    this.windowStart = null;
    this.used = 0;
  }

  /** Recipients counted in the current 24-hour window (0 once it has run out). */
  usedToday(): number {
    this._roll();
    return this.used;
  }

  /** When the current window ends and the quota is whole again (epoch ms), or null with no window open. */
  resetsAt(): number | null {
    this._roll();
    return this.windowStart === null ? null : this.windowStart + QUOTA_WINDOW_MS;
  }

  _remaining(): number {
    return Math.max(0, this.quota - this.usedToday());
  }

  _count(n: number): void {
    this._roll();
    if (this.windowStart === null) this.windowStart = this.ctx.clock.now();
    this.used += n;
  }

  private _roll(): void {
    if (this.windowStart !== null && this.ctx.clock.now() >= this.windowStart + QUOTA_WINDOW_MS) {
      this.windowStart = null;
      this.used = 0;
    }
  }
}

class MailAppImpl {
  constructor(
    private readonly _ctx: EmuContext,
    private readonly _control: MailControl,
  ) {}

  sendEmail(a: unknown, subject?: string, body?: string, options?: MailOptions): void {
    let msg: MailOptions;
    if (a !== null && typeof a === 'object') msg = { ...(a as MailOptions) };
    else msg = { ...(options ?? {}), to: String(a), subject, body };
    this._send(msg);
  }

  getRemainingDailyQuota(): number {
    return this._control._remaining();
  }

  private _send(msg: MailOptions): void {
    const to = parseRecipients(msg.to);
    const cc = parseRecipients(msg.cc);
    const bcc = parseRecipients(msg.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new Error('Exception: Failed to send email: no recipient');
    if (count > MAX_RECIPIENTS) throw new Error('Exception: Limit Exceeded: Email Recipients Per Message.'); // unverified wording
    const attachments: SentAttachment[] = (msg.attachments ?? []).map((x) => {
      const d = blobData(x);
      return { name: d.name, contentType: d.contentType, bytes: new Uint8Array(d.bytes) };
    });
    const body = msg.body === undefined || msg.body === null ? '' : String(msg.body);
    const html = msg.htmlBody === undefined ? null : String(msg.htmlBody);
    const bodyBytes = Buffer.byteLength(body) + (html ? Buffer.byteLength(html) : 0);
    if (bodyBytes > MAX_BODY_BYTES) throw new Error('Exception: Limit Exceeded: Email Body Size.'); // unverified wording
    const total = bodyBytes + attachments.reduce((s, x) => s + x.bytes.length, 0);
    if (total > MAX_MESSAGE_BYTES) throw new Error('Exception: Limit Exceeded: Email Total Attachments Size.'); // unverified wording
    if (count > this._control._remaining()) throw new Error(QUOTA_EXCEEDED);
    this._control._count(count);
    this._ctx.calls.cells(Math.ceil(total / 1024)); // sending time grows with the message (latency model)
    this._control.outbox.push({
      to: to.join(','),
      cc: cc.join(','),
      bcc: bcc.join(','),
      subject: msg.subject === undefined ? '' : String(msg.subject),
      body,
      htmlBody: html,
      attachments,
      name: msg.name ?? null,
      replyTo: msg.replyTo ?? null,
      noReply: Boolean(msg.noReply),
      from: msg.noReply ? 'noreply@emulated.invalid' : this._ctx.users.effective,
      sentAt: new Date(this._ctx.clock.now()).toISOString(),
    });
  }
}

export function createMailApp(
  ctx: EmuContext,
  options: { quota?: number } = {},
): { global: GoogleAppsScript.Mail.MailApp; control: MailControl } {
  const control = new MailControl(ctx, options.quota ?? 100);
  const global = expose(ctx.calls, 'MailApp', new MailAppImpl(ctx, control), { default: 'mail' });
  return { global: global as unknown as GoogleAppsScript.Mail.MailApp, control };
}
