// Who is who: the "Tim" sheet's rows as team members, and the actor behind an email.
import { parseRole, type Actor, type Role } from '../domain/roles';
import { normalizePhone } from '../domain/validation';
import { cellText } from '../lib/cells';
import { DEFAULT_UNIT_NAMES, TEAM_HEADERS, UNIT_HEADERS, saysNo } from '../messages/sheets';

/** A number typed in "Tim" (a sheet may have turned 0812… into 812…: the leading 0 is put back). */
function phoneOf(cell: unknown): string {
  const text = cellText(cell).trim();
  if (text === '') return '';
  const typed = typeof cell === 'number' && text.startsWith('8') ? `0${text}` : text;
  const p = normalizePhone(typed);
  return p.ok ? p.canonical : '';
}

export interface TeamMember extends Actor {
  name: string;
  nip: string;
  rank: string;
  title: string;
  active: boolean;
  /** Optional "No. HP" column: the canonical number ('+628…'), '' when empty or not a valid number. */
  phone?: string;
}

export { TEAM_HEADERS, UNIT_HEADERS };

/** Parses the team sheet's data rows (without header). Rows with no email or an unknown role are skipped. */
export function parseTeam(rows: readonly (readonly unknown[])[]): TeamMember[] {
  const team: TeamMember[] = [];
  for (const row of rows) {
    const email = cellText(row[0]).trim().toLowerCase();
    const role = parseRole(cellText(row[2]));
    if (!email || !role) continue;
    team.push({
      email,
      name: cellText(row[1]).trim(),
      role,
      unit: cellText(row[3]).trim() || undefined,
      nip: cellText(row[4]).trim(),
      rank: cellText(row[5]).trim(),
      title: cellText(row[6]).trim(),
      active: !saysNo(cellText(row[7])),
      phone: phoneOf(row[8]),
    });
  }
  return team;
}

export function findMember(team: readonly TeamMember[], email: string): TeamMember | undefined {
  const key = email.trim().toLowerCase();
  return team.find((m) => m.active && m.email === key);
}

export function membersWithRole(team: readonly TeamMember[], role: Role, unit?: string): TeamMember[] {
  return team.filter((m) => m.active && m.role === role && (unit === undefined || m.unit === unit));
}

export interface Unit {
  code: string;
  name: string;
  email: string;
}

export const DEFAULT_UNITS: readonly Unit[] = Object.entries(DEFAULT_UNIT_NAMES).map(([code, name]) => ({
  code,
  name,
  email: '',
}));

export function parseUnits(rows: readonly (readonly unknown[])[]): Unit[] {
  return rows
    .map((r) => ({
      code: cellText(r[0]).trim(),
      name: cellText(r[1]).trim(),
      email: cellText(r[2]).trim(),
    }))
    .filter((u) => u.name !== '');
}
