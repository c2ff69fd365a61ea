// Personal data in free text over generated texts: every embedded NIK, phone and email is found, flagged, masked and
// stripped; texts without any are not flagged beyond the stated false-positive rate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint';
import {
  findPersonalData,
  maskPersonalData,
  stripPersonalData,
  withPersonalDataFlag,
} from '../../src/domain/personalData';
import { redact } from '../../src/domain/privacy';
import { purgeComplaint } from '../../src/domain/retention';
import { NIK_PROVINCE_CODES } from '../../src/domain/validation';
import { actors, complaintIn } from './fixtures';

const RUNS = 1000;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const digitsOf = (s: string) => s.replace(/\D/g, '');

/** A NIK with a valid structure, written together or in groups. */
const nik = fc
  .record({
    province: fc.constantFrom(...NIK_PROVINCE_CODES),
    regency: fc.integer({ min: 1, max: 99 }),
    district: fc.integer({ min: 1, max: 99 }),
    day: fc.integer({ min: 1, max: 28 }),
    woman: fc.boolean(),
    month: fc.integer({ min: 1, max: 12 }),
    yy: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 1, max: 9999 }),
    style: fc.constantFrom('plain', 'space4', 'dot4', 'dash', 'groups'),
  })
  .map((n) => {
    const d = `${n.province}${pad(n.regency, 2)}${pad(n.district, 2)}${pad(n.day + (n.woman ? 40 : 0), 2)}${pad(n.month, 2)}${pad(n.yy, 2)}${pad(n.serial, 4)}`;
    const four = [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)];
    switch (n.style) {
      case 'plain':
        return d;
      case 'space4':
        return four.join(' ');
      case 'dot4':
        return four.join('.');
      case 'dash':
        return four.join('-');
      default:
        return `${d.slice(0, 6)} ${d.slice(6, 12)} ${d.slice(12)}`;
    }
  });

/** An Indonesian mobile number as people write it: 08…, +62…, 62…, with spaces, dashes or dots. */
const phone = fc
  .record({
    prefix: fc.constantFrom('08', '+628', '628', '+62 8', '62 8', '+62-8'),
    second: fc.integer({ min: 1, max: 9 }),
    rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 10 }),
    sep: fc.constantFrom('', ' ', '-', '.'),
  })
  .map((p) => {
    const tail = `${p.second}${p.rest.join('')}`;
    const groups = tail.match(/.{1,4}/g) ?? [tail];
    return `${p.prefix}${groups[0]}${groups.length > 1 ? p.sep : ''}${groups.slice(1).join(p.sep)}`;
  });

const email = fc
  .record({
    local: fc.stringMatching(/^[a-z][a-z0-9._]{0,11}[a-z0-9]$/),
    domain: fc.constantFrom('gmail.com', 'yahoo.co.id', 'tabanankab.go.id', 'mail.example.id', 'outlook.com'),
  })
  .map((e) => `${e.local}@${e.domain}`);

const WORDS = [
  'Saya',
  'mengadukan',
  'pelayanan',
  'koperasi',
  'simpan',
  'pinjam',
  'di',
  'desa',
  'Kediri',
  'yang',
  'belum',
  'mencairkan',
  'dana',
  'anggota',
  'sejak',
  'bulan',
  'lalu',
  'mohon',
  'ditindaklanjuti',
  'UMKM',
  'bantuan',
  'modal',
  'usaha',
  'terima',
  'kasih',
];

/** Numbers that are not personal data and must not be flagged: amounts, dates, times, numbers of letters and RT/RW. */
const harmlessNumber = fc.oneof(
  fc.integer({ min: 1, max: 999 }).map((n) => `Rp ${n}.500.000`),
  fc
    .record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }) })
    .map((x) => `${pad(x.d, 2)}/${pad(x.m, 2)}/2026`),
  fc.integer({ min: 1, max: 9999 }).map((n) => `DUMAS-2026-${pad(n, 4)}`),
  fc.integer({ min: 1, max: 999 }).map((n) => `005/${pad(n, 3)}/Diskop/2026`),
  fc.integer({ min: 1, max: 23 }).map((h) => `pukul ${pad(h, 2)}.30 WITA`),
  fc
    .record({ rt: fc.integer({ min: 1, max: 20 }), rw: fc.integer({ min: 1, max: 20 }) })
    .map((x) => `RT ${x.rt}/RW ${x.rw}`),
  fc.integer({ min: 0, max: 999_999_999 }).map(String),
);

const filler = fc.array(fc.oneof(fc.constantFrom(...WORDS), harmlessNumber), { minLength: 1, maxLength: 12 });
const LEADS = ['NIK: ', 'NIK ', 'HP ', 'WA: ', 'email ', '(', '', 'hubungi '];
const TRAILS = ['', '.', ',', ')', ' ', '\n'];

type Embedded = { kind: 'nik' | 'phone' | 'email'; value: string };
const embedded: fc.Arbitrary<Embedded> = fc.oneof(
  nik.map((value) => ({ kind: 'nik' as const, value })),
  phone.map((value) => ({ kind: 'phone' as const, value })),
  email.map((value) => ({ kind: 'email' as const, value })),
);

