// End to end through the built bundle: a NIK, phone and email written into the description and notes are flagged at
// intake, masked in the sidebars as the identity is, never in a digest, released by the Ketua Tim (audited), purged.
import { beforeEach, describe, expect, it } from 'vitest';
import { columnOf } from '../../src/gas/registerColumns';
import { cellText } from '../../src/lib/cells';
import { openOffice, PEOPLE, type Office } from './office';
import {
  STATUS_URL,
  complaintOf,
  complaints,
  formAnswers,
  person,
  ratingLinkFor,
  setSetting,
  setting,
  walkIn,
} from './publicHelpers';
import { act, letterAt, type ActResult } from './workflowOffice';

const NIK_IN_TEXT = '5102 0145 0690 0007';
const PHONE_IN_TEXT = '+62 812-3456-7001';
const EMAIL_IN_TEXT = 'wayan.tetangga@contoh.id';
const DESCRIPTION = `Pengurus koperasi menahan simpanan saya. NIK saya ${NIK_IN_TEXT}, hubungi ${PHONE_IN_TEXT} atau ${EMAIL_IN_TEXT}.`;

const digits = (s: string) => s.replace(/\D/g, '');
/** Neither the value as written nor its digits appear in `text`. */
function absent(text: string): void {
  for (const v of [NIK_IN_TEXT, PHONE_IN_TEXT, EMAIL_IN_TEXT]) {
    expect(text).not.toContain(v);
    if (v !== EMAIL_IN_TEXT) expect(digits(text)).not.toContain(digits(v));
  }
}

interface Loaded {
  ok: boolean;
  message?: string;
  complaint?: { description: string; followUpNotes: string; actions: { name: string }[]; version: number };
}

let office: Office;
beforeEach(() => {
  office = openOffice();
});

function flags(reg: string): string {
  return cellText(complaintOf(office, reg).verificationFlags);
}

function submitOnline(privacy: string): string {
  const formId = setting(office, 'id_formulir');
  office.emu.forms.submit(formId, {
    ...formAnswers(person(7)),
    'Uraian Pengaduan': DESCRIPTION,
    'Kerahasiaan Identitas': privacy,
  });
  return complaints(office).at(-1)!.regNumber;
}

