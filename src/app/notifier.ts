// The notifier: resolves an audience to people once (who belongs to a unit, who leads, the complainant) and tells
// them on every channel it is given. The wiring (gas/context.ts) lists the channels; each renders its own words.
import { validateEmail } from '../domain/validation';
import { sameUnit } from '../domain/roles';
import type { Audience, Notice, NoticeChannel, NoticeResult, NotifierPort, Recipient } from '../ports';
import { membersWithRole, type TeamMember, type Unit } from './team';

/** Who is who: the "Tim" and "Unit" sheets as read for this execution. */
export interface Directory {
  team: readonly TeamMember[];
  units: readonly Unit[];
}

const usable = (email: string): boolean => email !== '' && validateEmail(email).ok;

/** The unit's active Anggota Tim, the unit's own mailbox, and the assigned officer (each once), as emails. */
export function unitAudience(dir: Directory, unit: string, assignedTo = ''): string[] {
  return unitRecipients(dir, unit, assignedTo).map((r) => r.email);
}

function unitRecipients(dir: Directory, unit: string, assignedTo: string): Recipient[] {
  const out: Recipient[] = dir.team
    .filter((m) => m.active && m.role === 'ANGGOTA' && sameUnit(m.unit, unit))
    .map((m) => ({ email: m.email, phone: m.phone ?? '' }));
  const box = dir.units.find((u) => sameUnit(u.name, unit))?.email ?? '';
  for (const extra of [box, assignedTo]) {
    const e = extra.trim().toLowerCase();
    if (!usable(e) || out.some((r) => r.email === e)) continue;
    const member = dir.team.find((m) => m.active && m.email === e);
    out.push({ email: e, phone: member?.phone ?? '' });
  }
  return out;
}

const asRecipient = (m: TeamMember): Recipient => ({ email: m.email, phone: m.phone ?? '' });

function unique(list: Recipient[]): Recipient[] {
  return list.filter((r, i) => list.findIndex((x) => x.email === r.email) === i);
}

/** The people `audience` names, in a stable order (the order the emails list them). */
export function recipientsOf(dir: Directory, audience: Audience): Recipient[] {
  switch (audience.kind) {
    case 'complainant': {
      const c = audience.complaint;
      return [{ email: usable(c.email) ? c.email : '', phone: c.phoneCanonical }];
    }
    case 'team':
      return unique([...membersWithRole(dir.team, 'CS'), ...membersWithRole(dir.team, 'SEKRETARIS')].map(asRecipient));
    case 'unit':
      return audience.unit === '' ? [] : unitRecipients(dir, audience.unit, audience.assignedTo ?? '');
    case 'leader':
      return unique(audience.roles.flatMap((role) => membersWithRole(dir.team, role)).map(asRecipient));
    case 'admins':
      return membersWithRole(dir.team, 'ADMIN').map(asRecipient);
  }
}

/** The channels' results as one: reached if any channel reached someone; else the first real failure. */
function combine(results: readonly NoticeResult[]): NoticeResult {
  const reached = results.flatMap((r) => r.reached);
  const missed = results.flatMap((r) => r.missed);
  if (reached.length > 0) return { reached, missed, failure: null };
  const failed = results.find((r) => r.failure !== null && r.failure !== 'nobody');
  return { reached: [], missed, failure: failed?.failure ?? 'nobody' };
}

export class Notifier implements NotifierPort {
  constructor(
    private readonly directory: Directory,
    private readonly channels: readonly NoticeChannel[],
  ) {}

  tell(audience: Audience, notice: Notice, sending?: () => void): NoticeResult {
    const recipients = recipientsOf(this.directory, audience);
    let claimed = false;
    const once = (): void => {
      if (claimed) return;
      claimed = true;
      sending?.();
    };
    const results = this.channels.map((channel): NoticeResult => {
      try {
        return channel.send(recipients, audience, notice, once);
      } catch {
        // One channel's failure never stops the others (the mail channel reports its own, redacted).
        return { reached: [], missed: [], failure: 'refused' };
      }
    });
    return combine(results);
  }
}
