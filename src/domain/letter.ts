// The reply letter as data: its placeholders, their values from a complaint, settings and signer, text made safe
// for Google Docs (literal replacements, paragraphs), the letter number, and layouts rendered with values.
import { LETTER_TEXT } from '../messages/letters';
import { PLACEHOLDER_KEYS } from './vocabulary';
import type { Complaint } from './complaint';
import { formatDay, formatDayLong, MONTH_NAMES } from './format';
import { formatNumber, nextSequence, parseSequence } from './numbering';
import { dayKeyParts, witaParts, type DayKey } from './time';

export type LayoutAlign = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

/** One paragraph of a layout: text (with placeholders) and the few styles an official letter needs. */
export interface LayoutLine {
  text: string;
  align?: LayoutAlign;
  bold?: boolean;
  size?: number;
  /** Left indent in points (the signature block sits in the right half). */
  indent?: number;
  /** A horizontal rule after this paragraph (the line closing the letterhead). */
  rule?: boolean;
  /** Space below the paragraph in points (paragraphs of the body are spaced, not run together). */
  spaceAfter?: number;
}

/**
 * A table without borders: how Docs aligns columns (Apps Script cannot set tab stops) and puts the signature
 * block in the right half. `rows` → cells → the cell's paragraphs; `widths` in points (null: the rest).
 */
export interface LayoutTable {
  kind: 'table';
  widths: readonly (number | null)[];
  rows: readonly (readonly (readonly LayoutLine[])[])[];
}

export type LayoutBlock = LayoutLine | LayoutTable;

export function isLayoutTable(b: LayoutBlock): b is LayoutTable {
  return 'kind' in b && b.kind === 'table';
}

/** Every paragraph of a layout in reading order, table cells included (row by row, cell by cell). */
export function layoutLines(blocks: readonly LayoutBlock[]): LayoutLine[] {
  return blocks.flatMap((b) => (isLayoutTable(b) ? b.rows.flatMap((r) => r.flatMap((cell) => [...cell])) : [b]));
}

export { PLACEHOLDER_KEYS };
export type PlaceholderKey = (typeof PLACEHOLDER_KEYS)[number];
export type LetterValues = Partial<Record<PlaceholderKey, string>>;

/** Values that may hold several paragraphs: their placeholder should stand alone in its paragraph. */
export const MULTILINE_KEYS: readonly PlaceholderKey[] = ['jawaban', 'uraian_pengaduan', 'tembusan'];

/** Filled only when the Kepala Dinas approves: the draft shows them as placeholders still to come. */
export const SIGNING_KEYS: readonly PlaceholderKey[] = [
  'nomor_surat',
  'tanggal_surat',
  'jabatan_penandatangan',
  'nama_penandatangan',
  'pangkat_penandatangan',
  'nip_penandatangan',
  'tanda_persetujuan',
  'kode_verifikasi',
  'tautan_verifikasi',
];

/** The verification QR: an image put where the placeholder stands, not text. */
export const QR_KEY: PlaceholderKey = 'qr_verifikasi';

/** The settings a letter needs (the app's Settings has them all). */
export interface LetterSettings {
  governmentName: string;
  agencyName: string;
  agencyAddress: string;
  agencyPhone: string;
  agencyEmail: string;
  agencyWebsite: string;
  serviceComplaintEmail: string;
  serviceComplaintPhone: string;
  city: string;
  letterPattern: string;
  letterClassCode: string;
  letterUnitCode: string;
}

/** A person from the "Tim" sheet who signs (Kepala Dinas) or records (berita acara). */
export interface SignerInfo {
  name: string;
  rank: string;
  nip: string;
}

