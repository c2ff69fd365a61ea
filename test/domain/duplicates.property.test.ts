// Possible duplicates: the subject similarity (token Jaccard on normalized words, stop list, threshold 0.5, 2 shared
// words) is symmetric, bounded, blind to case, accents, punctuation, numbers and stop words; identity matches need
// the same NIK, canonical phone or email; nothing outside the window is listed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SUBJECT_SIMILARITY_THRESHOLD,
  duplicateReasons,
  jaccard,
  possibleDuplicates,
  similarSubjects,
  subjectWords,
  type DuplicateProbe,
} from '../../src/domain/duplicates';
import { addDays, instantAt } from '../../src/domain/time';
import { SUBJECT_STOP_WORDS } from '../../src/messages/duplicates';

const RUNS = 500;
const CONTENT = [
  'bantuan',
  'modal',
  'koperasi',
  'simpan',
  'pinjam',
  'pelatihan',
  'umkm',
  'izin',
  'usaha',
  'desa',
  'kediri',
  'penyaluran',
  'terlambat',
  'pengurus',
  'anggota',
  'dana',
  'hibah',
];
const content = fc.constantFrom(...CONTENT);
const stop = fc.constantFrom(...SUBJECT_STOP_WORDS);
const subject = fc.array(fc.oneof(content, stop), { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));

describe('subject words', () => {
  it('ignore case, accents, punctuation, numbers and stop words', () => {
    fc.assert(
      fc.property(fc.array(content, { minLength: 1, maxLength: 6 }), fc.array(stop), (words, stops) => {
        const plain = words.join(' ');
        const noisy = `${stops.join(' ')} ${words.map((w) => w.toUpperCase()).join(', ')} 2026! ${stops.join(' ')}`;
        expect(subjectWords(noisy)).toEqual(subjectWords(plain));
      }),
      { numRuns: RUNS },
    );
    expect(subjectWords('Pengaduan tentang Bantúan Modal (Koperasi), 2026 di desa')).toEqual([
      'bantuan',
      'modal',
      'koperasi',
      'desa',
    ]);
  });
});

describe('subject similarity', () => {
  it('is symmetric and between 0 and 1; a subject with 2+ words is similar to itself', () => {
    fc.assert(
      fc.property(subject, subject, (a, b) => {
        const wa = subjectWords(a);
        const wb = subjectWords(b);
        const j = jaccard(wa, wb);
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        expect(jaccard(wb, wa)).toBe(j);
        expect(similarSubjects(a, b)).toBe(similarSubjects(b, a));
        expect(similarSubjects(a, a)).toBe(wa.length >= 2);
      }),
      { numRuns: RUNS },
    );
  });

  it('similar exactly when 2+ shared words and the Jaccard index reaches the threshold', () => {
    fc.assert(
      fc.property(subject, subject, (a, b) => {
        const wa = new Set(subjectWords(a));
        const wb = new Set(subjectWords(b));
        const shared = [...wa].filter((w) => wb.has(w)).length;
        const union = new Set([...wa, ...wb]).size;
        const expected = shared >= 2 && union > 0 && shared / union >= SUBJECT_SIMILARITY_THRESHOLD;
        expect(similarSubjects(a, b)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('examples: the same matter in other words is similar, another matter is not', () => {
    expect(similarSubjects('Bantuan modal koperasi terlambat', 'Keterlambatan bantuan modal untuk koperasi')).toBe(
      true,
    );
    expect(similarSubjects('Bantuan modal koperasi', 'Izin usaha UMKM')).toBe(false);
    // One shared word is not enough, however short the subjects.
    expect(similarSubjects('Koperasi', 'Pengaduan koperasi')).toBe(false);
  });
});

const base: DuplicateProbe = {
  regNumber: 'DUMAS-2026-0001',
  receivedAt: instantAt('2026-12-01', 9),
  nik: '5102015501900002',
  phoneCanonical: '+6281234567890',
  email: 'sari@example.com',
  subject: 'Bantuan modal koperasi',
};
const other = (p: Partial<DuplicateProbe>): DuplicateProbe => ({
  regNumber: 'DUMAS-2026-0099',
  receivedAt: instantAt('2026-12-03', 9),
  nik: '',
  phoneCanonical: '',
  email: '',
  subject: 'Izin usaha',
  ...p,
});

describe('duplicate reasons', () => {
  it('the same NIK (spaces ignored), canonical phone or email (case ignored)', () => {
    expect(duplicateReasons(base, other({ nik: '5102 0155 0190 0002' }))).toEqual(['nik']);
    expect(duplicateReasons(base, other({ phoneCanonical: '+6281234567890' }))).toEqual(['phone']);
    expect(duplicateReasons(base, other({ email: ' SARI@example.com' }))).toEqual(['email']);
    expect(duplicateReasons(base, other({ subject: 'Modal bantuan koperasi' }))).toEqual(['subject']);
    expect(duplicateReasons(base, other({}))).toEqual([]);
    // Empty and malformed identity never matches.
    expect(duplicateReasons({ ...base, nik: '123', phoneCanonical: '', email: '' }, other({ nik: '123' }))).toEqual([]);
  });

  it('lists only complaints within the window, never the complaint itself, most reasons first', () => {
    const days = fc.integer({ min: -60, max: 60 });
    fc.assert(
      fc.property(
        fc.array(days, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 45 }),
        (offsets, window) => {
          const others = offsets.map((d, i) =>
            other({
              regNumber: `DUMAS-2026-${String(i + 2).padStart(4, '0')}`,
              receivedAt: instantAt(addDays('2026-12-01', d), 10),
              email: i % 2 === 0 ? base.email : '',
              nik: i % 3 === 0 ? base.nik : '',
            }),
          );
          const found = possibleDuplicates(base, [base, ...others], window, 100);
          expect(found.some((m) => m.complaint.regNumber === base.regNumber)).toBe(false);
          for (const m of found) {
            const i = others.indexOf(m.complaint);
            expect(Math.abs(offsets[i])).toBeLessThanOrEqual(window);
            expect(m.reasons.length).toBeGreaterThan(0);
          }
          const expected = others.filter(
            (o, i) => Math.abs(offsets[i]) <= window && duplicateReasons(base, o).length > 0,
          );
          expect(found.length).toBe(expected.length);
          for (let k = 1; k < found.length; k++) {
            expect(found[k - 1].reasons.length).toBeGreaterThanOrEqual(found[k].reasons.length);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a new complaint (no number yet) is compared with every row', () => {
    const found = possibleDuplicates({ ...base, regNumber: '' }, [base], 30);
    expect(found.map((m) => m.reasons)).toEqual([['nik', 'phone', 'email', 'subject']]);
  });
});
