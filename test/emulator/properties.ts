// PropertiesService: script, document and per-user string stores with Apps Script's size limits.
import type { EmuContext } from './core/context';
import { expose } from './core/expose';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Exception: Argument too large: value'; // unverified wording
export const STORE_FULL =
  'Exception: You have exceeded the property storage quota. Please remove some properties and try again.';

type Store = Map<string, string>;

function storeBytes(store: Store): number {
  let n = 0;
  for (const [k, v] of store) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

class PropertiesImpl {
  constructor(private readonly _store: Store) {}

  private _check(next: Store): void {
    for (const v of next.values()) if (Buffer.byteLength(v) > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
    if (storeBytes(next) > MAX_STORE_BYTES) throw new Error(STORE_FULL);
  }
  private _commit(next: Store): void {
    this._check(next);
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    const next = new Map(this._store);
    next.set(String(key), String(value));
    this._commit(next);
    return this;
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false): this {
    const next: Store = deleteAllOthers ? new Map<string, string>() : new Map(this._store);
    for (const [k, v] of Object.entries(props)) next.set(k, String(v));
    this._commit(next);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  deleteProperty(key: string): this {
    this._store.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this._store.clear();
    return this;
  }
}

export class PropertiesControl {
  readonly scriptStore: Store = new Map();
  readonly documentStore: Store = new Map();
  readonly userStores = new Map<string, Store>();

  /** The user store of `email` (created empty on first use). */
  user(email: string): Store {
    let s = this.userStores.get(email);
    if (!s) {
      s = new Map();
      this.userStores.set(email, s);
    }
    return s;
  }

  clear(): void {
    this.scriptStore.clear();
    this.documentStore.clear();
    this.userStores.clear();
  }
}

export function createPropertiesService(ctx: EmuContext): {
  global: GoogleAppsScript.Properties.PropertiesService;
  control: PropertiesControl;
} {
  const control = new PropertiesControl();
  const wrap = (store: Store): GoogleAppsScript.Properties.Properties =>
    expose(ctx.calls, 'Properties', new PropertiesImpl(store), { default: 'properties' });
  const impl = {
    getScriptProperties: () => wrap(control.scriptStore),
    getDocumentProperties: () => wrap(control.documentStore),
    // User properties follow the user the script runs as.
    getUserProperties: () => wrap(control.user(ctx.users.active)),
  };
  const global = expose(ctx.calls, 'PropertiesService', impl, { default: 'local' });
  return { global: global, control };
}
