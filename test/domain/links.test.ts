// Links between complaints: a duplicate points to one main complaint that is not itself a duplicate (no chains,
// no cycles), only an open complaint closes as a duplicate; related links go both ways, once, within a bound; the
// history's lines name the main complaint, its duplicates and the related ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_RELATED,
  duplicateRefusal,
  duplicatesOf,
  formatLinkList,
  linkLines,
  linkText,
  parseLinkList,
  relatedRefusal,
  relatedWith,
  type Linkable,
} from '../../src/domain/links';

const c = (regNumber: string, p: Partial<Linkable> = {}): Linkable => ({
  regNumber,
  status: 'Diterima',
  duplicateOf: '',
  relatedTo: '',
  ...p,
});

describe('link cells', () => {
  it('parse what people type and write one form', () => {
    expect(parseLinkList(' dumas-2026-0001,DUMAS-2026-0002;  DUMAS-2026-0001 ')).toEqual([
      'DUMAS-2026-0001',
      'DUMAS-2026-0002',
    ]);
    expect(parseLinkList('')).toEqual([]);
    expect(formatLinkList(['A', 'B'])).toBe('A, B');
  });

  it('round-trip any list of numbers', () => {
    const num = fc.integer({ min: 1, max: 9999 }).map((n) => `DUMAS-2026-${String(n).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.uniqueArray(num, { maxLength: 25 }), (list) => {
        expect(parseLinkList(formatLinkList(list))).toEqual(list);
      }),
    );
  });
});

describe('duplicate of', () => {
  const main = c('DUMAS-2026-0001', { status: 'Didisposisikan' });
  const dup = c('DUMAS-2026-0005');

  it('an open complaint may point to a main complaint', () => {
    expect(duplicateRefusal(dup, main, [main, dup])).toBeNull();
  });

  it('refuses itself, a closed one, a second main, a main that is a duplicate, and a main of others', () => {
    expect(duplicateRefusal(dup, dup, [dup])).toBe('Pengaduan tidak dapat ditautkan dengan dirinya sendiri.');
    expect(duplicateRefusal({ ...dup, status: 'Selesai' }, main, [])).toBe(
      'DUMAS-2026-0005 sudah Selesai; hanya pengaduan yang masih terbuka yang dapat ditutup sebagai duplikat.',
    );
    expect(duplicateRefusal({ ...dup, duplicateOf: 'DUMAS-2026-0002' }, main, [])).toBe(
      'DUMAS-2026-0005 sudah ditandai duplikat dari DUMAS-2026-0002.',
    );
    const mainDup = { ...main, duplicateOf: 'DUMAS-2026-0000' };
    expect(duplicateRefusal(dup, mainDup, [])).toBe(
      'DUMAS-2026-0001 sendiri adalah duplikat dari DUMAS-2026-0000; tautkan ke DUMAS-2026-0000, pengaduan utamanya.',
    );
    const child = c('DUMAS-2026-0009', { duplicateOf: dup.regNumber, status: 'Selesai' });
    expect(duplicateRefusal(dup, main, [main, dup, child])).toBe(
      'DUMAS-2026-0005 adalah pengaduan utama bagi DUMAS-2026-0009; pengaduan utama tidak dapat ditandai sebagai duplikat.',
    );
  });

  it('no sequence of allowed markings makes a chain or a cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 30 }), (pairs) => {
        const all = Array.from({ length: 8 }, (_, i) => c(`N${i}`));
        for (const [a, b] of pairs) {
          if (duplicateRefusal(all[a], all[b], all) === null) all[a] = { ...all[a], duplicateOf: all[b].regNumber };
        }
        for (const x of all) {
          if (x.duplicateOf === '') continue;
          const target = all.find((y) => y.regNumber === x.duplicateOf);
          expect(target?.duplicateOf).toBe('');
        }
      }),
    );
  });
});

describe('related to', () => {
  it('goes both ways once, within the bound', () => {
    const a = c('DUMAS-2026-0001');
    const b = c('DUMAS-2026-0002');
    expect(relatedRefusal(a, b)).toBeNull();
    const a2 = { ...a, relatedTo: relatedWith(a, b.regNumber) };
    const b2 = { ...b, relatedTo: relatedWith(b, a.regNumber) };
    expect(a2.relatedTo).toBe('DUMAS-2026-0002');
    expect(relatedRefusal(a2, b2)).toBe('DUMAS-2026-0001 sudah terkait dengan DUMAS-2026-0002.');
    expect(relatedWith(a2, 'dumas-2026-0002')).toBe('DUMAS-2026-0002');
    const full = c('X', { relatedTo: formatLinkList(Array.from({ length: MAX_RELATED }, (_, i) => `R${i}`)) });
    expect(relatedRefusal(a, full)).toBe(`X sudah terkait dengan ${MAX_RELATED} pengaduan (batas).`);
  });
});

describe('history lines', () => {
  it('name the main complaint, the duplicates and the related ones', () => {
    const main = c('M', { relatedTo: 'R1, R2' });
    const d1 = c('D1', { duplicateOf: 'M' });
    const d2 = c('D2', { duplicateOf: 'M' });
    const all = [main, d1, d2];
    expect(duplicatesOf('M', all)).toEqual(['D1', 'D2']);
    expect(linkLines(main, all)).toEqual([
      { label: 'Duplikatnya', regNumbers: ['D1', 'D2'] },
      { label: 'Terkait dengan', regNumbers: ['R1', 'R2'] },
    ]);
    expect(linkText(d1, all)).toBe('Duplikat dari M');
    expect(linkText(c('Z'), all)).toBe('');
  });
});
