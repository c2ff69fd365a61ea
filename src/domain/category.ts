// Complaint categories: the "Kategori" sheet (name, description, suggested unit), read into a list, and the unit a
// complaint's category suggests for the disposition (a suggestion: the Kepala Dinas still picks the unit).
import { cellText } from '../lib/cells';
import { CATEGORY_TEXT } from '../messages/categories';
import { NO } from '../messages/sheets';
import { sameUnit } from './roles';

export interface Category {
  name: string;
  description: string;
  /** One of the Unit sheet's names, or '' when the row names none (or an unknown one). */
  suggestedUnit: string;
}

export interface ParsedCategories {
  categories: Category[];
  /** What the Ketua Tim should fix in the sheet (shown by the settings check), in Indonesian. */
  problems: string[];
}

function oneLine(value: unknown): string {
  return cellText(value).replace(/\s+/g, ' ').trim();
}

const key = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The sheet's rows without header: name, description, suggested unit, active ("Tidak" or FALSE leaves a row out).
 * An empty name is skipped, a doubled name keeps its first row, a unit not in `units` suggests nothing.
 */
export function parseCategories(rows: readonly (readonly unknown[])[], units: readonly string[]): ParsedCategories {
  const categories: Category[] = [];
  const problems: string[] = [];
  for (const r of rows) {
    const name = oneLine(r[0]);
    if (name === '') continue;
    // "Tidak" (or FALSE from a checkbox) leaves the row out, as in the other sheets staff keep.
    if (r[3] === false || oneLine(r[3]).toLowerCase() === NO.toLowerCase()) continue;
    if (categories.some((c) => key(c.name) === key(name))) {
      problems.push(CATEGORY_TEXT.doubled(name));
      continue;
    }
    const typedUnit = oneLine(r[2]);
    const unit = typedUnit === '' ? '' : (units.find((u) => sameUnit(u, typedUnit)) ?? null);
    if (unit === null) problems.push(CATEGORY_TEXT.unknownUnit(name, typedUnit));
    categories.push({ name, description: oneLine(r[1]), suggestedUnit: unit ?? '' });
  }
  return { categories, problems };
}

/** The category as the sheet spells it, matched without case or extra spaces; null when there is none. */
export function findCategory(name: string, categories: readonly Category[]): Category | null {
  const k = key(name);
  if (k === '') return null;
  return categories.find((c) => key(c.name) === k) ?? null;
}

export type CategoryChoice = { ok: true; value: string } | { ok: false; message: string };

/** A category typed or picked by staff: '' clears it, a known one is stored as the sheet spells it. */
export function chooseCategory(raw: unknown, categories: readonly Category[]): CategoryChoice {
  const typed = oneLine(raw);
  if (typed === '') return { ok: true, value: '' };
  const found = findCategory(typed, categories);
  if (found) return { ok: true, value: found.name };
  return { ok: false, message: CATEGORY_TEXT.unknown(typed, categories.map((c) => c.name).join(', ')) };
}

/**
 * A category from the public form: a citizen's pick is kept when it is still in the sheet, and otherwise dropped
 * (never refused: an online complaint is never lost over an optional question).
 */
export function formCategory(raw: unknown, categories: readonly Category[]): string {
  return findCategory(oneLine(raw), categories)?.name ?? '';
}

/** The unit a complaint's category suggests, or '' (no category, unknown category, or none named). */
export function suggestedUnitFor(category: string, categories: readonly Category[]): string {
  return findCategory(category, categories)?.suggestedUnit ?? '';
}
