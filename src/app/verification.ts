// The public letter verification (pure): given a letter's code, what anyone may see of a letter that was sent —
// number, date, signer's name and title, signature form, the SHA-256 of the PDF sent — and nothing about the
// complainant or the complaint. One neutral answer for unknown codes, letters not sent and malformed input.
import { formatDay } from '../domain/format';
import { normalizeCode, formatCode, type LetterRecord } from '../domain/signature';
import { SIGNATURE_FORM_LABELS } from '../messages/letters';
import { isThrottled, type ThrottlePort } from './status';

/** Built field by field from the record, never spread from it (the record also holds the registration number). */
export interface PublicLetter {
  code: string;
  letterNumber: string;
  letterDate: string;
  signerName: string;
  signerTitle: string;
  signatureForm: string;
  sentOn: string;
  sha256: string;
}

export interface VerifyDeps {
  findByCode: (code: string) => LetterRecord | null;
  throttle: ThrottlePort;
}

export type VerifyResult = { ok: true; letter: PublicLetter } | { ok: false; message: string };

export function publicLetter(r: LetterRecord): PublicLetter {
  return {
    code: formatCode(r.code),
    letterNumber: r.letterNumber,
    letterDate: r.letterDate === '' ? '' : formatDay(r.letterDate),
    signerName: r.signerName,
    signerTitle: r.signerTitle,
    signatureForm: SIGNATURE_FORM_LABELS[r.form],
    sentOn: r.sentAt ? formatDay(r.sentAt) : '',
    sha256: r.sha256,
  };
}

/** Throttled before anything is read, like the status page (its own counters, the same limits). */
export function verifyLetter(
  deps: VerifyDeps,
  rawCode: unknown,
  messages: { notFound: string; throttled: string },
): VerifyResult {
  const code = normalizeCode(rawCode);
  const key = code ?? '-';
  const counts = deps.throttle.counts(key);
  if (isThrottled(counts)) return { ok: false, message: messages.throttled };
  const record = code ? deps.findByCode(code) : null;
  // Only a letter that left the office is confirmed: a voided or unsent letter gets the same answer as a forgery.
  if (!record || record.state !== 'sent' || record.sha256 === '') {
    deps.throttle.recordFailure(key, counts);
    return { ok: false, message: messages.notFound };
  }
  return { ok: true, letter: publicLetter(record) };
}
