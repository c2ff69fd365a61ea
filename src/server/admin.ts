// Menu and administration: onOpen's role-aware menu, setup, and the short "about" note.
import { menuFor } from '../ui/menu';
import { runSetup } from '../gas/setup';
import { MENU, TEXT } from '../messages/ui';
import { GasContext, Refusal, messageOf } from './session';

function isConfigured(ctx: GasContext): boolean {
  return ctx.workbook.has('team') && ctx.workbook.has('register') && ctx.team().length > 0;
}

/** Builds (or replaces) the Dumas menu for the person; returns what was known about them. */
export function buildMenu(): { email: string; known: boolean } {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU.title);
  let entries;
  let seen = { email: '', known: false };
  try {
    const ctx = new GasContext();
    const email = ctx.userEmail();
    const role = ctx.actor()?.role ?? null;
    seen = { email, known: role !== null };
    entries = menuFor(role, isConfigured(ctx), email === '');
  } catch {
    entries = menuFor(null, false); // e.g. no permission to read yet: offer setup only
  }
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

export function setupFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const ctx = new GasContext();
    const email = ctx.userEmail() || Session.getEffectiveUser().getEmail().toLowerCase();
    if (isConfigured(ctx) && ctx.actor()?.role !== 'ADMIN') throw new Refusal(TEXT.setupOnlyAdmin);
    const report = runSetup(email);
    ui.alert(TEXT.setupDone(report.changes.length ? report.changes.join('\n') : 'Tidak ada yang perlu diperbaiki.'));
    buildMenu();
  } catch (error) {
    ui.alert(messageOf(error));
  }
}

export function showAbout(): void {
  const ctx = new GasContext();
  const known = ctx.workbook.has('team') ? ctx.actor() : undefined;
  SpreadsheetApp.getUi().alert(
    known ? `${TEXT.appName}\nAnda masuk sebagai ${known.email} (${known.role}).` : TEXT.unknownUser,
  );
}
