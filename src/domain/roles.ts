// The people of the service standard (SOP "Who") as roles, and who acts for whom.
import { ROLE_LABEL_TEXT } from '../messages/domain';
import { ROLE_ALIASES, aliasOf } from './vocabulary';

export type Role = 'CS' | 'SEKRETARIS' | 'KETUA' | 'KEPALA_DINAS' | 'ANGGOTA' | 'ADMIN';

export const ROLES: readonly Role[] = ['CS', 'SEKRETARIS', 'KETUA', 'KEPALA_DINAS', 'ANGGOTA', 'ADMIN'];

export const ROLE_LABELS: Record<Role, string> = { ...ROLE_LABEL_TEXT };

/** The complaints team proper (Tim Pengaduan plus the front desk): the people who may see an anonymous complainant. */
export const COMPLAINTS_TEAM: readonly Role[] = ['CS', 'SEKRETARIS', 'KETUA'];

export interface Actor {
  email: string;
  role: Role;
  /** The Sekretariat/Bidang an ANGGOTA belongs to; other roles act for the whole agency. */
  unit?: string;
  name?: string;
}

function squash(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, ' ');
}

/** Accepts the code ('KEPALA_DINAS'), the label ('Kepala Dinas') or common short forms, any case. */
export function parseRole(value: string): Role | null {
  if (typeof value !== 'string') return null;
  const v = squash(value);
  if (v === '') return null;
  for (const role of ROLES) {
    if (v === squash(role) || v === squash(ROLE_LABELS[role])) return role;
  }
  return aliasOf(ROLE_ALIASES, v);
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** Units are typed by people; compare them without case or extra spaces. */
export function sameUnit(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return squash(a) === squash(b);
}
