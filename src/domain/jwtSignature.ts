// The signature of a Google ID token, checked here against Google's published public keys, so the core need not ask
// Google's tokeninfo endpoint on every call: RS256 is RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3), whose check
// is s^e mod n compared with the padded digest (RFC 8017 §8.2.2, EMSA-PKCS1-v1_5 §9.2). Pure: the caller computes
// the SHA-256 digest of the signing input (Apps Script's Utilities.computeDigest).

/** One RSA public key as Google's JWK set publishes it (n, e base64url, big-endian). */
export interface RsaJwk {
  kid: string;
  n: string;
  e: string;
}

export interface JwtParts {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `header.payload`, as signed. */
  signingInput: string;
  signature: Uint8Array;
}

const B64URL = /^[A-Za-z0-9_-]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url (no padding) as bytes, or null for anything else. */
export function base64UrlBytes(text: string): Uint8Array | null {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** UTF-8 bytes as text, or null when they are not UTF-8. */
function utf8(bytes: Uint8Array): string | null {
  try {
    return decodeURIComponent(Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return null;
  }
}

function jsonObject(part: string): Record<string, unknown> | null {
  const bytes = base64UrlBytes(part);
  const text = bytes ? utf8(bytes) : null;
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A compact JWT's header, payload and signature, or null when it is not one. */
export function splitJwt(token: string): JwtParts | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const header = jsonObject(parts[0]);
  const payload = jsonObject(parts[1]);
  const signature = base64UrlBytes(parts[2]);
  if (!header || !payload || !signature) return null;
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature };
}

const hex = (bytes: ArrayLike<number>): string =>
  Array.from(bytes, (b) => (b & 0xff).toString(16).padStart(2, '0')).join('');

const big = (bytes: ArrayLike<number>): bigint => BigInt(`0x${hex(bytes) || '0'}`);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const zero = BigInt(0);
  const one = BigInt(1);
  let result = one;
  let b = base % modulus;
  let e = exponent;
  while (e > zero) {
    if ((e & one) === one) result = (result * b) % modulus;
    e >>= one;
    b = (b * b) % modulus;
  }
  return result;
}

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = '3031300d060960864801650304020105000420';

/**
 * True when `signature` is the RS256 signature, under `key`, of the message whose SHA-256 digest is `digest` (bytes,
 * signed or not, as Utilities.computeDigest returns them).
 */
export function verifyRs256(digest: ArrayLike<number>, signature: Uint8Array, key: RsaJwk): boolean {
  const nBytes = base64UrlBytes(key.n);
  const eBytes = base64UrlBytes(key.e);
  if (!nBytes || !eBytes || digest.length !== 32) return false;
  let first = 0;
  while (first < nBytes.length && nBytes[first] === 0) first += 1; // a leading zero byte is not part of the length
  const k = nBytes.length - first;
  const tail = SHA256_DIGEST_INFO.length / 2 + 32;
  if (k < tail + 11 || signature.length !== k) return false;
  const n = big(nBytes);
  const s = big(signature);
  if (s >= n) return false;
  const em = modPow(s, big(eBytes), n)
    .toString(16)
    .padStart(2 * k, '0');
  const expected = `0001${'ff'.repeat(k - tail - 3)}00${SHA256_DIGEST_INFO}${hex(digest)}`;
  return em === expected;
}
