// WITA wall-clock helpers: day keys, instants, parsing, ISO output.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDayKeys,
  dayKeyOf,
  endOfDay,
  instantAt,
  parseDayKey,
  toIsoWita,
  weekdayOf,
  witaParts,
} from '../../src/domain/time';

describe('time (WITA = UTC+8)', () => {
  it('maps instants to the WITA day, not the host day', () => {
    expect(dayKeyOf(new Date('2026-03-17T15:59:59.999Z'))).toBe('2026-03-17');
    expect(dayKeyOf(new Date('2026-03-17T16:00:00.000Z'))).toBe('2026-03-18');
    expect(dayKeyOf(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('builds instants from WITA wall time', () => {
    expect(instantAt('2026-03-17', 10).toISOString()).toBe('2026-03-17T02:00:00.000Z');
    expect(instantAt('2026-03-17').toISOString()).toBe('2026-03-16T16:00:00.000Z');
    expect(instantAt('2026-11-30', 14, 5, 6, 7).toISOString()).toBe('2026-11-30T06:05:06.007Z');
    expect(endOfDay('2026-03-31').toISOString()).toBe('2026-03-31T15:59:59.999Z');
  });

  it('splits an instant into WITA parts', () => {
    expect(witaParts(new Date('2026-11-29T22:05:09Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 30,
      hour: 6,
      minute: 5,
      second: 9,
      weekday: 1,
    });
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekdayOf('2026-03-17')).toBe(2);
    expect(weekdayOf('2026-11-07')).toBe(6);
    expect(weekdayOf('2026-05-31')).toBe(0);
  });

  it('parses day keys strictly', () => {
    expect(parseDayKey('2026-02-28')).toBe('2026-02-28');
    expect(parseDayKey('2028-02-29')).toBe('2028-02-29');
    for (const bad of [
      '2026-02-29',
      '2026-2-3',
      ' 2026-02-03',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '26-01-01',
      '2026/01/01',
      '',
      'x',
    ]) {
      expect(parseDayKey(bad), bad).toBeNull();
    }
  });

  it('compares day keys', () => {
    expect(compareDayKeys('2026-03-09', '2026-03-10')).toBe(-1);
    expect(compareDayKeys('2026-10-01', '2026-09-30')).toBe(1);
    expect(compareDayKeys('2026-10-01', '2026-10-01')).toBe(0);
  });

  it('writes ISO 8601 with the +08:00 offset', () => {
    expect(toIsoWita(new Date('2026-11-30T06:05:00Z'))).toBe('2026-11-30T14:05:00+08:00');
    expect(toIsoWita(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01T00:00:00+08:00');
  });
});
