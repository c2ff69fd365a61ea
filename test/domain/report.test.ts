// Report statistics: periods, median and percentile, and every figure of buildReport on a hand-made register.
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  isFirstWorkingDayOfMonth,
  median,
  monthPeriod,
  monthsOf,
  percentile,
  previousMonth,
  rollingYear,
} from '../../src/domain/report';
import { instantAt } from '../../src/domain/time';
import { calendar as cal, makeComplaint, settle } from '../bundle/registerSeed';

describe('periods', () => {
  it('months, the previous month and the rolling year', () => {
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod('2028-02').to).toBe('2028-02-29');
    expect(previousMonth('2027-01-04')).toBe('2026-12');
    expect(rollingYear('2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(monthsOf({ from: '2026-11-15', to: '2027-01-02' })).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('the first working day of a month skips weekends and holidays', () => {
    expect(isFirstWorkingDayOfMonth('2026-12-01', cal)).toBe(true);
    expect(isFirstWorkingDayOfMonth('2027-01-01', cal)).toBe(false); // New Year
    expect(isFirstWorkingDayOfMonth('2027-01-04', cal)).toBe(true);
    expect(isFirstWorkingDayOfMonth('2026-12-02', cal)).toBe(false);
  });
});

describe('median and percentile', () => {
  it('median averages the two middle values of an even count', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('percentile is nearest-rank', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile([...ten, 11], 90)).toBe(10); // rank ceil(9.9) = 10
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });
});

describe('buildReport', () => {
  const at = (day: string, hour = 10) => instantAt(day, hour);
  // November 2026 report, made on 1 Dec 2026.
  const a = settle(
    makeComplaint({ receivedAt: at('2026-11-02'), unit: 'Bidang Koperasi', channel: 'Surat' }),
    at('2026-11-05'),
  ); // 2 wd (4 Nov holiday), on time
  const b = settle(
    makeComplaint({
      receivedAt: at('2026-11-09'),
      unit: 'Bidang Koperasi',
      channel: 'Tatap Muka',
      deadline: '2026-11-10',
    }),
    at('2026-11-20'),
  ); // late
  const c = makeComplaint({
    receivedAt: at('2026-11-23'),
    unit: 'Sekretariat',
    channel: 'Formulir Online',
    privacy: 'anonim',
    status: 'Ditindaklanjuti',
    deadline: '2026-11-30',
  }); // open, overdue at end
  const d = settle(
    makeComplaint({ receivedAt: at('2026-10-26'), unit: 'Sekretariat', deadline: '2026-11-02' }),
    at('2026-11-03'),
  ); // received in Oct, settled in Nov, late
  const e = settle(
    makeComplaint({ receivedAt: at('2026-11-10'), unit: '', status: 'Diterima' }),
    at('2026-11-12'),
    'Dialihkan',
  );
  e.forwardedTo = 'Dinas Pertanian';
  const f = settle(
    makeComplaint({
      receivedAt: at('2026-11-25'),
      unit: 'Bidang Koperasi',
      deadlineKind: 'khusus',
      deadline: '2026-12-24',
    }),
    at('2026-12-03'),
  ); // open at end of Nov
  const g = makeComplaint({ receivedAt: at('2026-12-01'), unit: 'Bidang Koperasi' }); // after the period
  const h = makeComplaint({
    receivedAt: at('2026-11-30'),
    unit: 'Unit Ketik Tangan',
    channel: 'Telepon' as never,
    status: 'Diterima',
    deadline: '2026-12-07',
  });
  const stats = buildReport([a, b, c, d, e, f, g, h], monthPeriod('2026-11'), '2026-12-03', cal, [
    'Sekretariat',
    'Bidang Koperasi',
  ]);

  it('counts what was received in the period by channel, status, privacy and unit', () => {
    expect(stats.received).toBe(6); // a b c e f h
    expect(stats.byChannel).toEqual([
      { key: 'Surat', count: 3 },
      { key: 'Tatap Muka', count: 1 },
      { key: 'Formulir Online', count: 1 },
      { key: 'SP4N-LAPOR!', count: 0 },
      { key: 'Telepon', count: 1 },
    ]);
    expect(stats.byPrivacy).toEqual([
      { key: 'biasa', count: 5 },
      { key: 'anonim', count: 1 },
      { key: 'rahasia', count: 0 },
    ]);
    expect(stats.byStatus.find((s) => s.key === 'Selesai')?.count).toBe(3);
    expect(stats.byStatus.find((s) => s.key === 'Dialihkan')?.count).toBe(1);
    expect(stats.byUnit).toEqual([
      { unit: 'Sekretariat', received: 1, settled: 1, settledOnTime: 0, openAtEnd: 1 },
      { unit: 'Bidang Koperasi', received: 3, settled: 2, settledOnTime: 1, openAtEnd: 1 },
      { unit: 'Unit Ketik Tangan', received: 1, settled: 0, settledOnTime: 0, openAtEnd: 1 },
      { unit: '', received: 1, settled: 0, settledOnTime: 0, openAtEnd: 0 },
    ]);
  });

  it('settlement: closed in the period as Selesai, whenever received; forwarding apart', () => {
    expect(stats.settled).toBe(3); // a b d
    expect(stats.settledOnTime).toBe(1);
    expect(stats.onTimeShare).toBeCloseTo(1 / 3);
    const days = [a, b, d].map((x) => x.workingDaysTaken as number).sort((x, y) => x - y);
    expect(stats.medianWorkingDays).toBe(days[1]);
    expect(stats.p90WorkingDays).toBe(days[2]);
    expect(stats.forwarded).toEqual({ total: 1, byAgency: [{ key: 'Dinas Pertanian', count: 1 }] });
    expect(stats.byMonth).toEqual([{ month: '2026-11', received: 6, settled: 3, settledOnTime: 1, forwarded: 1 }]);
  });

  it('open at the end of the period, overdue and by age; a special case closed later was still open', () => {
    expect(stats.asOf).toBe('2026-11-30');
    expect(stats.openAtEnd).toBe(3); // c f h
    expect(stats.overdueAtEnd).toBe(0); // c is due on 30 Nov itself
    expect(stats.special).toEqual({ total: 1, open: 1, settled: 1, settledOnTime: 1 });
    expect(stats.openByAge.map((x) => x.count)).toEqual([3, 0, 0, 0]);
    const later = buildReport([c], { from: '2026-11-01', to: '2026-12-31' }, '2026-12-10', cal);
    expect(later.asOf).toBe('2026-12-10');
    expect(later.overdueList).toEqual([
      { regNumber: c.regNumber, unit: 'Sekretariat', deadline: '2026-11-30', workingDaysLate: 8 },
    ]);
    expect(later.openByAge.map((x) => x.count)).toEqual([0, 0, 1, 0]); // 13 working days since 23 Nov
  });

  it('nothing settled: no share, no median', () => {
    const empty = buildReport([], monthPeriod('2026-11'), '2026-12-01', cal);
    expect(empty.onTimeShare).toBeNull();
    expect(empty.medianWorkingDays).toBeNull();
    expect(empty.byChannel.every((r) => r.count === 0)).toBe(true);
  });
});
