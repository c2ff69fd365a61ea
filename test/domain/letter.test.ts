// The reply letter's data: placeholders and their values, literal replacement under Java's rules, paragraphs,
// protected identity in drafts, layouts with values, and the gap-free letter number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import {
  SIGNING_KEYS,
  beritaAcaraValues,
  docText,
  draftValues,
  escapeReplacement,
  headTitle,
  letterFolderNames,
  nextLetterNumber,
  paragraphsOf,
  placeholderPattern,
  placeholdersIn,
  layoutLines,
  renderLayout,
  sifatOf,
  signingValues,
  singleLine,
  usedLetterNumbers,
} from '../../src/domain/letter';
import { instantAt } from '../../src/domain/time';
import { BERITA_ACARA_LAYOUT, LETTER_LAYOUT, PLACEHOLDER_HELP } from '../../src/messages/letters';
import { replaceInText } from '../emulator/docs';
import { makeComplaint } from '../bundle/registerSeed';

const s = DEFAULT_SETTINGS;
const signer = { name: 'Drs. I Wayan Sudiarta, M.Si.', rank: 'Pembina Utama Muda / IV.c', nip: '196912121994031005' };

describe('literal replacement in Docs', () => {
  it('puts hostile values in exactly, where an unescaped replacement throws or loses characters', () => {
    const template = 'Biaya: {{jawaban}}.';
    for (const value of ['Rp$1.000', 'C:\\new\\n', '$', '\\', '.*', '${name}', '$0 $9 \\$', '"kutip" \'tunggal\'']) {
      expect(replaceInText(template, placeholderPattern('jawaban'), escapeReplacement(value))).toBe(`Biaya: ${value}.`);
    }
    expect(() => replaceInText(template, '\\{\\{jawaban\\}\\}', 'Rp$5.000')).toThrow(/No group 5/);
    expect(replaceInText(template, placeholderPattern('jawaban'), 'C:\\new')).toBe('Biaya: C:new.');
  });

  it('holds for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (value) => {
        const text = `a {{nama_pengadu}} b {{nama_pengadu}}`;
        expect(replaceInText(text, placeholderPattern('nama_pengadu'), escapeReplacement(value))).toBe(
          `a ${value} b ${value}`,
        );
      }),
    );
  });

  it('matches the placeholder only, never text that merely looks like it', () => {
    expect(replaceInText('{{jawabanX}} {{jawaban}} {jawaban}', placeholderPattern('jawaban'), 'J')).toBe(
      '{{jawabanX}} J {jawaban}',
    );
  });
});

describe('text for Docs', () => {
  it('normalises line breaks, drops control characters and breaks up {{', () => {
    expect(docText('a\r\nb\rc\u0007d\u000be')).toBe('a\nb\ncde');
    expect(docText('lihat {{nomor_surat}}')).toBe('lihat { {nomor_surat}}');
    expect(placeholdersIn(docText('{{nomor_surat}} {{tanggal_surat}}'))).toEqual([]);
  });

  it('joins an address typed on several lines, keeps an answer as paragraphs (blank lines too)', () => {
    expect(singleLine('Jl. Gatot Subroto 5\r\n\n  Tabanan  ')).toBe('Jl. Gatot Subroto 5, Tabanan');
    expect(paragraphsOf('satu\n\ndua')).toEqual(['satu', '', 'dua']);
  });

  it('finds each placeholder once, in order', () => {
    expect(placeholdersIn('{{b}} x {{a}} {{b}} {{Bad}} {{c_d}}')).toEqual(['b', 'a', 'c_d']);
  });
});

