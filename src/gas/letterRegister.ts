// The "Register Surat" sheet: one row per letter number ever issued (voided letters keep theirs), with the letter's
// verification code, signature form, state and the SHA-256 of the PDF that was sent. The public verification page
// reads only this sheet: it holds no complainant's name, address, NIK or complaint text.
import type { LetterRecordsPort } from '../app/letters';
import { parseDayKey } from '../domain/time';
import type { LetterRecord, LetterState, SignatureForm } from '../domain/signature';
import { LETTER_REGISTER_HEADERS, LETTER_STATE_LABELS, SIGNATURE_FORM_LABELS } from '../messages/letters';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = LETTER_REGISTER_HEADERS.length;
/** Every column is text except the sending time: a number such as 000.8.3.3/15/… must never become a date. */
const FORMATS = ['@', '@', '@', '@', '@', '@', '@', '@', '@', 'dd/mm/yyyy hh:mm', '@'];

/** A cell as text: strings as they are, numbers and booleans printed, anything else (empty, a date) ''. */
function cell(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function labelKey<K extends string>(labels: Record<K, string>, value: unknown, fallback: K): K {
  const s = cell(value).trim();
  const found = (Object.keys(labels) as K[]).find((k) => labels[k] === s);
  return found ?? fallback;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

export function recordToRow(r: LetterRecord): (string | Date)[] {
  return [
    r.letterNumber,
    r.letterDate,
    r.regNumber,
    r.code,
    r.signerName,
    r.signerTitle,
    SIGNATURE_FORM_LABELS[r.form],
    LETTER_STATE_LABELS[r.state],
    r.sha256,
    r.sentAt ?? '',
    r.method,
  ];
}

export function rowToRecord(row: readonly unknown[]): LetterRecord {
  const day = parseDayKey(cell(row[1]).trim());
  return {
    letterNumber: cell(row[0]).trim(),
    letterDate: day ?? '',
    regNumber: cell(row[2]).trim(),
    code: cell(row[3]).trim(),
    signerName: cell(row[4]),
    signerTitle: cell(row[5]),
    form: labelKey<SignatureForm>(SIGNATURE_FORM_LABELS, row[6], 'none'),
    state: labelKey<LetterState>(LETTER_STATE_LABELS, row[7], 'incomplete'),
    sha256: cell(row[8]).trim().toLowerCase(),
    sentAt: isDate(row[9]) ? row[9] : null,
    method: cell(row[10]),
  };
}

export class LetterRegisterSheet implements LetterRecordsPort {
  private cache: { rows: LetterRecord[] } | null = null;

  constructor(private readonly sheet: Sheet) {}

  private load(): LetterRecord[] {
    if (this.cache) return this.cache.rows;
    const last = this.sheet.getLastRow();
    const rows =
      last < 2
        ? []
        : this.sheet
            .getRange(2, 1, last - 1, WIDTH)
            .getValues()
            .map(rowToRecord);
    this.cache = { rows };
    return rows;
  }

  /** One single-column read (under the lock, when a number is chosen). */
  numbers(): string[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    return this.sheet
      .getRange(2, 1, last - 1, 1)
      .getValues()
      .map((r) => cell(r[0]).trim());
  }

  find(letterNumber: string): LetterRecord | null {
    return this.load().find((r) => r.letterNumber === letterNumber && letterNumber !== '') ?? null;
  }

  findByCode(code: string): LetterRecord | null {
    return this.load().find((r) => r.code === code && code !== '') ?? null;
  }

  /** Writes the row of `record.letterNumber` (a new row at the end when there is none): formats and values together. */
  save(record: LetterRecord): void {
    this.cache = null; // another execution may have added a row since this one read the sheet
    const index = this.load().findIndex((r) => r.letterNumber === record.letterNumber);
    let row: number;
    if (index >= 0) row = index + 2;
    else {
      row = this.sheet.getLastRow() + 1;
      if (row > this.sheet.getMaxRows()) this.sheet.insertRowsAfter(this.sheet.getMaxRows(), 100);
    }
    this.sheet
      .getRange(row, 1, 1, WIDTH)
      .setNumberFormats([FORMATS])
      .setValues([recordToRow(record)]);
    const rows = this.load();
    if (index >= 0) rows[index] = { ...record };
    else rows.push({ ...record });
  }
}