export function placeholder(key: string): string {
  return `{{${key}}}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The search pattern for Docs' replaceText/findText (a regex): the placeholder matched literally. */
export function placeholderPattern(key: string): string {
  return escapeRegExp(placeholder(key));
}

/** A replaceText replacement that inserts `value` literally (Java's Matcher reads `$n` and `\` specially). */
export function escapeReplacement(value: string): string {
  return value.replace(/[\\$]/g, '\\$&');
}

/** The distinct placeholder keys found in a text, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\{\{([a-z_]+)\}\}/g)) if (!found.includes(m[1])) found.push(m[1]);
  return found;
}

/**
 * User text as Docs may hold it: line breaks normalised to \n, control characters (which Docs strips or
 * rejects) removed, and `{{` broken up so a value can never look like a placeholder still to fill.
 */
export function docText(value: string): string {
  return (
    String(value ?? '')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\{\{/g, '{ {')
  );
}

/** One line: the non-empty lines of `value` joined with ", " (an address typed on several lines). */
export function singleLine(value: string): string {
  return docText(value)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(', ');
}

/** The paragraphs of a multi-line value, blank lines kept (they are paragraphs the author meant). */
export function paragraphsOf(value: string): string[] {
  return docText(value).split('\n');
}

/** "KEPALA DINAS … KABUPATEN TABANAN": the head's office title from the settings. */
export function headTitle(s: LetterSettings): string {
  return LETTER_TEXT.headTitle(s.agencyName, s.governmentName.replace(LETTER_TEXT.governmentPrefix, ''));
}

/** Rahasia for a confidential complaint, otherwise the disposition's priority (Biasa by default). */
export function sifatOf(c: Complaint): string {
  if (c.privacy === 'rahasia') return LETTER_TEXT.sifatRahasia;
  return c.priority === '' ? LETTER_TEXT.sifatBiasa : c.priority;
}

function agencyValues(s: LetterSettings): LetterValues {
  return {
    pemerintah: singleLine(s.governmentName),
    nama_instansi: singleLine(s.agencyName),
    alamat_instansi: singleLine(s.agencyAddress),
    telepon_instansi: singleLine(s.agencyPhone),
    email_instansi: singleLine(s.agencyEmail),
    situs_instansi: singleLine(s.agencyWebsite),
    kota: singleLine(s.city),
    telepon_pengaduan_layanan: singleLine(s.serviceComplaintPhone),
    email_pengaduan_layanan: singleLine(s.serviceComplaintEmail),
  };
}

function complaintValues(c: Complaint): LetterValues {
  return {
    nama_pengadu: singleLine(c.name) || LETTER_TEXT.complainantFallback,
    alamat_pengadu: singleLine(c.address) || LETTER_TEXT.addressFallback,
    nomor_registrasi: singleLine(c.regNumber),
    tanggal_diterima: formatDay(c.receivedAt),
    hari_tanggal_diterima: formatDayLong(c.receivedAt),
    perihal_pengaduan: singleLine(c.subject),
    uraian_pengaduan: docText(c.description),
    unit: singleLine(c.unit),
    jawaban: docText(c.answer),
    tembusan: LETTER_TEXT.tembusan(singleLine(c.unit)).join('\n'),
    sifat: sifatOf(c),
    lampiran: LETTER_TEXT.lampiran,
    hal: LETTER_TEXT.hal,
  };
}

/** The complainant's identity: in a draft only for 'biasa' complaints (the unit may not see an anonymous identity). */
export const IDENTITY_KEYS: readonly PlaceholderKey[] = ['nama_pengadu', 'alamat_pengadu'];

function identityInDraft(c: Complaint): boolean {
  return c.privacy === 'biasa';
}

/** Everything the unit's draft can know: all placeholders except the SIGNING_KEYS (and identity when protected). */
export function draftValues(c: Complaint, s: LetterSettings): LetterValues {
  const values: LetterValues = { ...agencyValues(s), ...complaintValues(c) };
  if (!identityInDraft(c)) for (const k of IDENTITY_KEYS) delete values[k];
  return values;
}

/** How this letter is signed and checked: the approval mark (empty in scan mode: space to sign) and its code. */
export interface LetterSeal {
  /** "Disetujui secara elektronik oleh …", or '' (space for a wet signature and the stamp). */
  mark: string;
  code: string;
  /** The public verification page for this code, or '' when the web app is not deployed yet. */
  url: string;
}

/** What approval adds: number, date, the signature block of the person who signs, the mark and the code. */
export function signingValues(c: Complaint, s: LetterSettings, signer: SignerInfo, seal: LetterSeal): LetterValues {
  return {
    tanda_persetujuan: singleLine(seal.mark),
    kode_verifikasi: LETTER_TEXT.verificationCodeLine(seal.code),
    tautan_verifikasi: seal.url === '' ? LETTER_TEXT.verificationNoUrl : LETTER_TEXT.verificationUrlLine(seal.url),
    nomor_surat: singleLine(c.letterNumber),
    tanggal_surat: c.letterDate === '' ? '' : formatDay(c.letterDate),
    jabatan_penandatangan: headTitle(s),
    nama_penandatangan: singleLine(signer.name),
    pangkat_penandatangan: singleLine(signer.rank),
    nip_penandatangan: singleLine(signer.nip),
    // A protected identity enters the letter only now, in the final letter the Kepala Dinas signs.
    ...(identityInDraft(c) ? {} : pick(complaintValues(c), IDENTITY_KEYS)),
  };
}

function pick(values: LetterValues, keys: readonly PlaceholderKey[]): LetterValues {
  const out: LetterValues = {};
  for (const k of keys) out[k] = values[k];
  return out;
}

/** The berita acara of a face-to-face complaint answered on the spot, recorded by `officer`. */
export function beritaAcaraValues(c: Complaint, s: LetterSettings, officer: SignerInfo): LetterValues {
  return {
    ...draftValues(c, s),
    tanggal_selesai: c.closedAt ? formatDay(c.closedAt) : '',
    nama_petugas: singleLine(officer.name),
    nip_petugas: singleLine(officer.nip),
  };
}

/** Replaces every known placeholder in a one-line text (multi-line values are flattened here). */
export function fillLine(text: string, values: LetterValues): string {
  return text.replace(/\{\{([a-z_]+)\}\}/g, (whole, key: string) => {
    const v = values[key as PlaceholderKey];
    return v === undefined ? whole : singleLine(v);
  });
}

/**
 * A layout with its values: a line that is only a multi-line placeholder becomes one line per paragraph of
 * the value (same style); other placeholders are replaced in place (in table cells too, on one line). Without
 * values the layout is returned as is.
 */
export function renderLayout(layout: readonly LayoutBlock[], values: LetterValues | null): LayoutBlock[] {
  if (values === null) return layout.map((b) => (isLayoutTable(b) ? b : { ...b }));
  const out: LayoutBlock[] = [];
  for (const line of layout) {
    if (isLayoutTable(line)) {
      out.push({
        ...line,
        rows: line.rows.map((r) => r.map((cell) => cell.map((p) => ({ ...p, text: fillLine(p.text, values) })))),
      });
      continue;
    }
    const alone = /^\{\{([a-z_]+)\}\}$/.exec(line.text.trim());
    const key = alone?.[1] as PlaceholderKey | undefined;
    if (key && MULTILINE_KEYS.includes(key) && values[key] !== undefined) {
      for (const p of paragraphsOf(values[key] ?? '')) out.push({ ...line, text: p });
    } else out.push({ ...line, text: fillLine(line.text, values) });
  }
  return out;
}

/**
 * Letter numbers already issued: the register's letter-number column and the letters register's number column
 * (which keeps voided letters). Never the free text of notes: a "Nomor 000.8/1234/…" typed in a follow-up note
 * is not a number this office issued.
 */
export function usedLetterNumbers(registerColumn: readonly string[], lettersColumn: readonly string[]): string[] {
  const used: string[] = [];
  for (const n of [...registerColumn, ...lettersColumn]) if (String(n).trim() !== '') used.push(String(n).trim());
  return used;
}

/** The next number of the year's gap-free sequence (call under the lock, then store it in the same lock). */
export function nextLetterNumber(used: readonly string[], s: LetterSettings, now: Date): string {
  const { year, month } = witaParts(now);
  const seq = nextSequence(used, s.letterPattern, year);
  return formatNumber(s.letterPattern, { year, seq, month, classCode: s.letterClassCode, unitCode: s.letterUnitCode });
}

/** The sequence of a letter number of `year`, or null (for tests and checks). */
export function letterSequence(value: string, s: LetterSettings, year: number): number | null {
  return parseSequence(s.letterPattern, value, year);
}

/** The folders a letter goes into under the letters folder: "2026" / "12 Desember". */
export function letterFolderNames(day: DayKey): { year: string; month: string } {
  const { year, month } = dayKeyParts(day);
  return { year: String(year), month: `${String(month).padStart(2, '0')} ${MONTH_NAMES[month - 1]}` };
}

/** A file name without characters Drive or mail clients treat specially. */
export function safeFileName(name: string): string {
  return singleLine(name)
    .replace(/[\\/:*?"<>|]+/g, '-')
    .slice(0, 150);
}
