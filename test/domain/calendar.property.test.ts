// Properties of deadlines over random receipt times, and independence from the host time zone.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import { effectiveReceiptDay, normalDeadline, specialDeadline } from '../../src/domain/deadline';
import { formatDateTime } from '../../src/domain/format';
import { addDays, dayKeyOf, instantAt, toIsoWita } from '../../src/domain/time';

const cal = new WorkingCalendar(DEFAULT_HOLIDAYS);
const FROM = Date.parse('2026-01-01T00:00:00+08:00');
const TO = Date.parse('2027-11-30T00:00:00+08:00');
const instant = fc.integer({ min: FROM, max: TO }).map((t) => new Date(t));

describe('deadline properties', () => {
  it('a deadline is always a working day', () => {
    fc.assert(fc.property(instant, (t) => cal.isWorkingDay(normalDeadline(t, cal))));
  });

  it('exactly five working days lie after day 0 up to the deadline, counted one by one', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const day0 = effectiveReceiptDay(t, cal);
        const deadline = normalDeadline(t, cal);
        let count = 0;
        for (let d = addDays(day0, 1); d <= deadline; d = addDays(d, 1)) if (cal.isWorkingDay(d)) count++;
        return count === 5 && cal.isWorkingDay(day0) && day0 >= dayKeyOf(t);
      }),
    );
  });

  it('workingDaysBetween (by arithmetic) equals a day-by-day count, both ways, with any holiday kinds off', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2026-01-01', n));
    const kinds = fc.record({ nasional: fc.boolean(), cuti_bersama: fc.boolean(), hari_suci_bali: fc.boolean() });
    fc.assert(
      fc.property(day, day, kinds, (a, b, enabledKinds) => {
        const c = new WorkingCalendar(DEFAULT_HOLIDAYS, { ...cal.settings, enabledKinds });
        const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
        let count = 0;
        for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (c.isWorkingDay(d)) count++;
        return c.workingDaysBetween(a, b) === sign * count;
      }),
    );
  });

  it('a later receipt never gives an earlier deadline', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 24 * 3600 * 1000 }), (t, delta) => {
        const later = new Date(t.getTime() + delta);
        return (
          normalDeadline(later, cal) >= normalDeadline(t, cal) && specialDeadline(later, cal) >= specialDeadline(t, cal)
        );
      }),
    );
  });

  it('the special deadline is a working day within a month of receipt and not before the normal one', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const s = specialDeadline(t, cal);
        return cal.isWorkingDay(s) && s >= normalDeadline(t, cal) && s <= addDays(dayKeyOf(t), 31);
      }),
    );
  });
});

describe('independence from the host time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  // Expected values written out by hand (see deadline.test.ts for the reasoning).
  const fixed: [string, string, string, string][] = [
    ['2026-03-17T02:00:00Z', '2026-03-17', '2026-03-31', '17 Maret 2026 pukul 10.00 WITA'],
    ['2026-11-02T08:30:00Z', '2026-11-03', '2026-11-11', '2 November 2026 pukul 16.30 WITA'],
    // 1 Jan 2027 is a holiday: day 0 Mon 4 Jan; 5 Jan Isra Mikraj, 12-14 Jan Galungan → 6, 7, 8, 11, 15.
    ['2026-12-31T16:30:00Z', '2027-01-04', '2027-01-15', '1 Januari 2027 pukul 00.30 WITA'],
    ['2026-06-14T23:59:00Z', '2026-06-15', '2026-06-25', '15 Juni 2026 pukul 07.59 WITA'],
  ];

  for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Makassar', 'Pacific/Pago_Pago']) {
    it(`gives the literal expectations under TZ=${tz}`, () => {
      process.env.TZ = tz;
      for (const [iso, day0, deadline, text] of fixed) {
        const t = new Date(iso);
        expect(effectiveReceiptDay(t, cal)).toBe(day0);
        expect(normalDeadline(t, cal)).toBe(deadline);
        expect(formatDateTime(t)).toBe(text);
      }
      expect(instantAt('2026-03-17', 10).toISOString()).toBe('2026-03-17T02:00:00.000Z');
      expect(toIsoWita(new Date('2026-11-30T06:05:00Z'))).toBe('2026-11-30T14:05:00+08:00');
    });
  }

  it('random instants give the same results in two far-apart zones', () => {
    const samples = fc.sample(instant, 300);
    const run = (): string[] =>
      samples.map((t) => `${normalDeadline(t, cal)}|${specialDeadline(t, cal)}|${toIsoWita(t)}`);
    process.env.TZ = 'Pacific/Kiritimati';
    const east = run();
    process.env.TZ = 'America/Los_Angeles';
    const west = run();
    expect(west).toEqual(east);
    // The switch really took effect, so the comparison above means something.
    expect(new Date('2026-01-01T00:00:00Z').getHours()).toBe(16);
  });
});
