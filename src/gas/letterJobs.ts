// Letter steps that make documents (a draft's Doc, a signed letter's Doc and PDF, a berita acara, a delivery's PDF
// by email) take 5–12 s: more than a sidebar's call may. Answering the shell, the core checks the request and
// queues it here, one job per complaint (the core's Script Properties, its owner's alone); the sidebar asks for it to
// run at once and the queued work's trigger (gas/queuedWork.ts) runs what no sidebar asked for. A job runs holding
// the core's user lock (every execution of the core runs as its owner: one lock, apart from the script lock staff
// actions take), which Apps Script releases when an execution ends, even killed: a job found "running" by the next
// holder was left by a run that died, and each step is resumable (app/letters.ts), so it is simply run again.
import type { LetterAction, LetterRequest } from '../app/letters';
import { scheduleQueuedWork } from './queuedWork';

export const JOB_PREFIX = 'dumas.letterJob.';
/** How long a failed job's message waits for the person to read it (then the complaint shows no job). */
const FAILED_SHOWN_MS = 24 * 3600_000;

export interface LetterJob {
  action: LetterAction;
  /** The request as the person sent it (the version they saw included): the run refuses it if the row moved on. */
  request: Omit<LetterRequest, 'scan'>;
  /** The member who asked: the job runs as them (their permissions, their draft's sharing). */
  actor: string;
  queuedAt: number;
  state: 'queued' | 'running' | 'failed';
  startedAt?: number;
  /** Why the run failed, as the person is told. */
  message?: string;
  /** The delivery stopped while emailing: the person checks the Sent folder and says what they found. */
  emailUnconfirmed?: boolean;
}

const keyOf = (regNumber: string): string => JOB_PREFIX + regNumber;

function parse(raw: string | null | undefined): LetterJob | null {
  if (!raw) return null;
  try {
    const job = JSON.parse(raw) as LetterJob;
    return job && typeof job === 'object' && typeof job.actor === 'string' ? job : null;
  } catch {
    return null;
  }
}

/** What a complaint's job shows now: waiting or running, failed (for a day), or nothing. */
export function jobOf(regNumber: string, now: number): LetterJob | null {
  const job = parse(PropertiesService.getScriptProperties().getProperty(keyOf(regNumber)));
  if (!job) return null;
  if (job.state === 'failed' && now - (job.startedAt ?? job.queuedAt) > FAILED_SHOWN_MS) return null;
  return job;
}

/** True while a job waits or runs (a run that died counts as waiting: it will be run again). */
export const pending = (job: LetterJob | null): boolean => job !== null && job.state !== 'failed';

/** Queues the job (replacing a failed one) and makes the trigger unless one waits: one properties write. */
export function queueJob(job: Omit<LetterJob, 'state'>): void {
  const queued: LetterJob = { ...job, state: 'queued' };
  const writes = { ...scheduleQueuedWork(job.queuedAt), [keyOf(job.request.regNumber)]: JSON.stringify(queued) };
  PropertiesService.getScriptProperties().setProperties(writes);
}

/**
 * Runs the complaint's job (waiting, or left by a run that died) holding the job lock, so the trigger and a sidebar
 * never run jobs at once. Null when there is none, or the lock stays taken (another job runs: the page asks again).
 */
export function runJob<T>(regNumber: string, now: number, run: (job: LetterJob) => T): T | null {
  const lock = LockService.getUserLock();
  if (!lock.tryLock(25_000)) return null;
  try {
    const props = PropertiesService.getScriptProperties();
    const job = parse(props.getProperty(keyOf(regNumber)));
    if (!job || job.state === 'failed') return null;
    const running: LetterJob = { ...job, state: 'running', startedAt: now };
    props.setProperty(keyOf(regNumber), JSON.stringify(running));
    return run(running);
  } finally {
    lock.releaseLock();
  }
}

/** The run's end: done (the register says what happened) or failed with the message the person reads. */
export function finishJob(job: LetterJob, failure: { message: string; emailUnconfirmed: boolean } | null): void {
  const props = PropertiesService.getScriptProperties();
  const key = keyOf(job.request.regNumber);
  if (failure === null) props.deleteProperty(key);
  else props.setProperty(key, JSON.stringify({ ...job, state: 'failed', ...failure } satisfies LetterJob));
}

/** Every complaint with a job to run (waiting, or left running by a run that died), oldest first: the trigger's list. */
export function jobsToRun(): string[] {
  const all = PropertiesService.getScriptProperties().getProperties();
  return Object.keys(all)
    .filter((k) => k.startsWith(JOB_PREFIX))
    .map((k) => ({ reg: k.slice(JOB_PREFIX.length), job: parse(all[k]) }))
    .filter(({ job }) => job !== null && job.state !== 'failed')
    .sort((a, b) => (a.job?.queuedAt ?? 0) - (b.job?.queuedAt ?? 0))
    .map(({ reg }) => reg);
}
