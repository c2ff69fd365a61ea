// Runs the built bundle (build/Code.js) in a fresh node:vm context whose globals are only the
// emulated Apps Script services, as `clasp push` would ship it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** build/ of this repository (test/emulator/ is two levels below the root). */
export const DEFAULT_BUILD_DIR = fileURLToPath(new URL('../../build', import.meta.url));

export interface Bundle {
  context: vm.Context;
  /** Names of the functions the bundle declares at top level (what Apps Script can run by name). */
  entryPoints(): string[];
  /** Calls a top-level function of the bundle; throws if there is none of that name. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Runs source text inside the bundle's context (HtmlService templates use it). */
  run(code: string, filename?: string): unknown;
}

/**
 * Values created by the emulator come from the host realm, so inside the bundle `e instanceof Error`
 * or `values instanceof Array` would be false, unlike in Apps Script where services return the
 * script's own Errors and Arrays. This prelude lets those checks also accept host objects.
 */
const PRELUDE = `(function (hosts) {
  var base = Function.prototype[Symbol.hasInstance];
  [[Error, hosts.Error], [Array, hosts.Array], [Object, hosts.Object]].forEach(function (pair) {
    var Ctor = pair[0], Host = pair[1];
    Object.defineProperty(Ctor, Symbol.hasInstance, {
      configurable: true,
      value: function (v) { return base.call(this, v) || (this === Ctor && base.call(Host, v)); }
    });
  });
})`;

export function readBundleCode(buildDir: string = DEFAULT_BUILD_DIR): string {
  const path = join(buildDir, 'Code.js');
  if (!existsSync(path)) throw new Error(`No bundle at ${path}: run \`npm run build\` first.`);
  return readFileSync(path, 'utf8');
}

/** Creates a context holding exactly `globals`, runs `code` in it as a classic script, and wraps it. */
export function loadBundle(code: string, globals: Record<string, unknown>, filename = 'Code.js'): Bundle {
  const sandbox: Record<string, unknown> = { ...globals };
  const context = vm.createContext(sandbox, { name: 'Apps Script (emulated)' });
  (vm.runInContext(PRELUDE, context, { filename: 'prelude.js' }) as (hosts: object) => void)({ Error, Array, Object });
  vm.runInContext(code, context, { filename });
  const injected = new Set(Object.keys(globals));
  const entryPoints = (): string[] =>
    Object.getOwnPropertyNames(sandbox)
      .filter((name) => !injected.has(name) && typeof sandbox[name] === 'function')
      .sort();
  return {
    context,
    entryPoints,
    call<T = unknown>(name: string, ...args: unknown[]): T {
      const fn = sandbox[name];
      if (typeof fn !== 'function' || injected.has(name)) {
        throw new Error(
          `The bundle has no top-level function "${name}" (it has: ${entryPoints().join(', ') || 'none'})`,
        );
      }
      return (fn as (...a: unknown[]) => T)(...args);
    },
    run: (source, file = 'eval.js') => vm.runInContext(source, context, { filename: file }) as unknown,
  };
}

/** The OAuth scopes the manifest in `buildDir` grants, or null without a manifest. */
export function readManifestScopes(buildDir: string = DEFAULT_BUILD_DIR): string[] | null {
  const path = join(buildDir, 'appsscript.json');
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { oauthScopes?: string[] };
  return manifest.oauthScopes ?? null;
}
