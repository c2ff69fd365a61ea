// Deadlines computed by hand from the 2026/2027 calendar: the normal 5 working days and the 1-month special case.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import {
  WORKING_DAYS_LIMIT,
  deadlineFacts,
  effectiveReceiptDay,
  normalDeadline,
  specialDeadline,
} from '../../src/domain/deadline';
import { instantAt } from '../../src/domain/time';

const cal = new WorkingCalendar(DEFAULT_HOLIDAYS);

describe('normal deadline (5 working days after day 0)', () => {
  // [received (WITA), day 0, deadline, why]
  const cases: [Date, string, string, string][] = [
    // Nyepi–Idul Fitri: 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti), 21–22 (weekend, Idul Fitri), 23–24 (cuti) are off.
    [instantAt('2026-03-17', 10), '2026-03-17', '2026-03-31', 'Tue 17 Mar: 25, 26, 27, 30, 31'],
    [instantAt('2026-03-17', 16, 30), '2026-03-25', '2026-04-01', 'after office hours on 17 Mar'],
    [instantAt('2026-03-13', 10), '2026-03-13', '2026-03-27', 'Fri 13 Mar: 16, 17, 25, 26, 27'],
    [instantAt('2026-03-19', 9), '2026-03-25', '2026-04-01', 'on Nyepi itself'],
    // Galungan: 16 (1 Muharam, Penampahan), 17 (Galungan), 18 (Umanis), 26 (Penampahan Kuningan).
    [instantAt('2026-06-15', 10), '2026-06-15', '2026-06-25', 'Mon 15 Jun: 19, 22, 23, 24, 25'],
    [instantAt('2026-06-16', 9), '2026-06-19', '2026-06-29', 'on Penampahan Galungan: 22, 23, 24, 25, 29'],
    // Christmas and New Year: 24 (cuti), 25 (Natal), 1 Jan, 5 Jan 2027 (Isra Mikraj, estimate).
    [instantAt('2026-12-23', 10), '2026-12-23', '2027-01-04', 'Wed 23 Dec: 28, 29, 30, 31, 4 Jan'],
    [instantAt('2026-12-24', 9), '2026-12-28', '2027-01-06', 'on cuti bersama: 29, 30, 31, 4, 6 Jan'],
    // Office end is 16:00: at 16:00 or later the count starts the next working day.
    [instantAt('2026-11-02', 15, 59), '2026-11-02', '2026-11-10', 'Mon 2 Nov 15:59: 3, 5, 6, 9, 10 (4 Nov Pagerwesi)'],
    [instantAt('2026-11-02', 16, 0), '2026-11-03', '2026-11-11', 'Mon 2 Nov 16:00'],
    [instantAt('2026-11-02', 16, 30), '2026-11-03', '2026-11-11', 'Mon 2 Nov 16:30'],
    [instantAt('2026-11-02', 23, 30), '2026-11-03', '2026-11-11', 'late evening'],
    [instantAt('2026-11-03', 6, 0), '2026-11-03', '2026-11-11', 'early morning counts for the same day'],
    [instantAt('2026-11-07', 10), '2026-11-09', '2026-11-16', 'Saturday (Deepavali): 10, 11, 12, 13, 16'],
    [instantAt('2026-11-08', 10), '2026-11-09', '2026-11-16', 'Sunday'],
    [instantAt('2026-08-17', 10), '2026-08-18', '2026-08-26', 'on Proklamasi: 19, 20, 21, 24, 26 (25 Maulid)'],
    [instantAt('2026-01-16', 10), '2026-01-19', '2026-01-26', 'on Isra Mikraj (Fri), 17 Siwaratri (Sat)'],
  ];

  it.each(cases)('%s → day 0 %s, deadline %s (%s)', (received, day0, deadline) => {
    expect(effectiveReceiptDay(received, cal)).toBe(day0);
    expect(normalDeadline(received, cal)).toBe(deadline);
  });

  it('uses 5 as the limit from the SOP', () => {
    expect(WORKING_DAYS_LIMIT).toBe(5);
  });

  it('reads UTC instants in WITA (23:30 WITA Monday is 15:30 UTC Monday)', () => {
    expect(effectiveReceiptDay(new Date('2026-11-02T15:30:00Z'), cal)).toBe('2026-11-03');
    expect(effectiveReceiptDay(new Date('2026-11-02T07:30:00Z'), cal)).toBe('2026-11-02');
    expect(effectiveReceiptDay(new Date('2026-11-02T23:30:00Z'), cal)).toBe('2026-11-03');
  });
});

