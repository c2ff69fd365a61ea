// Categories: the Kategori sheet read (empty, inactive and doubled rows, unknown units reported), a category chosen by
// staff (known or refused in Indonesian), a public-form pick kept or dropped, the suggested unit; counts by channel
// and category in the report's order.
import { describe, expect, it } from 'vitest';
import {
  chooseCategory,
  findCategory,
  formCategory,
  parseCategories,
  suggestedUnitFor,
} from '../../src/domain/category';
import { countByChannelAndCategory } from '../../src/domain/grouping';

const UNITS = ['Sekretariat', 'Bidang Koperasi', 'Bidang UMKM'];

describe('Kategori sheet', () => {
  const parsed = parseCategories(
    [
      ['Koperasi', 'Badan hukum, RAT', 'bidang  koperasi', 'Ya'],
      ['  UMKM ', 'Izin usaha', 'Bidang UMKM', ''],
      ['', 'no name', 'Sekretariat', 'Ya'],
      ['Lama', 'tidak dipakai', 'Sekretariat', 'Tidak'],
      ['Dicentang mati', '', 'Sekretariat', false],
      ['koperasi', 'doubled', 'Sekretariat', 'Ya'],
      ['Lainnya', '', 'Bidang Pariwisata', 'Ya'],
      ['Umum', '', '', 'Ya'],
    ],
    UNITS,
  );

  it('keeps active rows, the first of a doubled name, the unit as the Unit sheet spells it', () => {
    expect(parsed.categories).toEqual([
      { name: 'Koperasi', description: 'Badan hukum, RAT', suggestedUnit: 'Bidang Koperasi' },
      { name: 'UMKM', description: 'Izin usaha', suggestedUnit: 'Bidang UMKM' },
      { name: 'Lainnya', description: '', suggestedUnit: '' },
      { name: 'Umum', description: '', suggestedUnit: '' },
    ]);
  });

  it('reports a doubled name and an unknown unit for the Ketua Tim', () => {
    expect(parsed.problems).toEqual([
      'Kategori "koperasi" tertulis lebih dari sekali; yang pertama dipakai.',
      'Kategori "Lainnya": unit yang disarankan "Bidang Pariwisata" tidak ada di sheet "Unit"; tidak ada unit yang disarankan.',
    ]);
  });

  it('finds, chooses and suggests without case or extra spaces', () => {
    const cats = parsed.categories;
    expect(findCategory(' umkm', cats)?.name).toBe('UMKM');
    expect(findCategory('', cats)).toBeNull();
    expect(chooseCategory('KOPERASI', cats)).toEqual({ ok: true, value: 'Koperasi' });
    expect(chooseCategory('  ', cats)).toEqual({ ok: true, value: '' });
    expect(chooseCategory('Pariwisata', cats)).toEqual({
      ok: false,
      message: 'Kategori "Pariwisata" tidak ada di sheet "Kategori". Pilihan: Koperasi, UMKM, Lainnya, Umum.',
    });
    expect(formCategory('umkm', cats)).toBe('UMKM');
    expect(formCategory('=HYPERLINK("x")', cats)).toBe('');
    expect(suggestedUnitFor('koperasi', cats)).toBe('Bidang Koperasi');
    expect(suggestedUnitFor('Umum', cats)).toBe('');
    expect(suggestedUnitFor('', cats)).toBe('');
  });
});

describe('counts by channel and category', () => {
  it('every channel listed, categories in the sheet order, retired ones after, none last', () => {
    const { categories } = parseCategories([['UMKM'], ['Koperasi']], UNITS);
    const counts = countByChannelAndCategory(
      [
        { channel: 'Surat', category: 'Koperasi' },
        { channel: 'SP4N-LAPOR!', category: '' },
        { channel: 'SP4N-LAPOR!', category: 'Lama' },
        { channel: 'Surat', category: 'Koperasi' },
      ],
      ['Surat', 'Tatap Muka', 'Formulir Online', 'SP4N-LAPOR!'],
      categories,
    );
    expect(counts.byChannel).toEqual([
      { key: 'Surat', count: 2 },
      { key: 'Tatap Muka', count: 0 },
      { key: 'Formulir Online', count: 0 },
      { key: 'SP4N-LAPOR!', count: 2 },
    ]);
    expect(counts.byCategory).toEqual([
      { key: 'UMKM', count: 0 },
      { key: 'Koperasi', count: 2 },
      { key: 'Lama', count: 1 },
      { key: '', count: 1 },
    ]);
  });
});
