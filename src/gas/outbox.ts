// The outbox: mail of an action the core answers for the shell is queued here instead of sent in the call. A message
// costs about a second to send and the round trip to the core already costs 1.5 s; the person at the sidebar waits
// for neither. The queued work's one-off trigger a second later sends it; the daily run sends what a failure left. Entries
// live in the core's Script Properties (its owner's alone), one key per message so concurrent calls never overwrite
// each other's.
import type { MailPort, OutgoingMail } from '../ports';
import { redactForLog } from '../domain/privacy';
import { OUTBOX_LOG } from '../messages/emails';
import { scheduleQueuedWork } from './queuedWork';

export const OUTBOX_PREFIX = 'dumas.outbox.';
/** Google refuses a property value over 9 KB: a bigger message is sent at once, as before. */
const MAX_VALUE_BYTES = 9 * 1024;
/** A message refused this many times (a bad address, a quota gone for days) is dropped, with a line in the log. */
const MAX_ATTEMPTS = 5;

interface Entry {
  mail: OutgoingMail;
  queuedAt: number;
  attempts: number;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

let sequence = 0;
const keyOf = (queuedAt: number): string =>
  `${OUTBOX_PREFIX}${queuedAt}.${(sequence += 1)}.${Math.random().toString(36).slice(2, 10)}`;

/**
 * A MailPort that queues: `send` answers true once the message is in the outbox (the first message of an execution
 * also makes the one-off trigger unless one is waiting: gas/queuedWork.ts). A message with attachments, too big for a property, or
 * that the properties refuse is sent at once by `direct`.
 */
export class OutboxMailer implements MailPort {
  private scheduled = false;

  constructor(
    private readonly direct: MailPort,
    private readonly now: () => number,
  ) {}

  remainingQuota(): number {
    return this.direct.remainingQuota();
  }

  send(mail: OutgoingMail): boolean {
    if (mail.attachments && mail.attachments.length > 0) return this.direct.send(mail);
    const queuedAt = this.now();
    const value = JSON.stringify({ mail, queuedAt, attempts: 0 } satisfies Entry);
    if (utf8Bytes(value) > MAX_VALUE_BYTES) return this.direct.send(mail);
    try {
      const writes: Record<string, string> = { [keyOf(queuedAt)]: value };
      if (!this.scheduled) Object.assign(writes, scheduleQueuedWork(queuedAt, null));
      this.scheduled = true;
      PropertiesService.getScriptProperties().setProperties(writes);
      return true;
    } catch {
      return this.direct.send(mail);
    }
  }
}

export interface OutboxResult {
  sent: number;
  /** Refused this time, kept for the next run. */
  kept: number;
  /** Refused too often: dropped (logged without addresses). */
  dropped: number;
}

function putBack(key: string, entry: Entry): boolean {
  try {
    PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

const parse = (raw: string): Entry | null => {
  try {
    const e = JSON.parse(raw) as Entry;
    return e && typeof e === 'object' && e.mail && typeof e.mail.to === 'string' ? e : null;
  } catch {
    return null;
  }
};

/**
 * Sends every queued message once. The entries are taken (deleted) under the script lock before any is sent, so the
 * trigger and the daily run never send one twice; a run killed between taking and sending loses those messages
 * rather than doubling them. A refused message goes back with its attempt counted.
 */
export function sendOutbox(direct: MailPort): OutboxResult {
  const props = PropertiesService.getScriptProperties();
  const lock = LockService.getScriptLock();
  const result: OutboxResult = { sent: 0, kept: 0, dropped: 0 };
  if (!lock.tryLock(30_000)) return result; // busy: the daily run (or the next message's trigger) sends them
  const taken: [string, Entry | null][] = [];
  try {
    const all = props.getProperties();
    for (const key of Object.keys(all)
      .filter((k) => k.startsWith(OUTBOX_PREFIX))
      .sort()) {
      props.deleteProperty(key);
      taken.push([key, parse(all[key])]);
    }
  } catch {
    // Properties failed part way: what was taken is sent below, the rest stays queued for the next run.
  } finally {
    lock.releaseLock();
  }
  for (const [key, entry] of taken) {
    if (!entry) continue;
    if (direct.send(entry.mail)) {
      result.sent += 1;
      continue;
    }
    if (entry.attempts + 1 < MAX_ATTEMPTS && putBack(key, { ...entry, attempts: entry.attempts + 1 })) {
      result.kept += 1;
      continue;
    }
    console.warn(OUTBOX_LOG.dropped(redactForLog(entry.mail.subject), entry.attempts + 1));
    result.dropped += 1;
  }
  return result;
}
