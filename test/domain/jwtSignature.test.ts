// The core checks a Google ID token's RS256 signature itself (against Google's published keys): a token signed by
// the key verifies; any changed byte of header, payload or signature, or another key, does not.
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64UrlBytes, splitJwt, verifyRs256, type RsaJwk } from '../../src/domain/jwtSignature';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { privateKey, jwk: { kid, n: jwk.n, e: jwk.e } };
}

const google = keyPair('k1');
const other = keyPair('k2');

function token(claims: Record<string, unknown>, key = google): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', kid: key.jwk.kid, typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key.privateKey);
  return `${head}.${body}.${b64url(sig)}`;
}

const digestOf = (input: string) =>
  [...createHash('sha256').update(input, 'ascii').digest()].map((b) => (b > 127 ? b - 256 : b));

function verifies(t: string, key: RsaJwk): boolean {
  const jwt = splitJwt(t);
  return jwt !== null && verifyRs256(digestOf(jwt.signingInput), jwt.signature, key);
}

describe('RS256 signature of an ID token', () => {
  const claims = {
    iss: 'https://accounts.google.com',
    aud: 'shell',
    email: 'sekretaris@example.com',
    exp: 1_900_000_000,
    name: 'Ni Luh Ayu',
  };

  it('verifies a token signed by the key, and reads its claims (UTF-8 included)', () => {
    const t = token({ ...claims, name: 'Ni Luh Ayu — Sekretariat' });
    expect(verifies(t, google.jwk)).toBe(true);
    expect(splitJwt(t)?.payload.name).toBe('Ni Luh Ayu — Sekretariat');
  });

  it('refuses a changed payload, a changed signature, another key, and what is no JWT', () => {
    const t = token(claims);
    const [h, , s] = t.split('.');
    const forgedBody = b64url(JSON.stringify({ ...claims, email: 'kadis@example.com' }));
    expect(verifies(`${h}.${forgedBody}.${s}`, google.jwk)).toBe(false);
    const sig = Buffer.from(s, 'base64url');
    sig[sig.length - 1] ^= 1;
    expect(verifies(`${h}.${t.split('.')[1]}.${b64url(sig)}`, google.jwk)).toBe(false);
    expect(verifies(token(claims, other), google.jwk)).toBe(false);
    expect(verifies(`${h}.${t.split('.')[1]}.c2lnbmF0dXJl`, google.jwk)).toBe(false);
    expect(splitJwt('abc.def')).toBeNull();
    expect(base64UrlBytes('a+b/')).toBeNull();
  });
});
