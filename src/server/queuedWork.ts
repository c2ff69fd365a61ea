// The queued work's one-off trigger (gas/queuedWork.ts): letter steps no sidebar ran (gas/letterJobs.ts), the
// receipts a recording left owed (gas/receiptJournal.ts), then the outbox's mail (gas/outbox.ts); the daily run does the same for what a failure left. Called otherwise (it is a
// top-level function) it only does work already queued and checked.
import { forgetQueuedWorkTrigger } from '../gas/queuedWork';
import { sendOutbox } from '../gas/outbox';
import { DAILY_LOG, OUTBOX_LOG, RECEIPT_LOG } from '../messages/emails';
import { retryReceipts } from '../app/intake';
import { runLetterJobs } from './letters';
import { run, ANYONE, type Services } from './wiring';

/** Sends the outbox with the execution's direct mailer; logs counts only (no address, no subject). */
export function sendQueued(ctx: Services): void {
  const r = sendOutbox(ctx.mailer(), ctx.now.getTime());
  if (r.sent + r.kept + r.dropped + r.unconfirmed > 0) console.info(OUTBOX_LOG.sent(r));
}

/** Letter steps first (their notices join the outbox), then the receipts left owed, then the mail. */
export function runQueuedWorkNow(): void {
  forgetQueuedWorkTrigger();
  runLetterJobs();
  run(ANYONE, (ctx) => {
    sendOwedReceipts(ctx);
    sendQueued(ctx);
  });
}

/** The receipts a recording left owed (and any the quota or the mail service held back), as the daily run sends them. */
export function sendOwedReceipts(ctx: Services): void {
  const register = ctx.register();
  const r = retryReceipts(ctx.intakeDeps(), (reg) => register.find(reg)?.complaint ?? null);
  if (r.sent + r.owed + r.unconfirmed + r.held > 0) console.info(DAILY_LOG.line(RECEIPT_LOG.retried(r)));
}