describe('values of the letter', () => {
  const c = makeComplaint({
    status: 'Menunggu Tanda Tangan',
    priority: 'Segera',
    unit: 'Bidang Koperasi',
    answer: 'Satu\nDua',
  });

  it('the draft has everything but the signing values; approval adds number, date and signature block', () => {
    const draft = draftValues(c, s);
    for (const key of SIGNING_KEYS) expect(draft[key]).toBeUndefined();
    expect(draft.nama_pengadu).toBe(c.name);
    expect(draft.nomor_registrasi).toBe(c.regNumber);
    expect(draft.jawaban).toBe('Satu\nDua');
    expect(draft.sifat).toBe('Segera');
    expect(draft.hal).toBe('Jawaban Pengaduan');
    expect(draft.tembusan?.split('\n')[0]).toBe('1. Kepala Bidang Koperasi');
    const signed = signingValues(
      { ...c, letterNumber: '000.8.3.3/7/Diskopumkm/2026', letterDate: '2026-12-03' },
      s,
      signer,
      { mark: '', code: 'ABCDEFGHJK', url: '' },
    );
    expect(signed.tanda_persetujuan).toBe('');
    expect(signed.kode_verifikasi).toBe('Kode verifikasi: ABCDEFGHJK');
    expect(signed).toMatchObject({
      nomor_surat: '000.8.3.3/7/Diskopumkm/2026',
      tanggal_surat: '3 Desember 2026',
      jabatan_penandatangan: 'KEPALA DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH KABUPATEN TABANAN',
      nama_penandatangan: signer.name,
      nip_penandatangan: signer.nip,
    });
    expect(signed.nama_pengadu).toBeUndefined();
  });

  it("keeps a protected identity out of the unit's draft and puts it in the signed letter", () => {
    const anon = { ...c, privacy: 'anonim' as const };
    expect(draftValues(anon, s).nama_pengadu).toBeUndefined();
    expect(draftValues(anon, s).alamat_pengadu).toBeUndefined();
    expect(signingValues(anon, s, signer, { mark: '', code: 'X', url: '' }).nama_pengadu).toBe(c.name);
  });

  it("chooses Sifat from privacy and priority; the head's title from the settings", () => {
    expect(sifatOf({ ...c, privacy: 'rahasia' })).toBe('Rahasia');
    expect(sifatOf({ ...c, priority: '' })).toBe('Biasa');
    expect(headTitle({ ...s, governmentName: 'PEMERINTAH KABUPATEN BADUNG' })).toBe(
      'KEPALA DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH KABUPATEN BADUNG',
    );
  });

  it('every placeholder of both layouts is documented', () => {
    const used = layoutLines([...LETTER_LAYOUT, ...BERITA_ACARA_LAYOUT]).flatMap((l) => placeholdersIn(l.text));
    for (const key of used) expect(PLACEHOLDER_HELP[key], key).toBeTruthy();
  });
});

describe('layouts with values', () => {
  it('a multi-line value standing alone becomes one line per paragraph with the same style', () => {
    const c = makeComplaint({
      channel: 'Tatap Muka',
      status: 'Selesai',
      unit: 'Bidang Koperasi',
      answer: 'A $1\nB',
      closedAt: instantAt('2026-12-01', 10),
    });
    const lines = layoutLines(renderLayout(BERITA_ACARA_LAYOUT, beritaAcaraValues(c, s, signer)));
    const at = lines.findIndex((l) => l.text === 'A $1');
    expect(lines[at + 1]).toEqual({ ...lines[at], text: 'B' });
    expect(lines.some((l) => l.text.includes('{{'))).toBe(false);
    expect(lines.map((l) => l.text)).toContain('Tabanan, 1 Desember 2026');
  });

  it('without values the layout keeps its placeholders (the template)', () => {
    expect(layoutLines(renderLayout(LETTER_LAYOUT, null)).map((l) => l.text)).toContain('{{jawaban}}');
  });
});

describe('letter numbers', () => {
  const now = instantAt('2026-12-03', 10);

  it("continues the year's sequence from the register's and the letters register's number columns only", () => {
    // Voided (2) and earlier (3) letters stay in the letters register; the register's column holds current ones.
    const register = ['000.8.3.3/1/Diskopumkm/2026', '', '000.8.3.3/40/Diskopumkm/2025'];
    const letters = ['000.8.3.3/1/Diskopumkm/2026', '000.8.3.3/2/Diskopumkm/2026', '000.8.3.3/3/Diskopumkm/2026'];
    const used = usedLetterNumbers(register, letters);
    expect(used).toEqual(expect.arrayContaining(['000.8.3.3/2/Diskopumkm/2026', '000.8.3.3/3/Diskopumkm/2026']));
    expect(nextLetterNumber(used, s, now)).toBe('000.8.3.3/4/Diskopumkm/2026');
    // A number typed in a follow-up note is not an issued letter: it never moves the sequence.
    expect(nextLetterNumber(usedLetterNumbers(register, []), s, now)).toBe('000.8.3.3/2/Diskopumkm/2026');
    expect(nextLetterNumber([], s, now)).toBe('000.8.3.3/1/Diskopumkm/2026');
    // A new year starts again at 1 (WITA: 31 Dec 16:30 UTC is already 1 January).
    expect(nextLetterNumber(used, s, new Date(Date.UTC(2026, 11, 31, 16, 30)))).toBe('000.8.3.3/1/Diskopumkm/2027');
  });

  it('follows the pattern and codes of the settings', () => {
    const custom = {
      ...s,
      letterPattern: '{class}/{seq:3}/{unit}/{romanMonth}/{year}',
      letterClassCode: '500',
      letterUnitCode: 'KOP',
    };
    expect(nextLetterNumber(['500/009/KOP/XI/2026'], custom, now)).toBe('500/010/KOP/XII/2026');
  });

  it('puts letters in year and month folders', () => {
    expect(letterFolderNames('2026-12-03')).toEqual({ year: '2026', month: '12 Desember' });
  });
});
