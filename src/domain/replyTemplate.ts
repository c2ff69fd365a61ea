// Canned replies: a template's text (typed by the Ketua Tim in "Templat Jawaban") filled with the letter's placeholders
// for one complaint, under the letter's rules: one pass, every value made safe by docText first ("{{" broken up), so a
// complainant's text can never become a placeholder; identity only as the draft letter may show it.
import { cellText } from '../lib/cells';
import { LETTER_TEXT } from '../messages/letters';
import { NO } from '../messages/sheets';
import type { Complaint } from './complaint';
import {
  docText,
  draftValues,
  singleLine,
  type LetterSettings,
  type LetterValues,
  type PlaceholderKey,
} from './letter';

export interface ReplyTemplate {
  title: string;
  text: string;
}

/** The sheet's rows (without header): a title and a text; "Tidak" in Aktif leaves a template out. */
export function parseReplyTemplates(rows: readonly (readonly unknown[])[]): ReplyTemplate[] {
  const out: ReplyTemplate[] = [];
  for (const r of rows) {
    const title = singleLine(cellText(r[0]));
    const text = cellText(r[1]);
    const active = cellText(r[2]).trim().toLowerCase();
    if (title === '' || text.trim() === '' || active === NO.toLowerCase() || r[2] === false) continue;
    if (!out.some((t) => t.title === title)) out.push({ title, text });
  }
  return out;
}

/** Keys a reply cannot use: the answer itself, and what exists only once a letter is signed. */
const NOT_IN_REPLY: readonly PlaceholderKey[] = ['jawaban', 'tembusan', 'qr_verifikasi'];

/** The values a reply may use: the draft letter's, the complainant's name and address as the draft shows them. */
export function replyValues(c: Complaint, s: LetterSettings): LetterValues {
  const values: LetterValues = {
    nama_pengadu: LETTER_TEXT.complainantFallback,
    alamat_pengadu: LETTER_TEXT.addressFallback,
    ...draftValues(c, s),
  };
  for (const k of NOT_IN_REPLY) delete values[k];
  return values;
}

export interface FilledReply {
  text: string;
  /** Placeholders the text names that have no value here (a typo, or a key of the signed letter). */
  unknown: string[];
}

/** One pass over the template: each `{{key}}` with a value becomes that value on one line; others stay and are listed. */
export function fillReply(template: string, values: LetterValues): FilledReply {
  const unknown: string[] = [];
  const text = docText(template)
    .replace(/\{ \{/g, '{{') // the template's own placeholders (docText broke them like any other text)
    .replace(/\{\{([a-z_]+)\}\}/g, (whole, key: string) => {
      const v = values[key as PlaceholderKey];
      if (v === undefined) {
        if (!unknown.includes(key)) unknown.push(key);
        return whole;
      }
      return singleLine(v);
    });
  return { text, unknown };
}
