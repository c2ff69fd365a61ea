// Wraps an emulated object so that every method call is counted and priced, chained
// builders keep returning the wrapper, and any method we did not emulate throws
// `not emulated: Service.method` instead of quietly returning undefined.
import type { CallKind, CallLog } from './calls';

export type KindMap = Record<string, CallKind> & { default?: CallKind };

/** Properties the JS runtime itself probes on objects; answering them must not throw. */
const PROBED = new Set<PropertyKey>([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
]);

/** A check run before every call of a CallLog's services (the execution time limit uses it). */
const guards = new WeakMap<CallLog, () => void>();
export function guardCalls(calls: CallLog, guard: () => void): void {
  guards.set(calls, guard);
}

export function notEmulated(name: string): never {
  throw new Error(`not emulated: ${name}`);
}

export function expose<T extends object>(calls: CallLog, service: string, target: T, kinds: KindMap = {}): T {
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || PROBED.has(prop)) return Reflect.get(obj, prop, receiver);
      if (prop.startsWith('_')) return Reflect.get(obj, prop, receiver); // emulator internals
      const value: unknown = Reflect.get(obj, prop, obj);
      if (value === undefined) {
        return () => notEmulated(`${service}.${prop}`);
      }
      if (typeof value !== 'function') return value;
      const kind: CallKind = kinds[prop] ?? kinds.default ?? 'local';
      return (...args: unknown[]) => {
        guards.get(calls)?.();
        const record = calls.begin(`${service}.${prop}`, kind);
        try {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
          return result === obj ? proxy : result;
        } finally {
          calls.end(record);
        }
      };
    },
  });
  return proxy;
}
