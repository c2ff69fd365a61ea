// The SLA watch: which open complaints are late, due today, due on the next working day, or special cases ending.
import { describe, expect, it } from 'vitest';
import { countByCategory, slaWatch, watchCategory, watchForUnit, type WatchEntry } from '../../src/domain/sla';
import { instantAt } from '../../src/domain/time';
import { calendar as cal, makeComplaint, settle } from '../bundle/registerSeed';

// Wednesday 23 Dec 2026; 24 (cuti bersama) and 25 (Natal) are holidays, then a weekend: next working day Mon 28 Dec.
const NOW = instantAt('2026-12-23', 7);
const entry = (row: number, over: Parameters<typeof makeComplaint>[0]): WatchEntry => ({
  row,
  complaint: makeComplaint(over),
});

describe('watchCategory', () => {
  it('classifies open complaints by their deadline, across a holiday and a weekend', () => {
    const cat = (deadline: string, over = {}) =>
      watchCategory(makeComplaint({ deadline, status: 'Ditindaklanjuti', ...over }), NOW, cal);
    expect(cat('2026-12-18')).toEqual({ category: 'overdue', workingDaysLate: 3, workingDaysLeft: 0 });
    expect(cat('2026-12-22')?.category).toBe('overdue');
    expect(cat('2026-12-23')).toEqual({ category: 'dueToday', workingDaysLate: 0, workingDaysLeft: 0 });
    expect(cat('2026-12-28')).toEqual({ category: 'dueNext', workingDaysLate: 0, workingDaysLeft: 1 });
    expect(cat('2026-12-29')).toBeNull();
  });

  it('flags a special case only in its last five working days', () => {
    const special = (deadline: string) => watchCategory(makeComplaint({ deadline, deadlineKind: 'khusus' }), NOW, cal);
    // 28, 29, 30, 31 Dec and 4 Jan (1 Jan is a holiday): five working days left.
    expect(special('2027-01-04')).toEqual({ category: 'specialEnding', workingDaysLate: 0, workingDaysLeft: 5 });
    // 5 Jan 2027 is Isra Mikraj, so 6 Jan is the sixth working day.
    expect(special('2027-01-06')).toBeNull();
    expect(special('2026-12-28')?.category).toBe('dueNext');
  });

  it('ignores settled and forwarded complaints, whatever their deadline', () => {
    const late = makeComplaint({ deadline: '2026-12-01' });
    expect(watchCategory(settle(late, instantAt('2026-12-10', 10)), NOW, cal)).toBeNull();
    expect(watchCategory(settle(late, instantAt('2026-12-10', 10), 'Dialihkan'), NOW, cal)).toBeNull();
    expect(watchCategory({ ...late, status: 'Selesai' }, NOW, cal)).toBeNull();
  });

  it('on a Friday the next working day is Monday', () => {
    const friday = instantAt('2026-12-11', 7);
    expect(watchCategory(makeComplaint({ deadline: '2026-12-14' }), friday, cal)?.category).toBe('dueNext');
    expect(watchCategory(makeComplaint({ deadline: '2026-12-15' }), friday, cal)).toBeNull();
  });
});

describe('slaWatch', () => {
  const entries = [
    entry(2, { unit: 'Bidang Koperasi', deadline: '2026-12-22' }),
    entry(3, { unit: 'bidang koperasi ', deadline: '2026-12-18' }),
    entry(4, { unit: 'Bidang Usaha Kecil dan Menengah', deadline: '2026-12-23' }),
    entry(5, { unit: '', deadline: '2026-12-28' }),
    entry(6, { unit: 'Unit Lama', deadline: '2026-12-23' }),
    entry(7, { unit: 'Bidang Koperasi', deadline: '2027-02-01' }),
  ];
  const list = slaWatch(entries, NOW, cal, ['Sekretariat', 'Bidang Koperasi', 'Bidang Usaha Kecil dan Menengah']);

  it('lists the day and the next working day', () => {
    expect(list.today).toBe('2026-12-23');
    expect(list.nextWorkingDay).toBe('2026-12-28');
  });

  it('groups by unit in the Unit sheet order, spelling variants together, unknown units next, no unit last', () => {
    expect(list.byUnit.map((g) => g.unit)).toEqual([
      'Bidang Koperasi',
      'Bidang Usaha Kecil dan Menengah',
      'Unit Lama',
      '',
    ]);
    expect(list.byUnit[0].items.map((i) => i.row)).toEqual([3, 2]); // most days late first
    expect(list.items.map((i) => i.row)).toEqual([3, 2, 4, 6, 5]);
  });

  it('gives a unit exactly its own complaints', () => {
    expect(watchForUnit(list, 'BIDANG KOPERASI').map((i) => i.row)).toEqual([3, 2]);
    expect(watchForUnit(list, 'Sekretariat')).toEqual([]);
    expect(countByCategory(list.items)).toEqual({ overdue: 2, dueToday: 2, dueNext: 1, specialEnding: 0 });
  });
});
