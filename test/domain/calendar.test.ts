// Working days of the agency: weekends, national holidays, cuti bersama and Bali holy days, office hours.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_SETTINGS, DEFAULT_HOLIDAYS, WorkingCalendar, type Holiday } from '../../src/domain/calendar';
import { instantAt } from '../../src/domain/time';

const cal = new WorkingCalendar(DEFAULT_HOLIDAYS);

describe('DEFAULT_HOLIDAYS', () => {
  it('gives every row a valid date, a name, a kind and its legal source', () => {
    for (const h of DEFAULT_HOLIDAYS) {
      expect(h.date).toMatch(/^202[67]-\d{2}-\d{2}$/);
      expect(h.name.length).toBeGreaterThan(2);
      expect(['nasional', 'cuti_bersama', 'hari_suci_bali']).toContain(h.kind);
      expect(h.source.length).toBeGreaterThan(10);
    }
  });

  it('has the 2026 decree counts: 17 national holidays and 8 cuti bersama', () => {
    const y2026 = DEFAULT_HOLIDAYS.filter((h) => h.date.startsWith('2026'));
    expect(y2026.filter((h) => h.kind === 'nasional')).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);
    expect(y2026.filter((h) => h.kind === 'hari_suci_bali')).toHaveLength(13);
  });

  it('marks every 2027 row as an estimate', () => {
    const y2027 = DEFAULT_HOLIDAYS.filter((h) => h.date.startsWith('2027'));
    expect(y2027.length).toBe(31);
    for (const h of y2027) expect(h.source).toMatch(/^PERKIRAAN/);
  });
});

describe('WorkingCalendar', () => {
  it('treats weekends and holidays as non-working days', () => {
    expect(cal.isWorkingDay('2026-03-17')).toBe(true); // Tuesday
    expect(cal.isWorkingDay('2026-03-21')).toBe(false); // Saturday (and Idul Fitri)
    expect(cal.isWorkingDay('2026-03-18')).toBe(false); // cuti bersama Nyepi + Tawur Kesanga
    expect(cal.isWorkingDay('2026-03-19')).toBe(false); // Nyepi
    expect(cal.isWorkingDay('2026-03-23')).toBe(false); // cuti bersama Idul Fitri
    expect(cal.isWorkingDay('2026-03-25')).toBe(true);
    expect(cal.isWorkingDay('2026-06-17')).toBe(false); // Galungan
    expect(cal.isWorkingDay('2026-12-24')).toBe(false); // cuti bersama Natal
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2026-11-04')).toBe(false); // Pagerwesi (Wednesday)
  });

  it('names the holiday of a day, and lists coinciding ones', () => {
    expect(cal.holidayOn('2026-03-19')?.name).toBe('Hari Suci Nyepi (Tahun Baru Saka 1948)');
    expect(cal.holidayOn('2026-03-17')).toBeUndefined();
    expect(
      cal
        .holidaysOn('2026-06-16')
        .map((h) => h.name)
        .sort(),
    ).toEqual(['1 Muharam Tahun Baru Islam 1448 H', 'Penampahan Galungan']);
  });

  it('finds neighbouring working days across the Nyepi–Idul Fitri stretch', () => {
    expect(cal.nextWorkingDay('2026-03-17')).toBe('2026-03-25');
    expect(cal.nextWorkingDay('2026-03-25')).toBe('2026-03-26');
    expect(cal.workingDayOnOrAfter('2026-03-17')).toBe('2026-03-17');
    expect(cal.workingDayOnOrAfter('2026-03-18')).toBe('2026-03-25');
    expect(cal.workingDayOnOrBefore('2026-03-24')).toBe('2026-03-17');
    expect(cal.workingDayOnOrBefore('2026-02-28')).toBe('2026-02-27');
  });

  it('adds working days forwards and backwards', () => {
    expect(cal.addWorkingDays('2026-03-17', 0)).toBe('2026-03-17');
    expect(cal.addWorkingDays('2026-03-17', 1)).toBe('2026-03-25');
    expect(cal.addWorkingDays('2026-03-17', 5)).toBe('2026-03-31');
    expect(cal.addWorkingDays('2026-03-31', -5)).toBe('2026-03-17');
    expect(cal.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
  });

  it('counts working days after `from` up to and including `to`', () => {
    expect(cal.workingDaysBetween('2026-03-17', '2026-03-31')).toBe(5);
    expect(cal.workingDaysBetween('2026-03-31', '2026-03-17')).toBe(-5);
    expect(cal.workingDaysBetween('2026-03-17', '2026-03-24')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-20', '2026-03-20')).toBe(0);
    expect(cal.workingDaysBetween('2026-06-15', '2026-06-19')).toBe(1);
  });

  it('knows office hours (08:00 to 16:00 WITA, working days only)', () => {
    expect(cal.isOfficeHours(instantAt('2026-03-17', 8, 0))).toBe(true);
    expect(cal.isOfficeHours(instantAt('2026-03-17', 7, 59))).toBe(false);
    expect(cal.isOfficeHours(instantAt('2026-03-17', 15, 59, 59))).toBe(true);
    expect(cal.isOfficeHours(instantAt('2026-03-17', 16, 0))).toBe(false);
    expect(cal.isOfficeHours(instantAt('2026-03-19', 10))).toBe(false);
    expect(cal.isOfficeHours(new Date('2026-03-17T02:00:00Z'))).toBe(true); // 10:00 WITA
  });

  it('lets a holiday kind be turned off', () => {
    const noBali = new WorkingCalendar(DEFAULT_HOLIDAYS, {
      ...DEFAULT_CALENDAR_SETTINGS,
      enabledKinds: { nasional: true, cuti_bersama: true, hari_suci_bali: false },
    });
    expect(noBali.isWorkingDay('2026-06-17')).toBe(true); // Galungan no longer off
    expect(noBali.isWorkingDay('2026-06-16')).toBe(false); // still 1 Muharam
    expect(noBali.holidayOn('2026-06-16')?.kind).toBe('nasional');
  });

  it('ignores malformed holiday rows and rejects unusable settings', () => {
    const rows: Holiday[] = [{ date: '2026-02-30', name: 'x', kind: 'nasional', source: 's' }];
    expect(new WorkingCalendar(rows).isWorkingDay('2026-03-02')).toBe(true);
    expect(() => new WorkingCalendar([], { ...DEFAULT_CALENDAR_SETTINGS, workDays: [] })).toThrow();
    expect(() => new WorkingCalendar([], { ...DEFAULT_CALENDAR_SETTINGS, officeStart: '17:00' })).toThrow();
  });

  it('supports a six-day week when configured', () => {
    const sixDays = new WorkingCalendar([], { ...DEFAULT_CALENDAR_SETTINGS, workDays: [1, 2, 3, 4, 5, 6] });
    expect(sixDays.isWorkingDay('2026-11-07')).toBe(true);
    expect(sixDays.isWorkingDay('2026-11-08')).toBe(false);
  });
});
