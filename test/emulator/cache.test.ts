// Tests for the emulated CacheService: expiry on the simulated clock, bulk calls, limits, eviction.
import { describe, expect, it } from 'vitest';
import { createCacheService } from './cache';
import { EmuContext } from './core/context';

function setup() {
  const ctx = new EmuContext();
  const { global: CacheService, control } = createCacheService(ctx);
  return { ctx, CacheService, control };
}

describe('CacheService', () => {
  it('expires entries after 600 s by default, following the simulated clock', () => {
    const { CacheService, ctx } = setup();
    const c = CacheService.getScriptCache();
    c.put('k', 'v');
    ctx.clock.advance(599_000);
    expect(c.get('k')).toBe('v');
    ctx.clock.advance(1_000);
    expect(c.get('k')).toBeNull();
  });

  it('caps expiry at 6 hours and honours shorter ones', () => {
    const { CacheService, ctx } = setup();
    const c = CacheService.getScriptCache();
    c.put('short', '1', 5);
    c.put('long', '2', 999_999);
    ctx.clock.advance(6_000);
    expect(c.get('short')).toBeNull();
    ctx.clock.advance(21_600_000 - 6_000 - 1);
    expect(c.get('long')).toBe('2');
    ctx.clock.advance(1);
    expect(c.get('long')).toBeNull();
  });

  it('supports putAll, getAll, remove and removeAll', () => {
    const { CacheService } = setup();
    const c = CacheService.getUserCache();
    c.putAll({ a: '1', b: '2', c: '3' });
    expect(c.getAll(['a', 'b', 'x'])).toEqual({ a: '1', b: '2' });
    c.remove('a');
    c.removeAll(['b']);
    expect(c.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('refuses a value over 100 KB', () => {
    const { CacheService } = setup();
    expect(() => CacheService.getScriptCache().put('k', 'x'.repeat(100 * 1024 + 1))).toThrow(/Argument too large/);
  });

  it('separates script, document and user caches, and can lose entries early', () => {
    const { CacheService, control } = setup();
    CacheService.getScriptCache().put('k', 's');
    CacheService.getDocumentCache()?.put('k', 'd');
    expect(CacheService.getUserCache().get('k')).toBeNull();
    expect(CacheService.getDocumentCache()?.get('k')).toBe('d');
    control.evict('k');
    expect(CacheService.getScriptCache().get('k')).toBeNull();
  });
});
