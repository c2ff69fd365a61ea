// Trigger handlers are top-level functions, and a deployed web app lets anyone call any top-level function through
// google.script.run (running as the owner). Only a real trigger event carries the id of one of our installed triggers.
export function fromInstalledTrigger(event: unknown): boolean {
  const uid = event && typeof event === 'object' ? (event as { triggerUid?: unknown }).triggerUid : undefined;
  if (typeof uid !== 'string' || uid === '') return false;
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid);
}
