// Tests for the emulated Logger and console: recorded lines and levels.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createLogger } from './logger';

describe('Logger and console', () => {
  it('records Logger.log with %s formatting, getLog and clear', () => {
    const ctx = new EmuContext();
    const { global, control } = createLogger(ctx);
    global.Logger.log('Nomor %s untuk %s', 'DUMAS-001', 'Wayan').log({ a: 1 });
    expect(global.Logger.getLog()).toBe('Nomor DUMAS-001 untuk Wayan\n{"a":1}');
    global.Logger.clear();
    expect(global.Logger.getLog()).toBe('');
    expect(control.lines.map((l) => [l.level, l.message])).toEqual([
      ['logger', 'Nomor DUMAS-001 untuk Wayan'],
      ['logger', '{"a":1}'],
    ]);
  });

  it('records console levels with the simulated time', () => {
    const ctx = new EmuContext({ now: '2026-01-05T09:00:00+08:00' });
    const { global, control } = createLogger(ctx);
    global.console.log('a', 1);
    global.console.info('b');
    global.console.warn('c');
    global.console.error('d', new Error('boom'));
    expect(control.lines.map((l) => l.level)).toEqual(['log', 'info', 'warn', 'error']);
    expect(control.lines[0]).toEqual({ level: 'log', message: 'a 1', at: '2026-01-05T01:00:00.000Z' });
    expect(control.lines[3].message).toContain('boom');
    control.clear();
    expect(control.lines).toHaveLength(0);
  });
});
