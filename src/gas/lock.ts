// LockService's script lock as a LockPort: numbering and row writes happen inside it.
import { LockBusyError, type LockPort } from '../ports';
import { TEXT } from '../messages/ui';

const WAIT_MS = 30_000;

export class ScriptLock implements LockPort {
  /** `before` runs ahead of every locked section: a precondition that refuses before anything is written. */
  constructor(private readonly before: () => void = () => undefined) {}

  withLock<T>(fn: () => T): T {
    this.before();
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(WAIT_MS)) throw new LockBusyError(TEXT.lockBusy);
    try {
      return fn();
    } finally {
      SpreadsheetApp.flush(); // writes land before another execution may read
      lock.releaseLock();
    }
  }
}
