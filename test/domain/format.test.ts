// Indonesian dates and durations.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatDayLong, formatTime, formatWorkingDays } from '../../src/domain/format';
import { instantAt } from '../../src/domain/time';

describe('format', () => {
  it('writes days in Indonesian', () => {
    expect(formatDay('2026-11-30')).toBe('30 November 2026');
    expect(formatDayLong('2026-11-30')).toBe('Senin, 30 November 2026');
    expect(formatDayLong('2026-03-20')).toBe('Jumat, 20 Maret 2026');
    expect(formatDay('2027-01-01')).toBe('1 Januari 2027');
    expect(formatDayLong('2026-08-16')).toBe('Minggu, 16 Agustus 2026');
  });
  it('writes times in WITA with a dot', () => {
    expect(formatDateTime(instantAt('2026-11-30', 14, 5))).toBe('30 November 2026 pukul 14.05 WITA');
    expect(formatDateTime(new Date('2026-11-30T06:05:00Z'))).toBe('30 November 2026 pukul 14.05 WITA');
    expect(formatTime(new Date('2026-11-30T16:00:00Z'))).toBe('00.00 WITA');
  });
  it('takes the WITA day of an instant', () => {
    expect(formatDay(new Date('2026-11-30T16:30:00Z'))).toBe('1 Desember 2026');
    expect(formatDayLong(new Date('2026-05-31T16:30:00Z'))).toBe('Senin, 1 Juni 2026');
  });
  it('counts working days', () => {
    expect(formatWorkingDays(3)).toBe('3 hari kerja');
    expect(formatWorkingDays(0)).toBe('0 hari kerja');
  });
});
