// Work a sidebar's call leaves for later (mail in the outbox, letter documents in the job list) is run by one one-off
// trigger a second after the call. One trigger at a time: the first call that queues work makes it, the next ones
// see it waiting; its run forgets it first, so work queued while it runs makes a new one.
export const QUEUED_WORK_HANDLER = 'runQueuedWork';
/** When the waiting trigger was made (ms); absent when none waits. */
const TRIGGER_KEY = 'dumas.queuedWorkTrigger';
/**
 * A trigger older than this never fired, or its run could not forget it: the next call that queues work makes
 * another. One-off triggers fire within about a minute; a second one is harmless (the work is taken under locks).
 */
const TRIGGER_STALE_MS = 3 * 60_000;

/**
 * Makes the trigger unless one waits; returns the property to write with the queued entry (one Script Properties
 * write for both). The trigger is made first: if the entry's write then fails, the trigger finds nothing.
 */
export function scheduleQueuedWork(now: number): Record<string, string> {
  const flag = PropertiesService.getScriptProperties().getProperty(TRIGGER_KEY);
  if (now - Number(flag ?? 0) < TRIGGER_STALE_MS) return {};
  ScriptApp.newTrigger(QUEUED_WORK_HANDLER).timeBased().after(1000).create();
  return markQueuedWork(now);
}

/** The flag saying a trigger was made at `now`, as a property to write. */
const markQueuedWork = (now: number): Record<string, string> => ({ [TRIGGER_KEY]: String(now) });

/**
 * Work asked for again while it waits (its run died, or the answer was lost): the trigger made unless one is really
 * installed (the flag alone may outlive a run that could not forget it). One more call, on this rare path only.
 */
export function ensureQueuedWorkTrigger(now: number): void {
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === QUEUED_WORK_HANDLER)) return;
  ScriptApp.newTrigger(QUEUED_WORK_HANDLER).timeBased().after(1000).create();
  PropertiesService.getScriptProperties().setProperties(markQueuedWork(now));
}

/**
 * The trigger's run: the flag, then its trigger removed (a fired one-off trigger stays listed). Neither failure
 * stops the run: the work is still done, and a flag left behind only delays the next trigger until it is stale.
 */
export function forgetQueuedWorkTrigger(): void {
  try {
    PropertiesService.getScriptProperties().deleteProperty(TRIGGER_KEY);
    for (const t of ScriptApp.getProjectTriggers())
      if (t.getHandlerFunction() === QUEUED_WORK_HANDLER) ScriptApp.deleteTrigger(t);
  } catch {
    // See above.
  }
}
