// The follow-up log kept in one register cell: Sheets refuses a cell over 50,000 characters, so the log keeps its
// newest entries within a budget and folds the oldest into one first line (the audit log holds every entry).
import { MSG, NOTES_PATTERNS } from '../messages/domain';

/** Well under Sheets' 50,000 characters a cell, leaving room for the rollover line. */
export const NOTES_CELL_MAX = 45_000;

const ROLLED = NOTES_PATTERNS.rolledOver;
const LETTER = NOTES_PATTERNS.letterNumber;

/** Letter numbers an entry mentions (kept in the first line, so a reader can still find each letter). */
function lettersIn(text: string): string[] {
  return [...text.matchAll(LETTER)].map((m) => m[1].replace(/[.,;:\]]+$/, ''));
}

/** `log` cut to at most `max` characters by folding its oldest entries (each starts with "[time]") into one line. */
export function boundNotes(log: string, max: number = NOTES_CELL_MAX): string {
  if (log.length <= max) return log;
  const entries = log.split(/\n(?=\[)/);
  let dropped = 0;
  const letters: string[] = [];
  const first = ROLLED.exec(entries[0]);
  if (first) {
    dropped = Number(first[1]);
    letters.push(...lettersIn(entries.shift() ?? ''));
  }
  const render = () => [MSG.notesRolledOver(dropped, [...new Set(letters)]), ...entries].join('\n');
  while (entries.length > 1 && render().length > max) {
    const old = entries.shift() ?? '';
    dropped += 1;
    letters.push(...lettersIn(old));
  }
  return render();
}
