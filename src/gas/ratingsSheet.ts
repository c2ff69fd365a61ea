// The "Penilaian" sheet: one row per rating from the public page, comments stored as plain text exactly as typed.
import type { Rating } from '../domain/rating';
import type { RatingsPort } from '../app/feedback';
import { cellText } from '../lib/cells';
import { scrubIdentity } from '../domain/retention';
import { IDENTITY_REMOVED } from '../messages/domain';

import { NO, RATING_HEADERS, YES } from '../messages/sheets';

export { RATING_HEADERS };
/** Text columns are `@` before values land, so a comment such as "=HYPERLINK(…)" stays text. */
const FORMATS = ['dd/mm/yyyy hh:mm:ss', '@', '@', '0', '0', '@', '@'];

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

export function ratingToRow(r: Rating): (string | number | Date)[] {
  return [r.at, r.regNumber, r.unit, r.round + 1, r.score, r.resolved ? YES : NO, r.comment];
}

/** Rows typed or damaged by hand still parse; a bad score is ignored later by ratingStats. */
export function rowToRating(row: readonly unknown[]): Rating {
  const round = Number(row[3]);
  return {
    at: isDate(row[0]) ? row[0] : new Date(Number.NaN),
    regNumber: cellText(row[1]).trim(),
    unit: cellText(row[2]),
    round: Number.isInteger(round) && round >= 1 ? round - 1 : 0,
    score: Number(row[4]),
    resolved: cellText(row[5]).trim().toLowerCase() !== NO.toLowerCase(),
    comment: cellText(row[6]),
  };
}

export class RatingsSheet implements RatingsPort {
  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  all(): Rating[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    return this.sheet
      .getRange(2, 1, last - 1, RATING_HEADERS.length)
      .getValues()
      .filter((r) => String(r[1]).trim() !== '')
      .map(rowToRating);
  }

  /**
   * The purge's part: the comments of these complaints with every NIK, phone and email replaced by a marker. One read
   * of the comment column, one write of it only when something changed; returns how many comments changed.
   */
  purgeComments(identities: ReadonlyMap<string, readonly string[]>): number {
    const last = this.sheet.getLastRow();
    if (last < 2 || identities.size === 0) return 0;
    const range = this.sheet.getRange(2, 1, last - 1, RATING_HEADERS.length);
    const rows = range.getValues();
    let changed = 0;
    const comments = rows.map((r) => {
      const text = cellText(r[6]);
      const values = identities.get(cellText(r[1]).trim());
      if (!values) return [text];
      const stripped = scrubIdentity(text, values, IDENTITY_REMOVED);
      if (stripped !== text) changed += 1;
      return [stripped];
    });
    if (changed > 0) this.sheet.getRange(2, 7, comments.length, 1).setValues(comments);
    return changed;
  }

  append(rating: Rating): void {
    const row = this.sheet.getLastRow() + 1;
    const capacity = this.sheet.getMaxRows();
    if (row > capacity) this.sheet.insertRowsAfter(capacity, 200);
    this.sheet
      .getRange(row, 1, 1, RATING_HEADERS.length)
      .setNumberFormats([FORMATS])
      .setValues([ratingToRow(rating)]);
  }
}
