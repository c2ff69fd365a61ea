// Who is calling the core: the claims of a Google identity token (every claim as a string, the form Google's
// tokeninfo endpoint also answers), checked against what this core trusts. The signature is checked first, against
// Google's public keys (gas/identityTokens.ts); the audience, issuer, verified email and expiry are checked here.

/** An ID token's claims, as strings. */
export interface TokenClaims {
  aud?: string;
  iss?: string;
  email?: string;
  email_verified?: string;
  exp?: string;
}

export type IdentityRefusal = 'invalid' | 'audience' | 'issuer' | 'unverified' | 'expired';

export type IdentityCheck = { ok: true; email: string; audience: string } | { ok: false; reason: IdentityRefusal };

/**
 * `claims` null: the token's signature is not Google's (or it is no token). `audience` is the shell's OAuth client id the core was connected to;
 * null accepts every audience (only while connecting, where the caller must also be the core's owner). `issuers`:
 * Google's (gas/identityTokens.ts).
 */
export function checkIdentity(
  claims: TokenClaims | null,
  expected: { audience: string | null; nowMs: number; issuers: readonly string[] },
): IdentityCheck {
  if (!claims || !claims.aud || !claims.email) return { ok: false, reason: 'invalid' };
  if (!expected.issuers.includes(claims.iss ?? '')) return { ok: false, reason: 'issuer' };
  if (expected.audience !== null && claims.aud !== expected.audience) return { ok: false, reason: 'audience' };
  if (claims.email_verified !== 'true') return { ok: false, reason: 'unverified' };
  const exp = Number(claims.exp);
  if (!Number.isFinite(exp) || exp * 1000 <= expected.nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, email: claims.email.trim().toLowerCase(), audience: claims.aud };
}
