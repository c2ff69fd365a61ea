// Who may open, comment on or edit a Drive file, as Google decides it: the owner, the people it is shared with, link
// or domain sharing, and the sharing of every folder above it (inherited). Enforced only in a world that asks for it
// (`createEmulator({ access: 'enforced' })`); the default world lets every account open every file, as the existing
// tests assume (one project, everyone an editor).
import type { DriveEntry, FileRegistry } from './context';

export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';
const RANK: Record<Role, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };
const LINK_ROLE: Record<string, Role | null> = {
  VIEW: 'viewer',
  COMMENT: 'commenter',
  EDIT: 'editor',
  OWNER: 'editor',
  ORGANIZER: 'editor',
  FILE_ORGANIZER: 'editor',
  NONE: null,
};

export const domainOf = (email: string): string => email.split('@')[1]?.toLowerCase() ?? '';
/** Consumer domains: their accounts share no Workspace domain with anyone. */
export const CONSUMER_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function better(a: Role | null, b: Role | null): Role | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** The role `email` has on `entry` itself (not counting its folders). Scripts open files by id: "with link" counts. */
function directRole(entry: DriveEntry, email: string): Role | null {
  if (same(entry.owner, email)) return 'owner';
  let role: Role | null = null;
  if (entry.editors.some((e) => same(e, email))) role = 'editor';
  else if ((entry.commenters ?? []).some((e) => same(e, email))) role = 'commenter';
  else if (entry.viewers.some((e) => same(e, email))) role = 'viewer';
  const { access, permission } = entry.sharing;
  const linkRole = LINK_ROLE[permission] ?? null;
  const domainOk =
    domainOf(email) === domainOf(entry.owner) && !CONSUMER_DOMAINS.has(domainOf(email)) && domainOf(email) !== '';
  if (access === 'ANYONE' || access === 'ANYONE_WITH_LINK') role = better(role, linkRole);
  if ((access === 'DOMAIN' || access === 'DOMAIN_WITH_LINK') && domainOk) role = better(role, linkRole);
  return role;
}

export class AccessControl {
  /** False in the default world: every account may do anything to every file. */
  enforced = false;

  constructor(private readonly files: FileRegistry) {}

  /** The best role `email` has on the file, through its own sharing or any folder above it (null: no access). */
  roleOf(entry: DriveEntry, email: string): Role | null {
    if (!this.enforced) return 'owner';
    let role: Role | null = null;
    const seen = new Set<string>();
    const walk = (e: DriveEntry, inherited: boolean): void => {
      if (seen.has(e.id)) return;
      seen.add(e.id);
      const own = directRole(e, email);
      // A folder's owner is an editor of what others put in it, not its owner.
      role = better(role, inherited && own === 'owner' ? 'editor' : own);
      for (const p of e.parents) {
        if (p === 'root') continue; // every account has its own My Drive: the shared root grants nothing
        const parent = this.files.get(p);
        if (parent) walk(parent, true);
      }
    };
    walk(entry, false);
    return role;
  }

  can(entry: DriveEntry, email: string, need: Role): boolean {
    const role = this.roleOf(entry, email);
    return role !== null && RANK[role] >= RANK[need];
  }
}
