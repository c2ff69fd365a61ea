// How a reply letter is signed and how anyone can check it: the signing mode the Kepala Dinas chose, the form of
// signature a letter carries, the rule that no letter leaves without it, and the letter's verification code.
import { ACCESS_CODE_ALPHABET } from './numbering';
import type { DayKey } from './time';
import { SIGNING_MARK_WORDS } from './vocabulary';

/**
 * `scan`: a signed scan or an electronically signed PDF (e.g. a certified TTE made outside Dumas) is uploaded
 * after approval. `mark`: an approval mark is printed on the letter at approval (not a certified signature).
 */
export type SigningMode = 'scan' | 'mark';
export const DEFAULT_SIGNING_MODE: SigningMode = 'scan';

/** What the final PDF on file carries. */
export type SignatureForm = 'none' | 'mark' | 'scan';

/** Where a letter's signing sequence stands: numbered (not finished), approved, voided (returned), sent. */
export type LetterState = 'incomplete' | 'approved' | 'voided' | 'sent';

/** One issued letter number: the letters register row (never deleted, so a number is never issued twice). */
export interface LetterRecord {
  letterNumber: string;
  /** '' while unknown. */
  letterDate: DayKey;
  regNumber: string;
  code: string;
  signerName: string;
  signerTitle: string;
  form: SignatureForm;
  state: LetterState;
  /** SHA-256 (hex, lower case) of the PDF that was sent; '' until delivery. */
  sha256: string;
  sentAt: Date | null;
  method: string;
}

/** Reads the setting as typed: "pindaian" (default) or "tanda persetujuan"; anything else is the stricter default. */
export function parseSigningMode(raw: unknown): SigningMode {
  const s = (typeof raw === 'string' ? raw : '').trim().toLowerCase();
  return SIGNING_MARK_WORDS.test(s) ? 'mark' : DEFAULT_SIGNING_MODE;
}

export type SignatureProblem = 'incomplete' | 'needsScan' | 'noMark';

/**
 * Why a letter may not be delivered yet, or null. In scan mode only an uploaded signed PDF will do; in mark mode the
 * printed approval mark will do, and so does an uploaded signed PDF (a real signature is never weaker than the mark).
 */
export function signatureProblem(mode: SigningMode, record: LetterRecord | null): SignatureProblem | null {
  if (!record || record.state !== 'approved') return 'incomplete';
  if (record.form === 'scan') return null;
  if (mode === 'scan') return 'needsScan';
  return record.form === 'mark' ? null : 'noMark';
}

export const VERIFICATION_CODE_LENGTH = 10;

/**
 * The letter's verification code from a keyed signature of its number (base64url text): the same number always
 * gives the same code (a resumed signing prints the same one), and nobody without the key can derive another's.
 * 31^10 ≈ 8·10^14 codes, read aloud and typed from paper (no 0/O, 1/I/L).
 */
export function verificationCode(signature: string): string {
  let code = '';
  for (let i = 0; code.length < VERIFICATION_CODE_LENGTH; i++) {
    const ch = signature.charCodeAt(i % signature.length) + i * 7;
    code += ACCESS_CODE_ALPHABET[ch % ACCESS_CODE_ALPHABET.length];
  }
  return code;
}

/** The message the verification code signs. */
export function verificationMessage(letterNumber: string): string {
  return `surat-jawaban|${letterNumber}`;
}

/** "ABCDE-FGHJK": grouped for reading. */
export function formatCode(code: string): string {
  return code.length === VERIFICATION_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** A code as a visitor types it (lower case, spaces, dashes) → its canonical form, or null when it cannot be one. */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const ch of s) if (!ACCESS_CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** A SHA-256 as typed or pasted (any case, spaces, colons) → 64 lower-case hex digits, or null. */
export function normalizeSha256(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 200) return null;
  const s = input.toLowerCase().replace(/[\s:]/g, '');
  return /^[0-9a-f]{64}$/.test(s) ? s : null;
}

/** Hex of digest bytes (Apps Script gives signed bytes -128…127). */
export function hexOf(bytes: readonly number[]): string {
  return bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
}

/** The public page's link for a code: the web app's URL with `?halaman=verifikasi&kode=…`. */
export function verificationUrl(webAppUrl: string, code: string): string {
  const base = webAppUrl.trim();
  if (base === '') return '';
  return `${base}${base.includes('?') ? '&' : '?'}halaman=verifikasi&kode=${code}`;
}