/** Filler, then 1-3 items each with a lead and a trail, then filler. */
const textWithData = fc
  .record({
    before: filler,
    items: fc.array(
      fc.record({ item: embedded, lead: fc.constantFrom(...LEADS), trail: fc.constantFrom(...TRAILS), mid: filler }),
      { minLength: 1, maxLength: 3 },
    ),
    after: filler,
  })
  .map((t) => ({
    text: [
      t.before.join(' '),
      ...t.items.map((i) => `${i.lead}${i.item.value}${i.trail} ${i.mid.join(' ')}`),
      t.after.join(' '),
    ].join(' '),
    items: t.items.map((i) => i.item),
  }));

const inDescription = (text: string): Complaint => ({
  ...complaintIn('Didisposisikan'),
  description: text,
  verificationFlags: '',
});

/** The value's digits (for NIKs and phones) or the value itself must not survive in `out`. */
function survives(item: Embedded, out: string): boolean {
  if (item.kind === 'email') return out.includes(item.value);
  return digitsOf(out).includes(digitsOf(item.value));
}

describe('personal data in free text (generated)', () => {
  it(`${RUNS} texts with embedded NIKs, phones and emails: every one found, flagged, masked, stripped and purged`, () => {
    fc.assert(
      fc.property(textWithData, ({ text, items }) => {
        const found = findPersonalData(text);
        for (const item of items) {
          // A phone followed by a number may take in its first group ("0812 3456 7890 12"): more is masked, never less.
          const hit = found.some((f) => f.kind === item.kind && digitsOf(f.value).includes(digitsOf(item.value)));
          expect(hit, `${item.kind} ${item.value} in «${text}»`).toBe(true);
        }
        const c = inDescription(text);
        expect(withPersonalDataFlag(c)).toMatch(/^Data pribadi dalam teks: /);
        const masked = maskPersonalData(text, 'all');
        const stripped = stripPersonalData(text);
        // The Kepala Dinas of an anonymous complaint: identity hidden, so the text's data is masked too.
        const seen = redact({ ...c, privacy: 'anonim' }, actors.KEPALA_DINAS).description;
        const purged = purgeComplaint({ ...c, verificationFlags: withPersonalDataFlag(c) }, new Date(), 'x');
        for (const item of items) {
          expect(survives(item, masked), `masked «${masked}»`).toBe(false);
          expect(survives(item, stripped), `stripped «${stripped}»`).toBe(false);
          expect(survives(item, seen), `seen «${seen}»`).toBe(false);
          expect(survives(item, purged.description), `purged «${purged.description}»`).toBe(false);
          // NIKs are masked even for those who may see the identity.
          if (item.kind === 'nik') expect(survives(item, maskPersonalData(text, 'nikOnly'))).toBe(false);
        }
        expect(purged.verificationFlags).not.toMatch(/Data pribadi dalam teks/);
      }),
      { numRuns: RUNS },
    );
  });

  it(`${RUNS} texts without personal data (words, amounts, dates, letter numbers, RT/RW, numbers up to 9 digits): none flagged`, () => {
    fc.assert(
      fc.property(filler, (words) => {
        const text = words.join(' ');
        expect(findPersonalData(text), text).toEqual([]);
        expect(withPersonalDataFlag(inDescription(text))).toBe('');
      }),
      { numRuns: RUNS },
    );
  });

  it('a random 16-digit number (a card or account number) is taken for a NIK at most 5% of the time (stated rate: about 3%)', () => {
    const sample = fc.sample(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 16 }), {
      numRuns: RUNS,
      seed: 20261201,
    });
    const flagged = sample.filter((d) => findPersonalData(`No. kartu ${d.join('')} hilang`).length > 0).length;
    expect(flagged / RUNS).toBeLessThan(0.05);
  });
});

// Counterexamples the generators once found, kept as fixed cases so they are checked on every run.
describe('personal data in free text (found by the generators)', () => {
  it('a 10-digit phone is masked with at least 4 digits hidden', () => {
    const text = 'DUMAS-2026-0001 NIK: 0810000000 Saya 005/001/Diskop/2026';
    expect(maskPersonalData(text, 'all')).toBe('DUMAS-2026-0001 NIK: 0810****00 Saya 005/001/Diskop/2026');
  });

  it('a 9-digit amount followed by a letter number is not a phone', () => {
    expect(findPersonalData('628100000 005/001/Diskop/2026 Saya')).toEqual([]);
  });

  it('groups that line up two valid ways are masked as one NIK, so the real one is hidden either way', () => {
    const text = 'DUMAS-2026-7100 1101 0101 0100 0001 RT 1/RW 1';
    const found = findPersonalData(text);
    expect(found.map((f) => [f.kind, f.value])).toEqual([['nik', '7100 1101 0101 0100 0001']]);
    expect(digitsOf(maskPersonalData(text, 'all'))).not.toContain('1101010101000001');
  });
});
