// The outbox's sending (gas/outbox.ts): the one-off trigger a queued message makes, and the daily run's pass over
// what a failure left. Calling it early (it is a top-level function) only sends mail already queued: nothing else.
import { forgetOutboxTrigger, sendOutbox } from '../gas/outbox';
import { OUTBOX_LOG } from '../messages/emails';
import { run, ANYONE, type Services } from './wiring';

/** Sends the queue with the execution's direct mailer; logs counts only (no address, no subject). */
export function sendQueued(ctx: Services): void {
  const r = sendOutbox(ctx.mailer());
  if (r.sent + r.kept + r.dropped > 0) console.info(OUTBOX_LOG.sent(r));
}

/** The one-off trigger: its trigger removed first, so a message queued while this runs makes a new one. */
export function sendQueuedMailNow(): void {
  forgetOutboxTrigger();
  run(ANYONE, (ctx) => sendQueued(ctx));
}