describe('special deadline (1 calendar month from the receipt date)', () => {
  const cases: [string, string, string][] = [
    ['2026-01-31', '2026-02-27', '31 Jan → 28 Feb (Saturday) → Fri 27 Feb'],
    ['2026-01-29', '2026-02-27', '29 Jan → no 29 Feb in 2026 → 28 Feb (Sat) → 27 Feb'],
    ['2026-03-31', '2026-04-30', '31 Mar → 30 Apr (Thursday, working)'],
    ['2026-04-30', '2026-05-29', '30 Apr → 30 May (Saturday) → Fri 29 May'],
    ['2026-05-31', '2026-06-30', '31 May (Sunday, Waisak) → 30 Jun (Tuesday)'],
    ['2026-03-17', '2026-04-17', 'same day next month, a Friday'],
    ['2026-10-31', '2026-11-30', 'received on a Saturday: counted from the receipt date'],
    ['2026-12-31', '2027-01-29', '31 Dec → 31 Jan 2027 (Sunday) → Fri 29 Jan'],
    ['2026-11-25', '2026-12-23', '25 Dec is Natal (Fri), 24 cuti → Wed 23 Dec'],
  ];
  it.each(cases)('received %s → %s (%s)', (day, expected) => {
    expect(specialDeadline(instantAt(day, 10), cal)).toBe(expected);
  });

  it('never falls before the normal deadline', () => {
    const received = instantAt('2026-03-17', 10);
    expect(specialDeadline(received, cal) >= normalDeadline(received, cal)).toBe(true);
  });
});

describe('deadlineFacts', () => {
  const c = { deadline: '2026-03-31', closedAt: null, receivedAt: instantAt('2026-03-17', 10) };

  it('open and on track', () => {
    expect(deadlineFacts(c, instantAt('2026-03-25', 9), cal)).toEqual({
      state: 'open_on_track',
      workingDaysLeft: 4,
      workingDaysLate: 0,
      workingDaysTaken: null,
    });
    expect(deadlineFacts(c, instantAt('2026-03-28', 9), cal).workingDaysLeft).toBe(2); // Saturday
  });

  it('due the next working day, even across a weekend', () => {
    expect(deadlineFacts(c, instantAt('2026-03-30', 9), cal).state).toBe('due_next_working_day');
    const friday = { ...c, deadline: '2026-03-30' };
    expect(deadlineFacts(friday, instantAt('2026-03-27', 15), cal)).toMatchObject({
      state: 'due_next_working_day',
      workingDaysLeft: 1,
    });
  });

  it('due today until 23:59:59 WITA', () => {
    expect(deadlineFacts(c, instantAt('2026-03-31', 15), cal).state).toBe('due_today');
    expect(deadlineFacts(c, instantAt('2026-03-31', 23, 59, 59, 999), cal).state).toBe('due_today');
    expect(deadlineFacts(c, instantAt('2026-04-01', 0), cal).state).toBe('overdue');
  });

  it('overdue counts the working days late', () => {
    expect(deadlineFacts(c, instantAt('2026-04-01', 8), cal)).toEqual({
      state: 'overdue',
      workingDaysLeft: 0,
      workingDaysLate: 1,
      workingDaysTaken: null,
    });
    // 1, 2 Apr; 3 Wafat Yesus, 4 Sat/Saraswati, 5 Paskah; 6 Apr
    expect(deadlineFacts(c, instantAt('2026-04-06', 8), cal).workingDaysLate).toBe(3);
  });

  it('settled on time or late, with the working days taken', () => {
    expect(deadlineFacts({ ...c, closedAt: instantAt('2026-03-31', 20) }, instantAt('2026-05-01', 8), cal)).toEqual({
      state: 'settled_on_time',
      workingDaysLeft: 0,
      workingDaysLate: 0,
      workingDaysTaken: 5,
    });
    expect(deadlineFacts({ ...c, closedAt: instantAt('2026-04-02', 10) }, instantAt('2026-05-01', 8), cal)).toEqual({
      state: 'settled_late',
      workingDaysLeft: 0,
      workingDaysLate: 2,
      workingDaysTaken: 7,
    });
    expect(
      deadlineFacts({ ...c, closedAt: instantAt('2026-03-17', 11) }, instantAt('2026-03-17', 12), cal),
    ).toMatchObject({
      state: 'settled_on_time',
      workingDaysTaken: 0,
    });
  });

  it('an answer on the spot on a Saturday took 0 working days', () => {
    const sat = {
      deadline: '2026-11-16',
      closedAt: instantAt('2026-11-07', 11),
      receivedAt: instantAt('2026-11-07', 10),
    };
    expect(deadlineFacts(sat, instantAt('2026-11-07', 12), cal)).toMatchObject({
      state: 'settled_on_time',
      workingDaysTaken: 0,
    });
  });
});
