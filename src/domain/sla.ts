// The SLA watch: which open complaints are late, due today, due on the next working day, or special cases near their end.
import type { WorkingCalendar } from './calendar';
import { isClosed, type Complaint } from './complaint';
import { deadlineFacts } from './deadline';
import { sameUnit } from './roles';
import { compareDayKeys, dayKeyOf, type DayKey } from './time';

/** In the order a digest lists them: the most urgent first. */
export type WatchCategory = 'overdue' | 'dueToday' | 'dueNext' | 'specialEnding';
export const WATCH_CATEGORIES: readonly WatchCategory[] = ['overdue', 'dueToday', 'dueNext', 'specialEnding'];

/**
 * A special case (1-month deadline) is flagged while its last working days run out: within this many
 * working days of its deadline (the last week of its month). Closer than 2 it is already "due today/next".
 */
export const SPECIAL_WARNING_WORKING_DAYS = 5;

export interface WatchEntry {
  complaint: Complaint;
  /** The register row (1-based), for links; 0 when unknown. */
  row: number;
}

export interface WatchItem extends WatchEntry {
  category: WatchCategory;
  /** Working days after the deadline up to today (overdue only, else 0). */
  workingDaysLate: number;
  /** Working days from today up to the deadline (0 when due today or late). */
  workingDaysLeft: number;
}

export interface UnitWatch {
  /** The unit as written on the complaints ('' = not yet disposed to a unit). */
  unit: string;
  items: WatchItem[];
}

export interface Watchlist {
  today: DayKey;
  nextWorkingDay: DayKey;
  items: WatchItem[];
  byUnit: UnitWatch[];
}

/** One complaint's place in the watch, or null when it needs no attention today. */
export function watchCategory(
  c: Complaint,
  now: Date,
  cal: WorkingCalendar,
): Omit<WatchItem, 'complaint' | 'row'> | null {
  if (isClosed(c.status) || c.closedAt !== null || c.deadline === '') return null;
  const facts = deadlineFacts(c, now, cal);
  const base = { workingDaysLate: facts.workingDaysLate, workingDaysLeft: facts.workingDaysLeft };
  switch (facts.state) {
    case 'overdue':
      return { category: 'overdue', ...base };
    case 'due_today':
      return { category: 'dueToday', ...base };
    case 'due_next_working_day':
      return { category: 'dueNext', ...base };
    case 'open_on_track':
      return c.deadlineKind === 'khusus' && facts.workingDaysLeft <= SPECIAL_WARNING_WORKING_DAYS
        ? { category: 'specialEnding', ...base }
        : null;
    default:
      return null;
  }
}

function byUrgency(a: WatchItem, b: WatchItem): number {
  const cat = WATCH_CATEGORIES.indexOf(a.category) - WATCH_CATEGORIES.indexOf(b.category);
  if (cat !== 0) return cat;
  if (a.workingDaysLate !== b.workingDaysLate) return b.workingDaysLate - a.workingDaysLate;
  const day = compareDayKeys(a.complaint.deadline, b.complaint.deadline);
  if (day !== 0) return day;
  return a.complaint.regNumber < b.complaint.regNumber ? -1 : a.complaint.regNumber > b.complaint.regNumber ? 1 : 0;
}

/**
 * The day's watchlist. `unitOrder` (the "Unit" sheet) orders the groups; units typed differently (case,
 * spaces) join the same group; unknown units follow in alphabetical order, and "no unit yet" comes last.
 */
export function slaWatch(
  entries: readonly WatchEntry[],
  now: Date,
  cal: WorkingCalendar,
  unitOrder: readonly string[] = [],
): Watchlist {
  const today = dayKeyOf(now);
  const items: WatchItem[] = [];
  for (const e of entries) {
    const w = watchCategory(e.complaint, now, cal);
    if (w) items.push({ ...e, ...w });
  }
  items.sort(byUrgency);
  const groups: UnitWatch[] = [];
  for (const item of items) {
    const unit = item.complaint.unit.trim();
    const known = unit === '' ? undefined : unitOrder.find((u) => sameUnit(u, unit));
    const name = known ?? unit;
    let group = groups.find((g) => (name === '' ? g.unit === '' : sameUnit(g.unit, name)));
    if (!group) {
      group = { unit: name, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  const rank = (g: UnitWatch): [number, string] => {
    if (g.unit === '') return [2, ''];
    const i = unitOrder.findIndex((u) => sameUnit(u, g.unit));
    return i >= 0 ? [0, String(i).padStart(4, '0')] : [1, g.unit.toLowerCase()];
  };
  groups.sort((a, b) => {
    const [ra, ka] = rank(a);
    const [rb, kb] = rank(b);
    return ra !== rb ? ra - rb : ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return { today, nextWorkingDay: cal.nextWorkingDay(today), items, byUnit: groups };
}

/** The watch restricted to one unit (a unit's own digest). */
export function watchForUnit(list: Watchlist, unit: string): WatchItem[] {
  return list.byUnit.filter((g) => g.unit !== '' && sameUnit(g.unit, unit)).flatMap((g) => g.items);
}

export function countByCategory(items: readonly WatchItem[]): Record<WatchCategory, number> {
  const out: Record<WatchCategory, number> = { overdue: 0, dueToday: 0, dueNext: 0, specialEnding: 0 };
  for (const i of items) out[i.category] += 1;
  return out;
}
