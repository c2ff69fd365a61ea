// LockService: script/document/user locks in a single-threaded emulator, where the harness plays the other execution.
import type { EmuContext } from './core/context';
import { expose } from './core/expose';

export const LOCK_TIMEOUT = 'Exception: Lock timeout: another process was holding the lock for too long.';
export type LockScope = 'script' | 'document' | 'user';

/** The running execution, as a holder. */
const THIS_EXECUTION = Symbol('this execution');

interface LockState {
  /** This execution (through any of its Lock objects), or the name of another execution. */
  holder: typeof THIS_EXECUTION | string | null;
}

class LockImpl {
  constructor(
    private readonly _ctx: EmuContext,
    private readonly _control: LockControl,
    private readonly _state: LockState,
  ) {}

  private _acquire(timeoutMs: number): boolean {
    const wait = Math.max(0, Number(timeoutMs) || 0);
    if (this._control._consumeFailure() || typeof this._state.holder === 'string') {
      this._ctx.clock.advance(wait); // the execution waited the whole timeout in vain
      return false;
    }
    // Every get*Lock() of one execution stands for the same lock, held by the execution: a second Lock object
    // neither waits for nor takes the lock from the first (unverified: Google's reference says the lock "prevents
    // any user from concurrently running a section of code"; one execution is never concurrent with itself).
    this._state.holder = THIS_EXECUTION;
    return true;
  }

  tryLock(timeoutMs: number): boolean {
    return this._acquire(timeoutMs);
  }
  waitLock(timeoutMs: number): void {
    if (!this._acquire(timeoutMs)) throw new Error(LOCK_TIMEOUT);
  }
  releaseLock(): void {
    if (this._state.holder === THIS_EXECUTION) this._state.holder = null;
  }
  hasLock(): boolean {
    return this._state.holder === THIS_EXECUTION;
  }
}

export class LockControl {
  private states: Record<LockScope, LockState> = {
    script: { holder: null },
    document: { holder: null },
    user: { holder: null },
  };
  private failures = 0;

  /** Makes another execution hold the lock until `release()`. */
  holdBy(who = 'other', scope: LockScope = 'script'): void {
    this.states[scope].holder = who;
  }
  /** Frees the lock whoever holds it (the other execution ends, or this one does). */
  release(scope: LockScope = 'script'): void {
    this.states[scope].holder = null;
  }
  /** Frees every lock: Apps Script releases locks when an execution ends. */
  releaseAll(): void {
    for (const s of Object.values(this.states)) s.holder = null;
  }
  /** The next `n` acquisitions time out. */
  failNext(n: number): void {
    this.failures = n;
  }
  holder(scope: LockScope = 'script'): string | null {
    const h = this.states[scope].holder;
    return h === null ? null : h === THIS_EXECUTION ? 'this-execution' : h;
  }
  _consumeFailure(): boolean {
    if (this.failures <= 0) return false;
    this.failures -= 1;
    return true;
  }
  _state(scope: LockScope): LockState {
    return this.states[scope];
  }
}

export function createLockService(ctx: EmuContext): {
  global: GoogleAppsScript.Lock.LockService;
  control: LockControl;
} {
  const control = new LockControl();
  // Each get*Lock() call returns a new Lock object on the same underlying lock, as in Apps Script.
  const wrap = (scope: LockScope): GoogleAppsScript.Lock.Lock =>
    expose(ctx.calls, 'Lock', new LockImpl(ctx, control, control._state(scope)), { default: 'lock' });
  const impl = {
    getScriptLock: () => wrap('script'),
    // Reference: getDocumentLock() returns null "if called from outside the context of a containing document
    // (such as from a standalone script or webapp)".
    getDocumentLock: () => (ctx.execution.webApp ? null : wrap('document')),
    getUserLock: () => wrap('user'),
  };
  const global = expose(ctx.calls, 'LockService', impl, { default: 'local' });
  return { global: global as unknown as GoogleAppsScript.Lock.LockService, control };
}
