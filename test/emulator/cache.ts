// CacheService: best-effort string caches whose entries expire on the simulated clock.
import type { EmuContext } from './core/context';
import { expose } from './core/expose';

export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_KEY_LENGTH = 250;
export const DEFAULT_TTL_SECONDS = 600;
export const MAX_TTL_SECONDS = 21600;

interface Entry {
  value: string;
  expires: number;
}
type Bucket = Map<string, Entry>;

class CacheImpl {
  constructor(
    private readonly _ctx: EmuContext,
    private readonly _bucket: Bucket,
  ) {}

  private _live(key: string): Entry | undefined {
    const e = this._bucket.get(key);
    if (e && e.expires <= this._ctx.clock.now()) {
      this._bucket.delete(key);
      return undefined;
    }
    return e;
  }
  private _put(key: string, value: unknown, seconds: number): void {
    const k = String(key);
    const v = String(value);
    if (k.length > MAX_CACHE_KEY_LENGTH) throw new Error('Exception: Argument too large: key'); // unverified wording
    if (Buffer.byteLength(v) > MAX_CACHE_VALUE_BYTES) throw new Error('Exception: Argument too large: value'); // unverified wording
    // Longer expirations are capped at 6 hours (unverified: Google documents the cap, not what happens above it).
    const ttl = Math.min(Math.max(1, seconds), MAX_TTL_SECONDS);
    this._bucket.set(k, { value: v, expires: this._ctx.clock.now() + ttl * 1000 });
  }

  get(key: string): string | null {
    return this._live(String(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._live(String(k));
      if (e) out[k] = e.value;
    }
    return out;
  }
  put(key: string, value: unknown, seconds: number = DEFAULT_TTL_SECONDS): void {
    this._put(key, value, seconds);
  }
  putAll(values: Record<string, unknown>, seconds: number = DEFAULT_TTL_SECONDS): void {
    for (const [k, v] of Object.entries(values)) this._put(k, v, seconds);
  }
  remove(key: string): void {
    this._bucket.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this._bucket.delete(String(k));
  }
}

export class CacheControl {
  readonly script: Bucket = new Map();
  readonly document: Bucket = new Map();
  readonly users = new Map<string, Bucket>();

  user(email: string): Bucket {
    let b = this.users.get(email);
    if (!b) {
      b = new Map();
      this.users.set(email, b);
    }
    return b;
  }

  /** Caches are best effort: Google may drop any entry early. Drops one key, or everything. */
  evict(key?: string): void {
    for (const b of [this.script, this.document, ...this.users.values()]) {
      if (key === undefined) b.clear();
      else b.delete(key);
    }
  }
}

export function createCacheService(ctx: EmuContext): {
  global: GoogleAppsScript.Cache.CacheService;
  control: CacheControl;
} {
  const control = new CacheControl();
  const wrap = (b: Bucket): GoogleAppsScript.Cache.Cache =>
    expose(ctx.calls, 'Cache', new CacheImpl(ctx, b), { default: 'cache' });
  const impl = {
    getScriptCache: () => wrap(control.script),
    getDocumentCache: () => wrap(control.document),
    getUserCache: () => wrap(control.user(ctx.users.active)),
  };
  return { global: expose(ctx.calls, 'CacheService', impl, { default: 'local' }), control };
}
