// The outbox: mail of an action the core answers for the shell is queued here instead of sent in the call. A message
// costs about a second to send and the round trip to the core already costs 1.5 s; the person at the sidebar waits
// for neither. The queued work's one-off trigger a second later sends it; the daily run sends what a failure left.
// Entries live in the core's Script Properties (its owner's alone), one key per message so concurrent calls never
// overwrite each other's.
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
  /** When a run took it to send (ms). A run that dies after that leaves it here, unconfirmed: never sent again. */
  takenAt?: number;
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
 * also makes the one-off trigger unless one is waiting: gas/queuedWork.ts). A message with attachments, one too big
 * for a property, or one the properties refuse is sent at once by `direct`.
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
      if (!this.scheduled) Object.assign(writes, scheduleQueuedWork(queuedAt));
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
  /** Refused too often, or unconfirmed for a week: dropped (logged without addresses). */
  dropped: number;
  /** Taken by a run that died before it could say: maybe sent, so never sent again (kept a week, counted daily). */
  unconfirmed: number;
}

/** How long a run may take an entry before it counts as having died with it (Apps Script stops at 6 minutes). */
const RUN_DEAD_MS = 7 * 60_000;
/** How long an unconfirmed message stays counted in the daily log before it is dropped. */
const UNCONFIRMED_KEPT_MS = 7 * 86_400_000;

const parse = (raw: string): Entry | null => {
  try {
    const e = JSON.parse(raw) as Entry;
    return e && typeof e === 'object' && e.mail && typeof e.mail.to === 'string' ? e : null;
  } catch {
    return null;
  }
};

/** True for a message a run took and never confirmed (gas/outbox.ts): it may have gone out. */
export function unconfirmed(raw: string, now: number): boolean {
  const e = parse(raw);
  return e?.takenAt !== undefined && now - e.takenAt >= RUN_DEAD_MS;
}

/**
 * Sends every queued message once. Under the script lock a run marks the messages it takes (one write), so the
 * trigger and the daily run never both send one; each is deleted once sent, or put back with its attempt counted
 * when the mail service refuses it. A run killed between taking and confirming leaves its messages marked: they may
 * have gone out, so they are never sent again, only counted (as the receipt journal does), and dropped after a week.
 */
export function sendOutbox(direct: MailPort, now: number): OutboxResult {
  const props = PropertiesService.getScriptProperties();
  const lock = LockService.getScriptLock();
  const result: OutboxResult = { sent: 0, kept: 0, dropped: 0, unconfirmed: 0 };
  if (!lock.tryLock(30_000)) return result; // busy: the daily run (or the next trigger) sends them
  const taken: [string, Entry][] = [];
  const stale: string[] = [];
  try {
    const all = props.getProperties();
    const marks: Record<string, string> = {};
    for (const key of Object.keys(all)
      .filter((k) => k.startsWith(OUTBOX_PREFIX))
      .sort()) {
      const entry = parse(all[key]);
      if (!entry) continue;
      if (entry.takenAt !== undefined) {
        if (now - entry.takenAt < RUN_DEAD_MS) continue; // another run is sending it now
        if (now - entry.takenAt > UNCONFIRMED_KEPT_MS) stale.push(key);
        else result.unconfirmed += 1;
        continue;
      }
      const mine = { ...entry, takenAt: now };
      marks[key] = JSON.stringify(mine);
      taken.push([key, mine]);
    }
    if (taken.length > 0) props.setProperties(marks);
  } catch {
    taken.length = 0; // nothing marked: everything stays queued for the next run
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // The lock ends with the execution anyway; the marks already say which run sends what.
    }
  }
  for (const key of stale) if (forget(key)) result.dropped += 1;
  for (const [key, entry] of taken) {
    if (direct.send(entry.mail)) {
      result.sent += 1;
      forget(key); // if this fails the message stays marked: unconfirmed, never sent twice
      continue;
    }
    const again: Entry = { mail: entry.mail, queuedAt: entry.queuedAt, attempts: entry.attempts + 1 };
    if (again.attempts < MAX_ATTEMPTS && put(key, again)) {
      result.kept += 1;
      continue;
    }
    console.warn(OUTBOX_LOG.dropped(redactForLog(entry.mail.subject), again.attempts));
    forget(key);
    result.dropped += 1;
  }
  return result;
}

function put(key: string, entry: Entry): boolean {
  try {
    PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

function forget(key: string): boolean {
  try {
    PropertiesService.getScriptProperties().deleteProperty(key);
    return true;
  } catch {
    return false;
  }
}
