// Drive sharing of the split deployment's files: the vault and the letters folder are shared with no one; a draft
// letter is shared, per file, with the person drafting it; a letter being signed is shared with no one again.

type Shared = GoogleAppsScript.Drive.File | GoogleAppsScript.Drive.Folder;

/** Removes every editor and viewer but the owner, and every link or domain access. Returns how many were removed. */
export function unshare(file: Shared): number {
  const owner = file.getOwner()?.getEmail().toLowerCase() ?? '';
  const editors = file.getEditors().filter((u) => u.getEmail().toLowerCase() !== owner);
  const viewers = file.getViewers().filter((u) => u.getEmail().toLowerCase() !== owner);
  for (const user of editors) file.removeEditor(user);
  for (const user of viewers) file.removeViewer(user);
  if (file.getSharingAccess() !== DriveApp.Access.PRIVATE)
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  return editors.length + viewers.length;
}

/** Shares one file as editor with `email` (not the owner, not blank). */
export function shareAsEditor(fileId: string, email: string): void {
  const who = email.trim().toLowerCase();
  if (who === '' || who === Session.getEffectiveUser().getEmail().toLowerCase()) return;
  DriveApp.getFileById(fileId).addEditor(who);
}
