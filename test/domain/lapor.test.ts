// SP4N-LAPOR!: the tracking ID as LAPOR! shows it (digits, "#", a lapor.go.id link), recorded once; the forwarding
// date checked; the deadline the earlier of the SOP's and LAPOR!'s (working days of the setting), the special case
// counted from forwarding; the text posted back carries no identity and no personal data.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import { normalDeadline } from '../../src/domain/deadline';
import {
  LAPOR_DEFAULT_WORKING_DAYS,
  checkForwardedOn,
  checkNewLaporId,
  laporDeadline,
  laporNormalDeadline,
  laporPostBackText,
  laporSpecialDeadline,
  parseLaporTrackingId,
  specialDeadlineOf,
} from '../../src/domain/lapor';
import { instantAt } from '../../src/domain/time';

const cal = new WorkingCalendar(DEFAULT_HOLIDAYS);

describe('LAPOR! tracking ID', () => {
  it.each([
    ['1916449', '1916449'],
    ['#1916449', '1916449'],
    ['  # 10293847 ', '10293847'],
    ['https://www.lapor.go.id/pengaduan/1916449', '1916449'],
    ['lapor.go.id/laporan/detil/10293847?x=1', '10293847'],
    ['https://lapor.go.id/pengaduan/123456/', '123456'],
  ])('%s → %s', (raw, id) => {
    expect(parseLaporTrackingId(raw)).toEqual({ ok: true, value: id });
  });

  it.each(['', '   ', '12345', '12345678901', '0123456', '19164x9', '#', 'https://example.com/1916449', '1916449#2'])(
    'refuses %j with an Indonesian message',
    (raw) => {
      const r = parseLaporTrackingId(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Tracking ID LAPOR!/);
    },
  );

  it('is unique: a second report with the same ID is refused naming the first complaint', () => {
    const register = [
      { regNumber: 'DUMAS-2026-0001', laporId: '' },
      { regNumber: 'DUMAS-2026-0002', laporId: '1916449' },
    ];
    const r = checkNewLaporId('#1916449', register);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toBe(
        'Laporan LAPOR! #1916449 sudah tercatat sebagai DUMAS-2026-0002. Buka pengaduan itu; laporan yang sama tidak dicatat dua kali.',
      );
    expect(checkNewLaporId('1916450', register)).toEqual({ ok: true, value: '1916450' });
  });
});

describe('LAPOR! forwarding date', () => {
  it('accepts today and the past, refuses the future, a year-old date and bad text', () => {
    expect(checkForwardedOn('2026-12-01', '2026-12-01')).toEqual({ ok: true, value: '2026-12-01' });
    expect(checkForwardedOn('2026-11-20', '2026-12-01')).toEqual({ ok: true, value: '2026-11-20' });
    expect(checkForwardedOn('2026-12-02', '2026-12-01').ok).toBe(false);
    expect(checkForwardedOn('2025-11-29', '2026-12-01').ok).toBe(false);
    expect(checkForwardedOn('1/12/2026', '2026-12-01').ok).toBe(false);
    expect(checkForwardedOn('', '2026-12-01').ok).toBe(false);
  });
});

describe('LAPOR! deadline', () => {
  it('5 working days from the forwarding day by default (Fri 27 Nov 2026 → Fri 4 Dec)', () => {
    expect(laporDeadline('2026-11-27', cal, LAPOR_DEFAULT_WORKING_DAYS)).toBe('2026-12-04');
  });

  it('forwarded on a Saturday counts from Monday', () => {
    expect(laporDeadline('2026-11-28', cal, 5)).toBe('2026-12-07');
  });

  it('follows the setting (3 working days) and falls back to 5 on a bad setting', () => {
    expect(laporDeadline('2026-11-27', cal, 3)).toBe('2026-12-02');
    expect(laporDeadline('2026-11-27', cal, 0)).toBe('2026-12-04');
    expect(laporDeadline('2026-11-27', cal, 2.5)).toBe('2026-12-04');
  });

  it('skips holidays like the SOP: forwarded Thu 24 Dec 2026 (cuti bersama) counts from Mon 28 Dec; 1 and 5 Jan off', () => {
    expect(laporDeadline('2026-12-24', cal, 5)).toBe('2027-01-06');
  });

  it('is the earlier of LAPOR!s and the SOPs: recorded two working days after forwarding, LAPOR! decides', () => {
    const received = instantAt('2026-12-01', 10); // Tuesday; forwarded Friday 27 Nov
    expect(normalDeadline(received, cal)).toBe('2026-12-08');
    expect(laporNormalDeadline(received, '2026-11-27', cal, 5)).toBe('2026-12-04');
  });

  it('a longer LAPOR! setting never makes it later than the SOPs 5 working days from recording', () => {
    const received = instantAt('2026-12-01', 10);
    expect(laporNormalDeadline(received, '2026-12-01', cal, 10)).toBe(normalDeadline(received, cal));
  });

  it('special case: one month from forwarding, not from recording', () => {
    // 27 Dec is a Sunday, 26 a Saturday, 24-25 cuti bersama and Natal: back to Wed 23 Dec.
    expect(laporSpecialDeadline('2026-11-27', cal)).toBe('2026-12-23');
    const c = { receivedAt: instantAt('2026-12-01', 10), laporForwardedOn: '2026-11-27' };
    expect(specialDeadlineOf(c, cal)).toBe('2026-12-23');
    expect(specialDeadlineOf({ ...c, laporForwardedOn: '' }, cal)).toBe('2026-12-31');
  });
});

describe('LAPOR! post-back text', () => {
  const c = {
    regNumber: 'DUMAS-2026-0007',
    laporId: '1916449',
    laporForwardedOn: '2026-11-27',
    laporPostedBy: '',
    laporPostedAt: null,
    answer: 'Koperasi telah diperiksa. Hubungi 081234567890 atau 5102015501900002.',
    letterNumber: '',
    letterDate: '',
    signedBy: '',
  };

  it('names the tracking ID and the number, quotes the answer without personal data', () => {
    const text = laporPostBackText(c, 'Dinas Koperasi dan UKM Kabupaten Tabanan');
    expect(text).toContain('#1916449');
    expect(text).toContain('DUMAS-2026-0007');
    expect(text).toContain('Koperasi telah diperiksa.');
    expect(text).not.toContain('081234567890');
    expect(text).not.toContain('5102015501900002');
    expect(text).not.toContain('Surat jawaban nomor');
  });

  it('adds the signed letter when there is one', () => {
    const text = laporPostBackText(
      { ...c, letterNumber: '000.8.3.3/15/Diskopumkm/2026', letterDate: '2026-12-03', signedBy: 'kadis@x.go.id' },
      'Dinas',
    );
    expect(text).toContain('Surat jawaban nomor 000.8.3.3/15/Diskopumkm/2026 tanggal 3 Desember 2026.');
  });
});
