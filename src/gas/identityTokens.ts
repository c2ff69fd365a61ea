// Google's ID tokens, verified in the core: the signature against Google's published public keys (JWK set, kept in
// the core's script cache for an hour and fetched again for a key it does not hold, as after Google rotates its
// keys), then the claims, which domain/identity.ts checks (issuer, audience, verified email, expiry). Checking the
// signature here spares a call to Google's tokeninfo endpoint on every sidebar call (README, Costs).
import type { TokenClaims } from '../domain/identity';
import { splitJwt, verifyRs256, type RsaJwk } from '../domain/jwtSignature';

const CERTS = 'https://www.googleapis.com/oauth2/v3/certs';
/** The script cache's copy of Google's keys (public keys: nothing secret is kept). */
export const CERTS_CACHE_KEY = 'dumas.googleCerts';
/** An hour: Google rotates its signing keys every few days and publishes the next one beforehand. */
const CERTS_CACHE_S = 3600;

/** The issuers of Google's ID tokens (both spellings occur). */
export const GOOGLE_ISSUERS: readonly string[] = ['accounts.google.com', 'https://accounts.google.com'];

function parseKeys(text: string | null): RsaJwk[] | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as { keys?: unknown };
    if (!Array.isArray(parsed.keys)) return null;
    return parsed.keys.flatMap((k: unknown) => {
      const key = k as Record<string, unknown>;
      return typeof key.kid === 'string' && typeof key.n === 'string' && typeof key.e === 'string'
        ? [{ kid: key.kid, n: key.n, e: key.e }]
        : [];
    });
  } catch {
    return null;
  }
}

/** Google's key `kid`: from the cache, else from Google (once per call); null when Google does not publish it. */
function googleKey(kid: string): RsaJwk | null {
  const cache = CacheService.getScriptCache();
  const cached = parseKeys(cache.get(CERTS_CACHE_KEY))?.find((k) => k.kid === kid);
  if (cached) return cached;
  const reply = UrlFetchApp.fetch(CERTS, { muteHttpExceptions: true });
  if (reply.getResponseCode() !== 200) return null;
  const keys = parseKeys(reply.getContentText());
  if (!keys || keys.length === 0) return null;
  cache.put(CERTS_CACHE_KEY, JSON.stringify({ keys }), CERTS_CACHE_S);
  return keys.find((k) => k.kid === kid) ?? null;
}

/** The token's claims (as strings, the form domain/identity.ts reads) when Google signed it, else null. */
export function tokenClaims(idToken: string): TokenClaims | null {
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(idToken)) return null; // not a JWT: no call spent on it
  const jwt = splitJwt(idToken);
  if (!jwt || jwt.header.alg !== 'RS256' || typeof jwt.header.kid !== 'string') return null;
  const key = googleKey(jwt.header.kid);
  if (!key) return null;
  const digest = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    jwt.signingInput,
    Utilities.Charset.US_ASCII,
  );
  if (!verifyRs256(digest, jwt.signature, key)) return null;
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(jwt.payload))
    if (['string', 'number', 'boolean'].includes(typeof value)) claims[name] = String(value);
  return claims;
}
