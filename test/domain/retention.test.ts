// Retention rules: when identity data is due for deletion and what the purged copy keeps; rating statistics.
import { describe, expect, it } from 'vitest';
import {
  filledPersonalFields,
  identityValues,
  isPurgeDue,
  lastActivity,
  openPurgeSoon,
  scrubAuditValue,
  scrubIdentity,
  mayBePurgeDue,
  purgeComplaint,
  purgeDay,
  retentionEnabled,
} from '../../src/domain/retention';
import { ratingStats, type Rating } from '../../src/domain/rating';
import { COMPLAINT_FIELDS } from '../../src/domain/complaint';
import { addDays, dayKeyOf, instantAt } from '../../src/domain/time';
import { complaintIn, NOW } from './fixtures';

describe('retention', () => {
  it('falls due on the closing day plus the years (29 February → 28 February)', () => {
    expect(purgeDay(instantAt('2026-11-05', 10), 2)).toBe('2028-11-05');
    expect(purgeDay(instantAt('2028-02-29', 10), 1)).toBe('2029-02-28');
    // 23:30 WITA is still the 5th in WITA although it is the 5th 15:30 UTC.
    expect(purgeDay(instantAt('2026-11-05', 23, 30), 2)).toBe('2028-11-05');
  });

  it('is due only for closed complaints past the period that still hold identity data; off below one year', () => {
    const closed = complaintIn('Selesai'); // closed 5 Nov 2026
    expect(isPurgeDue(closed, '2028-11-04', 2)).toBe(false);
    expect(isPurgeDue(closed, '2028-11-05', 2)).toBe(true);
    expect(isPurgeDue(complaintIn('Dialihkan'), '2028-11-05', 2)).toBe(true);
    // Never closed: due two years after its last activity (the last write of its row).
    const open = complaintIn('Ditindaklanjuti');
    const last = dayKeyOf(lastActivity(open));
    expect(isPurgeDue(open, addDays(purgeDay(lastActivity(open), 2), -1), 2)).toBe(false);
    expect(isPurgeDue(open, purgeDay(lastActivity(open), 2), 2)).toBe(true);
    expect(mayBePurgeDue(open, purgeDay(lastActivity(open), 2), 2)).toBe(true);
    expect(last).not.toBe('');
    expect(isPurgeDue({ ...closed, closedAt: null }, '2030-01-01', 2)).toBe(false);
    expect(isPurgeDue(closed, '2030-01-01', 0)).toBe(false);
    expect(retentionEnabled(1)).toBe(true);
    expect(retentionEnabled(0)).toBe(false);
    expect(retentionEnabled(1.5)).toBe(false);
    const purged = purgeComplaint(closed, NOW, 'sistem');
    expect(isPurgeDue(purged, '2030-01-01', 2)).toBe(false);
  });

  it('empties the identity fields only, bumps the version, keeps every other field', () => {
    const c = { ...complaintIn('Selesai'), phone: '' };
    expect(filledPersonalFields(c)).toEqual(['name', 'nik', 'phoneCanonical', 'email', 'address']);
    const at = instantAt('2028-11-05', 7);
    const p = purgeComplaint(c, at, 'Dumas (masa simpan data)');
    const changed = COMPLAINT_FIELDS.filter((f) => JSON.stringify(p[f]) !== JSON.stringify(c[f]));
    expect(changed).toEqual(['name', 'nik', 'phoneCanonical', 'email', 'address', 'version', 'updatedAt', 'updatedBy']);
    expect(p.version).toBe(c.version + 1);
    expect(c.name).toBe('Ni Luh Putu Sari'); // the input is not modified
  });
});

describe('identity copied elsewhere', () => {
  const M = '[identitas dihapus]';
  const c = {
    ...complaintIn('Selesai'),
    name: 'Ni Luh Putu Sari',
    address: 'Jl. Melati 3, Tabanan',
    phone: '081234567890',
  };

  it('removes the exact values as whole words, any case, then NIKs, phones and emails', () => {
    const values = identityValues(c);
    expect(values[0].length).toBeGreaterThanOrEqual(values.at(-1)!.length); // longest first
    expect(scrubIdentity('Sudah ditemui NI LUH PUTU SARI di Jl. Melati 3, Tabanan (081234567890).', values, M)).toBe(
      `Sudah ditemui ${M} di ${M} (${M}).`,
    );
    // Another phone is caught as personal data still.
    expect(scrubIdentity('atau 081299998888', values, M)).toBe('atau [nomor telepon]');
    // Part of a longer word is not the name; an initial of two letters is never a value.
    expect(scrubIdentity('Ni Luh Putu Sarinah datang', values, M)).toBe('Ni Luh Putu Sarinah datang');
    expect(identityValues({ ...c, name: 'Ni' })).not.toContain('Ni');
  });

  it("replaces an audit record's identity fields whatever they held, and the values in plain notes", () => {
    const values = identityValues(c);
    expect(JSON.parse(scrubAuditValue('{"name":"Ni Luh Putu Sri","status":"Selesai"}', values, M))).toEqual({
      name: M,
      status: 'Selesai',
    });
    expect(scrubAuditValue('Ditelepon Ni Luh Putu Sari', values, M)).toBe(`Ditelepon ${M}`);
    expect(scrubAuditValue('', values, M)).toBe('');
  });

  it('warns 30 days before a never-closed complaint falls due, not before and not once due', () => {
    const open = complaintIn('Ditindaklanjuti');
    const due = purgeDay(lastActivity(open), 2);
    expect(openPurgeSoon(open, addDays(due, -31), 2)).toBeNull();
    expect(openPurgeSoon(open, addDays(due, -30), 2)).toBe(due);
    expect(openPurgeSoon(open, due, 2)).toBeNull();
    expect(openPurgeSoon(complaintIn('Selesai'), addDays(due, -1), 2)).toBeNull();
  });
});

describe('ratingStats', () => {
  const r = (day: string, score: number, resolved = true, unit = 'Bidang Koperasi'): Rating => ({
    at: instantAt(day, 10),
    regNumber: `N-${day}-${score}`,
    unit,
    round: 0,
    score,
    resolved,
    comment: '',
  });

  it('counts ratings in the period: average, distribution, not resolved, by unit; ignores bad scores', () => {
    const rows = [
      r('2026-11-30', 5),
      r('2026-12-01', 4),
      r('2026-12-15', 1, false, 'Sekretariat'),
      r('2026-12-31', 3),
      r('2027-01-01', 5),
      { ...r('2026-12-02', 4), score: 7 },
    ];
    const dec = ratingStats(rows, { from: '2026-12-01', to: '2026-12-31' });
    expect(dec).toEqual({
      count: 3,
      average: 2.67,
      distribution: [1, 0, 1, 1, 0],
      notResolved: 1,
      byUnit: [
        { unit: 'Bidang Koperasi', count: 2, average: 3.5 },
        { unit: 'Sekretariat', count: 1, average: 1 },
      ],
    });
    expect(ratingStats(rows).count).toBe(5);
    expect(ratingStats([])).toEqual({
      count: 0,
      average: null,
      distribution: [0, 0, 0, 0, 0],
      notResolved: 0,
      byUnit: [],
    });
  });
});
