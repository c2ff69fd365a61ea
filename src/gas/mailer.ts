// MailApp as a MailPort: checks the daily quota and never lets one refused message stop a run.
import { redactForLog } from '../domain/privacy';
import { MAIL_LOG } from '../messages/emails';
import type { MailPort, OutgoingMail } from '../ports';

export class GasMailer implements MailPort {
  constructor(private readonly senderName: string) {}

  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(mail: OutgoingMail): boolean {
    try {
      MailApp.sendEmail({
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody,
        name: this.senderName,
        replyTo: mail.replyTo,
        attachments: mail.attachments?.map((a) => Utilities.newBlob(a.bytes, a.contentType, a.name)),
      });
      return true;
    } catch (error) {
      // The address stays out of the log (it is the complainant's): the subject says which message it was.
      console.warn(MAIL_LOG.failed(redactForLog(mail.subject), redactForLog(String(error))));
      return false;
    }
  }
}
