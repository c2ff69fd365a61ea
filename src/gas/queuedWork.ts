// Work a sidebar's call leaves for later (mail in the outbox, letter documents in the job list) is run by one one-off
// trigger a second after the call. One trigger at a time: the first call that queues work makes it, the next ones
// see it waiting; its run forgets it first, so work queued while it runs makes a new one.
export const QUEUED_WORK_HANDLER = 'runQueuedWork';
/** When the waiting trigger was made (ms); absent when none waits. */
const TRIGGER_KEY = 'dumas.queuedWorkTrigger';
/** A trigger older than this never fired (or its run died): the next call that queues work makes another. */
const TRIGGER_STALE_MS = 10 * 60_000;

/**
 * Makes the trigger unless one waits (`props` as read for this call, or null to read the flag now); returns the
 * property to write with the queued entry (one Script Properties write for both). The trigger is made first: if the
 * entry's write then fails, the trigger finds nothing.
 */
export function scheduleQueuedWork(
  now: number,
  known: Readonly<Record<string, string>> | null,
): Record<string, string> {
  const flag = known ? known[TRIGGER_KEY] : PropertiesService.getScriptProperties().getProperty(TRIGGER_KEY);
  if (now - Number(flag ?? 0) < TRIGGER_STALE_MS) return {};
  ScriptApp.newTrigger(QUEUED_WORK_HANDLER).timeBased().after(1000).create();
  return { [TRIGGER_KEY]: String(now) };
}

/** The trigger's run: its trigger (and the flag naming it) removed (a fired one-off trigger stays listed). */
export function forgetQueuedWorkTrigger(): void {
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === QUEUED_WORK_HANDLER) ScriptApp.deleteTrigger(t);
  PropertiesService.getScriptProperties().deleteProperty(TRIGGER_KEY);
}
