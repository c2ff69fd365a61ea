// Menu and administration: onOpen's role-aware menu, setup, and the short "about" note.
import { menuFor } from '../ui/menu';
import { runSetup } from '../gas/setup';
import { MENU, TEXT } from '../messages/ui';
import { GasContext, Refusal, messageOf } from './session';

function isConfigured(ctx: GasContext): boolean {
  return ctx.workbook.has('team') && ctx.workbook.has('register') && ctx.team().length > 0;
}

export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU.title);
  let entries;
  try {
    const ctx = new GasContext();
    entries = menuFor(ctx.actor()?.role ?? null, isConfigured(ctx));
  } catch {
    entries = menuFor(null, false); // e.g. no permission to read yet: offer setup only
  }
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
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
  SpreadsheetApp.getUi().alert(known ? `${TEXT.appName}\nAnda masuk sebagai ${known.email} (${known.role}).` : TEXT.unknownUser);
}
