// Tests for the emulated LockService: acquisition, contention played by the harness, timeouts on the clock.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createLockService, LOCK_TIMEOUT } from './lock';

function setup() {
  const ctx = new EmuContext();
  const { global: LockService, control } = createLockService(ctx);
  return { ctx, LockService, control };
}

describe('LockService', () => {
  it('acquires and releases the script lock', () => {
    const { LockService } = setup();
    const lock = LockService.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('tryLock returns false and waitLock throws while another execution holds it; waiting costs the timeout', () => {
    const { LockService, control, ctx } = setup();
    control.holdBy('other');
    const lock = LockService.getScriptLock();
    const t0 = ctx.clock.now();
    expect(lock.tryLock(5000)).toBe(false);
    expect(ctx.clock.now() - t0).toBe(5000);
    expect(() => lock.waitLock(30000)).toThrow(LOCK_TIMEOUT);
    expect(ctx.clock.now() - t0).toBe(35000);
    control.release();
    expect(lock.tryLock(0)).toBe(true);
  });

  it('failNext(n) makes the next n acquisitions time out', () => {
    const { LockService, control } = setup();
    control.failNext(2);
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(100)).toBe(false);
    expect(() => lock.waitLock(100)).toThrow(LOCK_TIMEOUT);
    expect(lock.tryLock(100)).toBe(true);
  });

  it('keeps scopes separate and releases everything at the end of an execution', () => {
    const { LockService, control } = setup();
    control.holdBy('other', 'user');
    expect(LockService.getDocumentLock().tryLock(10)).toBe(true);
    expect(LockService.getUserLock().tryLock(10)).toBe(false);
    expect(control.holder('document')).toBe('this-execution');
    control.releaseAll();
    expect(control.holder('document')).toBeNull();
  });

  it('counts lock calls as lock', () => {
    const { LockService, ctx } = setup();
    LockService.getScriptLock().tryLock(10);
    expect(ctx.calls.all().find((r) => r.name === 'Lock.tryLock')?.kind).toBe('lock');
  });
});
