// Menu and administration: onOpen's role-aware menu, setup, and the short "about" note.
import { menuFor, type MenuEntry } from '../ui/menu';
import { runSetup } from '../gas/setup';
import { ADMIN_TEXT, MENU, TEXT } from '../messages/ui';
import { ANYONE, SETUP, alert, run } from './wiring';

/** Builds (or replaces) the Dumas menu for the person; returns what was known about them. */
export function buildMenu(): { email: string; known: boolean } {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU.title);
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
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
  return seen;
}

/**
 * Menu "Tampilkan Menu Saya": onOpen is a simple trigger, and Google hides the email there from consumer accounts
 * and other domains. A menu click runs with the person's authorization, so the role-aware menu can be built now.
 */
export function loadMyMenu(): void {
  const seen = buildMenu();
  if (!seen.known) SpreadsheetApp.getUi().alert(seen.email === '' ? TEXT.emailHidden : TEXT.unknownUser);
}

/**
 * Setup's summary, also returned: a standalone core has no UI (getUi() throws there), so its setup logs the summary
 * instead of showing it, and gives it back to whoever called it.
 */
export function setupFromMenu(): string {
  return run(
    SETUP,
    (s) => {
      const email = s.userEmail() || Session.getEffectiveUser().getEmail().toLowerCase();
      const report = runSetup(email);
      const summary = TEXT.setupDone(report.changes.length ? report.changes.join('\n') : ADMIN_TEXT.nothingToRepair);
      if (s.workbook.split) console.info(summary);
      else {
        alert(summary);
        buildMenu(); // a new execution's view of the workbook setup has just changed
      }
      return summary;
    },
    (message) => {
      if (SpreadsheetApp.getActiveSpreadsheet() === null) console.error(message);
      else alert(message);
      return message;
    },
  );
}

export function showAbout(): void {
  run(ANYONE, (s) => {
    const known = s.workbook.has('team') ? s.actor() : undefined;
    alert(known ? ADMIN_TEXT.signedInAs(TEXT.appName, known.email, known.role) : TEXT.unknownUser);
  });
}
