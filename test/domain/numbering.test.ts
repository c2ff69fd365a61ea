// Registration, agenda and letter numbers, and the access code.
import { describe, expect, it } from 'vitest';
import {
  ACCESS_CODE_ALPHABET,
  DEFAULT_AGENDA_PATTERN,
  DEFAULT_LETTER_PATTERN,
  DEFAULT_REG_PATTERN,
  formatNumber,
  newAccessCode,
  nextSequence,
  parseSequence,
} from '../../src/domain/numbering';

describe('formatNumber', () => {
  it('fills the default patterns', () => {
    expect(formatNumber(DEFAULT_REG_PATTERN, { year: 2026, seq: 7 })).toBe('DUMAS-2026-0007');
    expect(formatNumber(DEFAULT_REG_PATTERN, { year: 2026, seq: 12345 })).toBe('DUMAS-2026-12345');
    expect(formatNumber(DEFAULT_LETTER_PATTERN, { year: 2026, seq: 15 })).toBe('000.8.3.3/15/Diskopumkm/2026');
    expect(formatNumber(DEFAULT_LETTER_PATTERN, { year: 2027, seq: 3, classCode: '400.14', unitCode: 'UMKM' })).toBe(
      '400.14/3/UMKM/2027',
    );
    expect(formatNumber(DEFAULT_AGENDA_PATTERN, { year: 2026, seq: 42 })).toBe('SM-2026-0042');
  });
  it('supports month tokens', () => {
    expect(formatNumber('{seq}/{romanMonth}/{year}', { year: 2026, seq: 5, month: 11 })).toBe('5/XI/2026');
    expect(formatNumber('{year}{month}-{seq:3}', { year: 2026, seq: 5, month: 3 })).toBe('202603-005');
  });
  it('refuses a non-positive sequence', () => {
    expect(() => formatNumber(DEFAULT_REG_PATTERN, { year: 2026, seq: 0 })).toThrow();
  });
});

describe('parseSequence and nextSequence', () => {
  it('reads the sequence back for the same year only', () => {
    expect(parseSequence(DEFAULT_REG_PATTERN, 'DUMAS-2026-0042', 2026)).toBe(42);
    expect(parseSequence(DEFAULT_REG_PATTERN, 'DUMAS-2025-0042', 2026)).toBeNull();
    expect(parseSequence(DEFAULT_REG_PATTERN, 'DUMAS-2026-00x2', 2026)).toBeNull();
    expect(parseSequence(DEFAULT_REG_PATTERN, ' DUMAS-2026-0009 ', 2026)).toBe(9);
  });
  it('reads letter numbers whatever the class and unit codes were', () => {
    expect(parseSequence(DEFAULT_LETTER_PATTERN, '000.8.3.3/15/Diskopumkm/2026', 2026)).toBe(15);
    expect(parseSequence(DEFAULT_LETTER_PATTERN, '400.1/16/OR/2026', 2026)).toBe(16);
    expect(parseSequence(DEFAULT_LETTER_PATTERN, '000.8.3.3/15/Diskopumkm/2025', 2026)).toBeNull();
  });
  it('treats pattern punctuation literally', () => {
    expect(parseSequence('A+B({seq})', 'A+B(12)', 2026)).toBe(12);
    expect(parseSequence('A+B({seq})', 'AAB(12)', 2026)).toBeNull();
  });
  it('issues max + 1, starting at 1 each year', () => {
    const existing = ['DUMAS-2026-0001', 'DUMAS-2026-0003', 'DUMAS-2025-0099', 'catatan', ''];
    expect(nextSequence(existing, DEFAULT_REG_PATTERN, 2026)).toBe(4);
    expect(nextSequence(existing, DEFAULT_REG_PATTERN, 2027)).toBe(1);
    expect(nextSequence([], DEFAULT_LETTER_PATTERN, 2026)).toBe(1);
  });
  it('round-trips every number it formats', () => {
    for (const seq of [1, 9, 10, 99, 1000, 10000]) {
      const value = formatNumber(DEFAULT_LETTER_PATTERN, { year: 2026, seq });
      expect(parseSequence(DEFAULT_LETTER_PATTERN, value, 2026)).toBe(seq);
    }
  });
});

describe('newAccessCode', () => {
  it('is 6 characters from the unambiguous alphabet', () => {
    let state = 12345;
    const seeded = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let i = 0; i < 200; i++) {
      const code = newAccessCode(seeded);
      expect(code).toMatch(/^[A-Z2-9]{6}$/);
      for (const ch of code) expect(ACCESS_CODE_ALPHABET).toContain(ch);
    }
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(ACCESS_CODE_ALPHABET).not.toContain(ambiguous);
  });
  it('maps the ends of [0, 1) to the ends of the alphabet', () => {
    expect(newAccessCode(() => 0)).toBe('AAAAAA');
    expect(newAccessCode(() => 0.999999)).toBe('999999');
  });
});
