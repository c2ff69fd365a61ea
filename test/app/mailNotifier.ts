// The notifier as the bundle wires it (gas/context.ts), over an in-memory MailPort: use-case tests see the very emails.
import { Notifier, type Directory } from '../../src/app/notifier';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import { MailChannel } from '../../src/gas/mailChannel';
import type { MailPort, NotifierPort } from '../../src/ports';

export function mailNotifier(
  dir: Directory,
  mailer: MailPort,
  agencyEmail = DEFAULT_SETTINGS.agencyEmail,
): NotifierPort {
  return new Notifier(dir, [new MailChannel(mailer, agencyEmail)]);
}