describe('personal data in free text, through the bundle', () => {
  it('is flagged at intake (Perlu Verifikasi and the audit note), the text itself stored exactly as written', () => {
    const reg = submitOnline('anonim — identitas saya hanya diketahui Tim Pengaduan');
    const c = complaintOf(office, reg);
    expect(c.description).toBe(DESCRIPTION);
    expect(flags(reg)).toContain('Data pribadi dalam teks: NIK, nomor telepon, email (Uraian Pengaduan)');
    const logged = office.sheetValues('Log Audit').find((r) => r[4] === reg && r[3] === 'Dicatat');
    expect(cellText(logged?.[7])).toContain('Data pribadi dalam teks');
    // The receipt to the complainant and the notice to the team carry none of it.
    for (const m of office.emu.mail.outbox) absent(`${m.subject}\n${m.body}\n${m.htmlBody ?? ''}`);
  });

  it('a note typed later is flagged too, and masked for those who may not see the identity', () => {
    const reg = letterAt(office, 'Didisposisikan', { privacy: 'anonim', description: 'Simpanan tidak dikembalikan.' });
    expect(flags(reg)).not.toContain('Data pribadi dalam teks');
    const r = act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', {
      note: `Pengadu minta dihubungi di ${PHONE_IN_TEXT}, NIK ${NIK_IN_TEXT}.`,
    });
    expect(r.ok, r.message).toBe(true);
    expect(flags(reg)).toContain('Data pribadi dalam teks: NIK, nomor telepon (Catatan Tindak Lanjut)');
    // The unit and the Kepala Dinas do not see an anonymous complainant's identity: nor the data in the text.
    for (const who of [PEOPLE.koperasi, PEOPLE.kadis]) {
      const seen = office.as<Loaded>(who, 'openWorkflowComplaint', 'riwayat', reg);
      expect(seen.ok, seen.message).toBe(true);
      absent(JSON.stringify(seen));
    }
    // The Ketua Tim sees the identity: the phone, but the NIK masked as in the NIK column.
    const ketua = office.as<Loaded>(PEOPLE.ketua, 'openWorkflowComplaint', 'riwayat', reg);
    expect(ketua.complaint?.followUpNotes).toContain(PHONE_IN_TEXT);
    expect(ketua.complaint?.followUpNotes).toContain('5102********0007');
    expect(digits(JSON.stringify(ketua))).not.toContain(digits(NIK_IN_TEXT));
  });

  it('never travels in a digest, whoever reads it', () => {
    const reg = letterAt(office, 'Didisposisikan', { subject: '', description: DESCRIPTION });
    office.emu.mail.clear();
    // Its deadline (5 working days after 30 Nov 2026) is 7 Dec: that morning it is due today.
    office.emu.fireTimeTriggers('2026-12-07T07:30:00+08:00');
    const digests = office.emu.mail.outbox.filter((m) => m.subject.includes('Pengingat batas waktu'));
    expect(digests.length).toBeGreaterThanOrEqual(2); // the Ketua Tim and the unit
    for (const m of digests) {
      expect(m.body).toContain(reg);
      expect(m.body).toContain('[NIK]');
      absent(`${m.subject}\n${m.body}\n${m.htmlBody ?? ''}`);
      expect(m.body).not.toContain('5102********0007');
    }
  });

  it('the Ketua Tim releases a false positive: the flag goes, the release is in the audit log, later data is caught again', () => {
    const reg = letterAt(office, 'Didisposisikan', {
      description: `Dana ditransfer ke rekening koperasi, kode transaksi ${'5102014506900007'}.`,
    });
    expect(flags(reg)).toContain('Data pribadi dalam teks: NIK (Uraian Pengaduan)');
    // Only the Ketua Tim may release.
    const refused = act(office, PEOPLE.koperasi, 'lepasDataPribadi', reg, 'releasePersonalData', {
      note: 'Bukan NIK.',
    });
    expect(refused.ok).toBe(false);
    expect(act(office, PEOPLE.ketua, 'lepasDataPribadi', reg, 'releasePersonalData', { note: '' }).ok).toBe(false);
    const released: ActResult = act(office, PEOPLE.ketua, 'lepasDataPribadi', reg, 'releasePersonalData', {
      note: 'Kode transaksi bank, bukan NIK.',
    });
    expect(released.ok, released.message).toBe(true);
    expect(flags(reg)).not.toContain('Data pribadi dalam teks:');
    expect(flags(reg)).toContain('Bukan data pribadi (dilepas Ketua Tim): 5102********0007');
    const audit = office.sheetValues('Log Audit').filter((r) => r[4] === reg && r[3] === 'Lepas tanda data pribadi');
    expect(audit).toHaveLength(1);
    expect(audit[0].slice(1, 3)).toEqual([PEOPLE.ketua, 'KETUA']);
    expect(cellText(audit[0][7])).toBe('Kode transaksi bank, bukan NIK.');
    // Released: shown as written to those who may read the content.
    const seen = office.as<Loaded>(PEOPLE.kadis, 'openWorkflowComplaint', 'riwayat', reg);
    expect(seen.complaint?.description).toContain('5102014506900007');
    // Nothing left to release; a phone number written later is flagged again.
    const again = act(office, PEOPLE.ketua, 'lepasDataPribadi', reg, 'releasePersonalData', { note: 'Lagi.' });
    expect(again.ok).toBe(false);
    expect(act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', { note: `WA ${PHONE_IN_TEXT}` }).ok).toBe(
      true,
    );
    expect(flags(reg)).toContain('Data pribadi dalam teks: nomor telepon (Catatan Tindak Lanjut)');
  });

  it('is removed from the text of the register by the purge, with the identity', () => {
    const reg = letterAt(office, 'Ditindaklanjuti', { description: DESCRIPTION });
    const forward = act(office, PEOPLE.ketua, 'alihkan', reg, 'forward', {
      forwardedTo: 'Dinas Koperasi Provinsi Bali',
      forwardNote: `Pengadu dapat dihubungi di ${EMAIL_IN_TEXT}.`,
    });
    expect(forward.ok, forward.message).toBe(true);
    office.emu.clock.set('2028-12-01T08:00:00+08:00');
    office.as(PEOPLE.admin, 'previewPurge');
    expect(office.emu.ui.alerts.at(-1)!.message).toContain('data pribadi dalam Uraian');
    office.emu.ui.answerNext('YES');
    office.as(PEOPLE.admin, 'purgePersonalData');
    const row = office.sheetValues('Register').find((r) => r[0] === reg)!;
    const text = ['description', 'followUpNotes', 'forwardNote', 'verificationFlags']
      .map((f) => cellText(row[columnOf(f as Parameters<typeof columnOf>[0]) - 1]))
      .join('\n');
    absent(text);
    expect(text).toContain('NIK saya [NIK], hubungi [nomor telepon] atau [email].');
    expect(text).not.toContain('Data pribadi dalam teks:');
    const entry = office.sheetValues('Log Audit').find((r) => r[4] === reg && r[3] === 'Hapus Data Pribadi')!;
    expect((JSON.parse(String(entry[5])) as { dihapus: string[] }).dihapus).toEqual(
      expect.arrayContaining(['description', 'forwardNote']),
    );
  });

  it("a rating comment with a NIK: the Ketua Tim's email masks it, the audit row flags it, the purge strips it", () => {
    setSetting(office, 'url_halaman_status', STATUS_URL);
    const p = person(8);
    const reg = walkIn(office, p, true);
    const link = ratingLinkFor(office, p.email);
    office.emu.mail.clear();
    const rated = office.web<{ ok: boolean; message: string }>('submitRating', {
      regNumber: link.searchParams.get('no'),
      token: link.searchParams.get('t'),
      score: 2,
      resolved: false,
      comment: `Belum beres. NIK saya ${NIK_IN_TEXT}, WA ${PHONE_IN_TEXT}.`,
    });
    expect(rated.ok, rated.message).toBe(true);
    const toKetua = office.emu.mail.outbox.find((m) => m.to.includes(PEOPLE.ketua))!;
    expect(toKetua.body).toContain('5102********0007');
    expect(digits(toKetua.body)).not.toContain(digits(NIK_IN_TEXT));
    const logged = office.sheetValues('Log Audit').find((r) => r[4] === reg && r[3] === 'Permintaan Buka Kembali')!;
    expect(cellText(logged[7])).toContain('komentar memuat data pribadi');
    office.emu.clock.set('2028-12-01T08:00:00+08:00');
    office.emu.ui.answerNext('YES');
    office.as(PEOPLE.admin, 'purgePersonalData');
    const comment = cellText(office.sheetValues('Penilaian').find((r) => r[1] === reg)![6]);
    expect(comment).toBe('Belum beres. NIK saya [NIK], WA [nomor telepon].');
  });
});
