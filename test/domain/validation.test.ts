// NIK, phone, email, text cleaning, masking and the intake check.
import { describe, expect, it } from 'vitest';
import {
  NIK_PROVINCE_CODES,
  cleanText,
  maskEmail,
  maskName,
  maskNik,
  maskPhone,
  normalizePhone,
  validateEmail,
  validateIntake,
  validateNik,
} from '../../src/domain/validation';
import { instantAt } from '../../src/domain/time';

describe('validateNik', () => {
  it.each([
    ['5102011501900001', 'Tabanan, man born 15-01-1990'],
    ['5102015501900002', 'woman: day 15 + 40'],
    ['5102017101900003', 'woman born on the 31st (71)'],
    ['5102014112990001', 'woman born 1 December 1999 (41)'],
    ['3171012902000001', 'Jakarta, 29 Feb 2000 (no 5102 prefix required)'],
    ['5102016902040001', 'woman born 29 Feb 2004'],
    ['9471011501900001', 'Papua (old code 94)'],
    ['9601011501900001', 'Papua Barat Daya (96)'],
  ])('accepts %s (%s)', (nik) => {
    expect(validateNik(nik)).toEqual({ ok: true, value: nik });
  });

  it('tolerates spaces, dots and dashes between groups', () => {
    expect(validateNik(' 5102 0115 0190 0001 ')).toEqual({ ok: true, value: '5102011501900001' });
    expect(validateNik('51.02.01-150190-0001')).toEqual({ ok: true, value: '5102011501900001' });
  });

  it.each([
    ['', 'NIK belum diisi'],
    ['510201150190001', '16 digit'],
    ['51020115019000012', '16 digit'],
    ['51020115019O0001', '16 digit'],
    ['9902011501900001', 'Kode provinsi 99'],
    ['2002011501900001', 'Kode provinsi 20'],
    ['5102010001900001', 'Tanggal lahir'],
    ['5102013201900001', 'Tanggal lahir'],
    ['5102014001900001', 'Tanggal lahir'],
    ['5102017201900001', 'Tanggal lahir'],
    ['5102011513900001', 'Bulan lahir'],
    ['5102011500900001', 'Bulan lahir'],
    ['5102013002900001', 'bukan tanggal yang ada'],
    ['5102012902010001', 'bukan tanggal yang ada'],
    ['5102017104900001', 'bukan tanggal yang ada'],
    ['5102011501900000', '0000'],
  ])('rejects %s (%s)', (nik, fragment) => {
    const r = validateNik(nik);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it('knows the 38 province codes', () => {
    expect(NIK_PROVINCE_CODES).toHaveLength(38);
    expect(new Set(NIK_PROVINCE_CODES).size).toBe(38);
    expect(NIK_PROVINCE_CODES).toContain('51');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62 0812 3456 7890', '+6281234567890'],
    ['62812.3456.7890', '+6281234567890'],
    ['0811-380-000', '+62811380000'],
    ['0361811073', '+62361811073'],
    ['(0361) 811073', '+62361811073'],
    ['0361 7991837', '+623617991837'],
    ['021 1234 5678', '+622112345678'],
  ])('%s → %s', (typed, canonical) => {
    expect(normalizePhone(typed)).toEqual({ ok: true, canonical });
  });

  it.each([
    ['', 'belum diisi'],
    ['0812abc4567', 'hanya boleh'],
    ['81234567890', 'diawali 0'],
    ['+1 202 555 0100', 'diawali 0'],
    ['0812345', 'HP'],
    ['08123456789012', 'HP'],
    ['0800 123 4567', 'HP'],
    ['0361 81', 'rumah/kantor'],
    ['0123456789', 'rumah/kantor'],
  ])('rejects %s (%s)', (typed, fragment) => {
    const r = normalizePhone(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });
});

describe('validateEmail', () => {
  it('accepts ordinary addresses and lowercases the domain', () => {
    expect(validateEmail(' Budi.Santoso@Gmail.COM ')).toEqual({ ok: true, value: 'Budi.Santoso@gmail.com' });
    expect(validateEmail('diskopumkmtbn@yahoo.co.id').ok).toBe(true);
  });
  it.each(['budi', 'budi@', '@x.id', 'budi@x', 'bu di@x.id', 'budi@x.i', 'a@b@c.id'])('rejects %s', (e) => {
    expect(validateEmail(e).ok).toBe(false);
  });
});

describe('cleanText', () => {
  it('strips control characters but keeps newlines and tabs', () => {
    expect(cleanText('\u0000a\u0007b\tc\nd\u001b\u007f')).toBe('ab\tc\nd');
  });
  it('normalises line ends and trims', () => {
    expect(cleanText('  a\r\nb\rc  \n')).toBe('a\nb\nc');
  });
  it('never alters = + - @ or quotes', () => {
    for (const s of ['=SUM(A1:A9)', '+6281', '-1', '@budi', '"kutip" \'satu\'', '=HYPERLINK("x")']) {
      expect(cleanText(s)).toBe(s);
    }
  });
  it('cuts at the maximum length', () => {
    expect(cleanText('abcdef', 3)).toBe('abc');
    expect(cleanText('ab  cdef', 4)).toBe('ab');
  });
});

describe('masking', () => {
  it('masks NIK, phone, email and name', () => {
    expect(maskNik('5102011501900001')).toBe('5102********0001');
    expect(maskPhone('081234567890')).toBe('0812****7890');
    expect(maskPhone('0812-3456-7890')).toBe('0812****7890');
    expect(maskPhone('0361811073')).toBe('0361****73');
    expect(maskEmail('budi@x.id')).toBe('b***@x.id');
    expect(maskName('Budi Santoso')).toBe('B*** S***');
    expect(maskName('  I Made   Wirawan ')).toBe('I*** M*** W***');
  });
  it('keeps empty values empty and hides short ones', () => {
    expect(maskNik('')).toBe('');
    expect(maskEmail('')).toBe('');
    expect(maskName('')).toBe('');
    expect(maskPhone('12345')).toBe('***45');
  });
});

describe('validateIntake', () => {
  const base = {
    channel: 'Surat',
    receivedAt: instantAt('2026-03-17', 10),
    name: 'Ni Luh Putu Sari',
    nik: '5102015501900002',
    phone: '0812 3456 7890',
    email: 'sari@example.com',
    address: 'Jl. Gatot Subroto, Tabanan',
    subject: 'Bantuan modal koperasi',
    description: 'Pencairan bantuan terlambat.',
    privacy: '',
    ktpSeen: true,
  };

  it('a clean intake has no issues', () => {
    const r = validateIntake(base);
    expect(r.blocking).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.values).toMatchObject({
      channel: 'Surat',
      privacy: 'biasa',
      phoneCanonical: '+6281234567890',
      letterPresent: true,
    });
  });

  it('soft issues: invalid NIK and phone, no name, KTP not seen', () => {
    const r = validateIntake({ ...base, nik: '123', phone: '0812', name: '', ktpSeen: false });
    expect(r.blocking).toEqual([]);
    expect(r.issues.map((i) => i.field).sort()).toEqual(['ktpSeen', 'name', 'nik', 'phone']);
    expect(r.values.nik).toBe('123'); // kept as typed for the team to check
    expect(r.values.phone).toBe('0812');
    expect(r.values.phoneCanonical).toBe('');
  });

  it('flags a complaint with no way to send the answer', () => {
    const r = validateIntake({ ...base, phone: '', email: '', address: '' });
    expect(r.issues.map((i) => i.field)).toEqual(['address']);
  });

  it('blocks only when both subject and description are empty, or channel/privacy/time are unusable', () => {
    expect(validateIntake({ ...base, subject: ' ', description: '' }).blocking.map((b) => b.field)).toEqual([
      'subject',
    ]);
    expect(validateIntake({ ...base, channel: 'Fax' }).blocking.map((b) => b.field)).toEqual(['channel']);
    expect(validateIntake({ ...base, privacy: 'publik' }).blocking.map((b) => b.field)).toEqual(['privacy']);
    expect(validateIntake({ ...base, receivedAt: new Date(Number.NaN) }).blocking.map((b) => b.field)).toEqual([
      'receivedAt',
    ]);
  });

  it('derives the subject from the description when it is blank', () => {
    const r = validateIntake({ ...base, subject: '', description: 'Izin usaha belum terbit\nsudah 3 bulan' });
    expect(r.values.subject).toBe('Izin usaha belum terbit');
  });

  it('cuts an over-long description and says so', () => {
    const r = validateIntake({ ...base, description: 'x'.repeat(5001) });
    expect(r.values.description).toHaveLength(5000);
    expect(r.issues.map((i) => i.field)).toEqual(['description']);
  });

  it('accepts channel and privacy spelled loosely', () => {
    expect(validateIntake({ ...base, channel: 'tatap muka', privacy: 'RAHASIA' }).values).toMatchObject({
      channel: 'Tatap Muka',
      privacy: 'rahasia',
      letterPresent: false,
    });
    expect(validateIntake({ ...base, channel: 'Formulir Online' }).values.channel).toBe('Formulir Online');
  });
});
