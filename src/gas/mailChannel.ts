// The mail channel: each notice rendered with the texts of messages/ into one email (MailPort, gas/mailer.ts sends it
// with MailApp and keeps complainant data out of the log). Messages to the complainant answer to the agency's address.
import { receiptDecision } from '../domain/receipt';
import { digestEmail, reportNoticeEmail } from '../messages/digest';
import { acknowledgementEmail, newComplaintNotice, type EmailContent } from '../messages/emails';
import { formClosedAlertEmail } from '../messages/formHealth';
import { letterEmail } from '../messages/letterEmail';
import { ratingInvitationEmail, reopenRequestEmail } from '../messages/public';
import {
  awaitingDispositionEmail,
  dispositionEmail,
  duplicateComplainantEmail,
  extensionComplainantEmail,
  extensionStaffEmail,
  forwardComplainantEmail,
  forwardStaffEmail,
  infoRequestEmail,
  reopenStaffEmail,
  walkInConnectedEmail,
} from '../messages/workflow';
import type { Audience, MailAttachment, MailPort, Notice, NoticeChannel, NoticeResult, Recipient } from '../ports';

/** The email of a notice (subject, text and HTML). */
export function emailOf(notice: Notice): EmailContent {
  switch (notice.kind) {
    case 'receipt':
      return acknowledgementEmail(notice.view);
    case 'newComplaint':
      return newComplaintNotice(notice.view);
    case 'awaitingDisposition':
      return awaitingDispositionEmail(notice.view);
    case 'disposition':
      return dispositionEmail(notice.view);
    case 'walkInConnected':
      return walkInConnectedEmail(notice.view);
    case 'extendedForUnit':
      return extensionStaffEmail(notice.view);
    case 'forwardedForUnit':
      return forwardStaffEmail(notice.view);
    case 'reopenedForUnit':
      return reopenStaffEmail(notice.view);
    case 'infoRequest':
      return infoRequestEmail(notice.view);
    case 'extended':
      return extensionComplainantEmail(notice.view);
    case 'forwarded':
      return forwardComplainantEmail(notice.view);
    case 'duplicateClosed':
      return duplicateComplainantEmail(notice.view);
    case 'letterSent':
      return letterEmail(notice.view);
    case 'ratingInvite':
      return ratingInvitationEmail(notice.view);
    case 'reopenRequest':
      return reopenRequestEmail(notice.view);
    case 'digest':
      return digestEmail(notice.view);
    case 'reportReady':
      return reportNoticeEmail(notice.links, notice.agencyName);
    case 'formClosed':
      return formClosedAlertEmail(notice.agencyName, notice.formUrl, notice.reason, notice.when);
  }
}

export class MailChannel implements NoticeChannel {
  /** Recipients left today: read once, when a notice first needs it, then counted down by what this run sends. */
  private remaining: number | null = null;

  constructor(
    private readonly mailer: MailPort,
    /** Reply-to of every message to a complainant (their answer reaches the agency's mailbox, not a person's). */
    private readonly agencyEmail: string,
  ) {}

  private quota(): number {
    if (this.remaining === null) this.remaining = this.mailer.remainingQuota();
    return this.remaining;
  }

  /**
   * Receipts of the public form leave the reserve to staff mail; a digest or the recap notice goes to its whole
   * audience or waits (the daily run defers it). Other notices are simply sent: a refusal is reported.
   */
  private held(notice: Notice, to: readonly string[]): boolean {
    if (notice.kind === 'receipt') return receiptDecision(notice.source, 0, this.quota()) !== 'send';
    if (notice.kind === 'digest' || notice.kind === 'reportReady') return to.length > this.quota();
    return false;
  }

  send(recipients: readonly Recipient[], audience: Audience, notice: Notice, sending: () => void): NoticeResult {
    const to = recipients.map((r) => r.email).filter((e) => e !== '');
    if (to.length === 0) return { reached: [], missed: [], failure: 'nobody' };
    if (this.held(notice, to)) return { reached: [], missed: to, failure: 'quota' };
    const content = emailOf(notice);
    const replyTo = audience.kind === 'complainant' ? this.agencyEmail : undefined;
    const attachments: MailAttachment[] | undefined = notice.kind === 'letterSent' ? [notice.attachment] : undefined;
    // Administrators each get their own message; everyone else one message to all (one quota unit per recipient).
    const batches = audience.kind === 'admins' ? to.map((e) => [e]) : [to];
    const reached: string[] = [];
    const missed: string[] = [];
    for (const batch of batches) {
      sending();
      const mail = { to: batch.join(','), ...content, replyTo, attachments };
      if (!this.mailer.send(mail)) {
        missed.push(...batch);
        continue;
      }
      reached.push(...batch);
      if (this.remaining !== null) this.remaining -= batch.length;
    }
    return { reached, missed, failure: reached.length > 0 ? null : 'refused' };
  }
}
