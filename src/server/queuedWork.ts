// The queued work's one-off trigger (gas/queuedWork.ts): letter steps no sidebar ran (gas/letterJobs.ts), then the
// outbox's mail (gas/outbox.ts); the daily run does the same for what a failure left. Called otherwise (it is a
// top-level function) it only does work already queued and checked.
import { forgetQueuedWorkTrigger } from '../gas/queuedWork';
import { sendOutbox } from '../gas/outbox';
import { OUTBOX_LOG } from '../messages/emails';
import { runLetterJobs } from './letters';
import { run, ANYONE, type Services } from './wiring';

/** Sends the outbox with the execution's direct mailer; logs counts only (no address, no subject). */
export function sendQueued(ctx: Services): void {
  const r = sendOutbox(ctx.mailer(), ctx.now.getTime());
  if (r.sent + r.kept + r.dropped + r.unconfirmed > 0) console.info(OUTBOX_LOG.sent(r));
}

/** Letter steps first (their notices join the outbox), then the mail. */
export function runQueuedWorkNow(): void {
  forgetQueuedWorkTrigger();
  runLetterJobs();
  run(ANYONE, (ctx) => sendQueued(ctx));
}
