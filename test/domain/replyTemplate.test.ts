// Canned replies filled like the letter: known placeholders replaced once, values never read as placeholders,
// identity as the draft letter shows it, unknown keys listed; the sheet's rows parsed with Aktif respected.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import { fillReply, parseReplyTemplates, replyValues } from '../../src/domain/replyTemplate';
import { complaintIn } from './fixtures';

describe('canned replies', () => {
  it('fills the letter placeholders of the complaint', () => {
    const c = complaintIn('Ditindaklanjuti');
    const r = fillReply(
      'Yth. {{nama_pengadu}},\npengaduan {{nomor_registrasi}} ({{perihal_pengaduan}}) diterima {{tanggal_diterima}} dan ditangani {{unit}}.',
      replyValues(c, DEFAULT_SETTINGS),
    );
    expect(r.text).toBe(
      'Yth. Ni Luh Putu Sari,\npengaduan DUMAS-2026-0001 (Bantuan modal koperasi) diterima 2 November 2026 dan ditangani Bidang UMKM.',
    );
    expect(r.unknown).toEqual([]);
  });

  it('a complainant who typed placeholders gets them as text: one pass, "{{" broken up', () => {
    const c = { ...complaintIn('Ditindaklanjuti'), subject: '{{nama_instansi}} ${1} $& \\', name: '{{unit}}' };
    const r = fillReply('{{perihal_pengaduan}} / {{nama_pengadu}}', replyValues(c, DEFAULT_SETTINGS));
    expect(r.text).toBe('{ {nama_instansi}} ${1} $& \\ / { {unit}}');
    expect(r.text).not.toContain('Dinas Koperasi');
  });

  it('anonim and rahasia: the name and address as the draft letter shows them, never the real ones', () => {
    for (const privacy of ['anonim', 'rahasia'] as const) {
      const c = { ...complaintIn('Ditindaklanjuti'), privacy };
      const r = fillReply('{{nama_pengadu}} — {{alamat_pengadu}}', replyValues(c, DEFAULT_SETTINGS));
      expect(r.text).toBe('Bapak/Ibu Pengadu — -');
    }
  });

  it('lists unknown keys and those of the signed letter, and leaves them in place', () => {
    const r = fillReply(
      '{{nomor_surat}} {{jawaban}} {{nama}}',
      replyValues(complaintIn('Ditindaklanjuti'), DEFAULT_SETTINGS),
    );
    expect(r.unknown).toEqual(['nomor_surat', 'jawaban', 'nama']);
    expect(r.text).toBe('{{nomor_surat}} {{jawaban}} {{nama}}');
  });

  it('parses the sheet: title and text required, Aktif "Tidak" left out, the first of a title kept', () => {
    expect(
      parseReplyTemplates([
        ['Satu', 'Teks satu', 'Ya'],
        ['', 'tanpa judul', 'Ya'],
        ['Dua', '  ', 'Ya'],
        ['Tiga', 'Teks tiga', 'Tidak'],
        ['Satu', 'Teks lain', ''],
        ['Empat', 'Teks empat', ''],
      ]),
    ).toEqual([
      { title: 'Satu', text: 'Teks satu' },
      { title: 'Empat', text: 'Teks empat' },
    ]);
  });
});
