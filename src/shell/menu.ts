// The shell's Dumas menu, built in the team's spreadsheet from its own Tim sheet: a simple onOpen trigger cannot
// call the core (no authorization), and the menu is a convenience only: the core checks every call again.
import { findMember, parseTeam, TEAM_HEADERS } from '../app/team';
import { Workbook } from '../gas/workbook';
import { TEXT } from '../messages/ui';
import { menuFor, showMenu } from '../ui/menu';
import type { Role } from '../domain/roles';

export function buildShellMenu(): { email: string; known: boolean } {
  let email = '';
  let role: Role | null = null;
  let configured = false;
  try {
    email = Session.getActiveUser().getEmail().trim().toLowerCase();
    const workbook = new Workbook();
    const team = workbook.has('team') ? parseTeam(workbook.rows('team', TEAM_HEADERS.length)) : [];
    configured = team.length > 0; // the core's setup writes Tim in this spreadsheet
    role = findMember(team, email)?.role ?? null;
  } catch {
    // e.g. no permission to read yet: offer setup only
  }
  showMenu(menuFor(role, configured, email === ''));
  return { email, known: role !== null };
}

/** "Tampilkan Menu Saya": a click runs with the person's authorization, where Google reveals their email. */
export function loadShellMenu(): void {
  const seen = buildShellMenu();
  if (!seen.known) SpreadsheetApp.getUi().alert(seen.email === '' ? TEXT.emailHidden : TEXT.unknownUser);
}
