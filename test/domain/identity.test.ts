import { describe, expect, it } from 'vitest';
import { checkIdentity, type TokenClaims } from '../../src/domain/identity';

const NOW = Date.parse('2026-12-01T01:00:00Z');
const GOOD: TokenClaims = {
  aud: 'shell-client.apps.googleusercontent.com',
  iss: 'https://accounts.google.com',
  email: 'Kadis@DiskopUMKM.example.go.id',
  email_verified: 'true',
  exp: String(NOW / 1000 + 600),
};
const issuers = ['accounts.google.com', 'https://accounts.google.com'];
const expected = { audience: GOOD.aud ?? '', nowMs: NOW, issuers };

describe('the identity token the shell sends', () => {
  it('names a verified, lower-cased email when every claim holds', () => {
    expect(checkIdentity(GOOD, expected)).toEqual({
      ok: true,
      email: 'kadis@diskopumkm.example.go.id',
      audience: GOOD.aud,
    });
    expect(checkIdentity({ ...GOOD, iss: 'accounts.google.com' }, expected).ok).toBe(true);
  });

  it('refuses what Google refused, another audience, another issuer, an unverified email, an expired token', () => {
    expect(checkIdentity(null, expected)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkIdentity({ ...GOOD, email: undefined }, expected)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkIdentity({ ...GOOD, aud: 'my-own-project.apps.googleusercontent.com' }, expected)).toEqual({
      ok: false,
      reason: 'audience',
    });
    expect(checkIdentity({ ...GOOD, iss: 'https://evil.example.com' }, expected)).toEqual({
      ok: false,
      reason: 'issuer',
    });
    expect(checkIdentity({ ...GOOD, email_verified: 'false' }, expected)).toEqual({ ok: false, reason: 'unverified' });
    expect(checkIdentity({ ...GOOD, exp: String(NOW / 1000) }, expected)).toEqual({ ok: false, reason: 'expired' });
    expect(checkIdentity({ ...GOOD, exp: 'soon' }, expected)).toEqual({ ok: false, reason: 'expired' });
  });

  it('takes any audience only while connecting (the caller must then be the core owner, checked by the core)', () => {
    expect(checkIdentity({ ...GOOD, aud: 'new-shell' }, { audience: null, nowMs: NOW, issuers })).toMatchObject({
      ok: true,
      audience: 'new-shell',
    });
  });
});
