// Tests for the emulated PropertiesService: string values, bulk operations, per-user stores and size limits.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createPropertiesService, STORE_FULL, VALUE_TOO_LARGE } from './properties';

function setup() {
  const ctx = new EmuContext();
  const { global: PropertiesService, control } = createPropertiesService(ctx);
  return { ctx, PropertiesService, control };
}

describe('PropertiesService', () => {
  it('stores strings and converts other values with String()', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    p.setProperty('counter', 12 as unknown as string).setProperty('flag', true as unknown as string);
    expect(p.getProperty('counter')).toBe('12');
    expect(p.getProperty('flag')).toBe('true');
    expect(p.getProperty('missing')).toBeNull();
    // A new Properties object sees the same store.
    expect(PropertiesService.getScriptProperties().getProperty('counter')).toBe('12');
  });

  it('supports setProperties (with deleteAllOthers), getKeys, delete', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' });
    expect(p.getKeys().sort()).toEqual(['a', 'b', 'c']);
    p.setProperties({ d: '4' }, true);
    expect(p.getProperties()).toEqual({ d: '4' });
    p.deleteProperty('d');
    p.setProperty('e', '5');
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  it('keeps user properties per user', () => {
    const { PropertiesService, ctx } = setup();
    PropertiesService.getUserProperties().setProperty('pref', 'x');
    ctx.users.active = 'other@example.com';
    expect(PropertiesService.getUserProperties().getProperty('pref')).toBeNull();
  });

  it('refuses a value over 9 KB and a store over 500 KB, leaving the store unchanged', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE);
    expect(p.getProperty('big')).toBeNull();
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, 'y'.repeat(9000)); // 56 × ~9 KB fits in 500 KB
    expect(() => p.setProperty('k56', 'y'.repeat(9000))).toThrow(STORE_FULL);
    expect(p.getKeys()).toHaveLength(56);
  });

  it('counts Properties calls as properties', () => {
    const { PropertiesService, ctx } = setup();
    PropertiesService.getScriptProperties().getProperty('a');
    expect(ctx.calls.counts()).toEqual({ 'Properties.getProperty': 1 });
  });
});
