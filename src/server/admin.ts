// Menu and administration: onOpen's role-aware menu, setup, and the short "about" note.
import { menuFor, showMenu, type MenuEntry } from '../ui/menu';
import { runSetup } from '../gas/setup';
import { ADMIN_TEXT, TEXT } from '../messages/ui';
import { ANYONE, SETUP, alert, answeringShell, run } from './wiring';

/** Builds (or replaces) the Dumas menu for the person; returns what was known about them. */
export function buildMenu(): { email: string; known: boolean } {
  let seen = { email: '', known: false };
  const entries: MenuEntry[] = run(
    ANYONE,
    (s) => {
      const email = s.userEmail();
      const role = s.actor()?.role ?? null;
      seen = { email, known: role !== null };
      return menuFor(role, s.configured(), email === '');
    },
    () => menuFor(null, false), // e.g. no permission to read yet: offer setup only
  );
  showMenu(entries);
  return seen;
}

/**
 * Menu "Tampilkan Menu Saya": onOpen is a simple trigger, and Google hides the email there from consumer accounts
 * and other domains. A menu click runs with the person's authorization, so the role-aware menu can be built now.
 */
export function loadMyMenu(): void {
  const seen = buildMenu();
  if (!seen.known) alert(seen.email === '' ? TEXT.emailHidden : TEXT.unknownUser);
}

export function setupFromMenu(): void {
  run(
    SETUP,
    (s) => {
      const email = s.userEmail() || Session.getEffectiveUser().getEmail().toLowerCase();
      const report = runSetup(email);
      alert(TEXT.setupDone(report.changes.length ? report.changes.join('\n') : ADMIN_TEXT.nothingToRepair));
      // A new execution's view of the workbook setup has just changed; the shell builds its own menu.
      if (!answeringShell()) buildMenu();
    },
    alert,
  );
}

export function showAbout(): void {
  run(ANYONE, (s) => {
    const known = s.workbook.has('team') ? s.actor() : undefined;
    alert(known ? ADMIN_TEXT.signedInAs(TEXT.appName, known.email, known.role) : TEXT.unknownUser);
  });
}
