// End to end through the built bundle: the reply letter from disposition to Selesai (Doc, PDF, email), the layout
// in the Doc and the PDF, hostile answers, gap-free numbers, idempotent draft and approval, scan upload, hand
// delivery, berita acara, template setup; with the service calls of one draft and one delivery.
import { beforeEach, describe, expect, it } from 'vitest';
import { pdfToText } from '../emulator/pdf';
import { openOffice, PEOPLE, type Office } from './office';
import { setSetting } from './publicHelpers';
import { LETTER, letterAt, recordLetter, registerRow, WALK_IN_ON_SPOT } from './workflowOffice';

interface LetterView {
  regNumber: string;
  version: number;
  status: string;
  replyDocUrl: string;
  letterNumber: string;
  actions: string[];
}
type Result = { ok: boolean; message: string; warnings?: string[]; letter: LetterView | null; url?: string };

const ANSWER =
  'Pendampingan koperasi dijadwalkan Kamis, 3 Desember 2026.\nPetugas kami akan datang ke kantor koperasi Saudara.';
const HOSTILE_LINE = `Biaya Rp$1.000 ($5) dibayar di C:\\new\\n lalu .* dan (a|b)+ "kutip" 'tunggal' \\ $ {{x}} `;

function run(
  office: Office,
  who: string,
  action: string,
  regNumber: string,
  extra: Record<string, unknown> = {},
): Result {
  const version = Number(registerRow(office, regNumber)['Versi']);
  return office.as<Result>(who, 'runLetterAction', { action, regNumber, version, ...extra });
}

/** The same call with the version read beforehand, so a measurement counts only the bundle's calls. */
function measured(office: Office, who: string, action: string, regNumber: string, extra: Record<string, unknown> = {}) {
  const version = Number(registerRow(office, regNumber)['Versi']);
  return office.emu.calls.measure(() =>
    office.as<Result>(who, 'runLetterAction', { action, regNumber, version, ...extra }),
  );
}

function must(r: Result, what: string): Result {
  expect(r.ok, `${what}: ${r.message}`).toBe(true);
  return r;
}

function docIdOf(url: string): string {
  const m = /\/document\/d\/([^/]+)/.exec(url);
  if (!m) throw new Error(`no doc id in ${url}`);
  return m[1];
}

/** Letters and PDFs in Drive (the template excluded), live ones only. */
function letterFiles(office: Office) {
  const files = office.emu.drive.files().filter((f) => !f.trashed);
  return {
    docs: files.filter(
      (f) => f.mimeType === 'application/vnd.google-apps.document' && !f.name.startsWith('Dumas — Templat'),
    ),
    pdfs: files.filter((f) => f.mimeType === 'application/pdf'),
  };
}

function auditCount(office: Office, regNumber: string): number {
  return office.sheetValues('Log Audit').filter((r) => r[4] === regNumber).length;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Every element of the official layout, with this complaint's data. */
function expectLayout(text: string, reg: string, letterNumber: string): void {
  const t = squash(text);
  for (const part of [
    'PEMERINTAH KABUPATEN TABANAN',
    'DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH',
    'Jl. Pulau Seribu No. 25, Tabanan 82111',
    '(0361) 7991837',
    'diskopumkmtbn@yahoo.co.id',
    'diskopumkm.tabanankab.go.id',
    'Tabanan, 30 November 2026',
    `Nomor : ${letterNumber}`,
    'Sifat : Segera',
    'Lampiran : -',
    'Hal : Jawaban Pengaduan',
    `Yth. ${LETTER.name}`,
    LETTER.address,
    'di – Tempat',
    `pada tanggal 30 November 2026 dengan nomor registrasi ${reg}`,
    `perihal ${LETTER.subject}`,
    'Pendampingan koperasi dijadwalkan Kamis, 3 Desember 2026.',
    'Demikian jawaban ini kami sampaikan.',
    'KEPALA DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH KABUPATEN TABANAN,',
    'Drs. I Wayan Sudiarta, M.Si.',
    'Pembina Utama Muda / IV.c',
    'NIP. 196912121994031005',
    'Kode verifikasi:',
    'Tembusan:',
    '1. Kepala Bidang Koperasi',
  ]) {
    expect(t, part).toContain(part);
  }
  expect(text).not.toContain('{{');
  expect(text).not.toContain(LETTER.nik);
}

describe('the reply letter through the built bundle', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
  });

  it('goes from disposition to Selesai with one Doc, one PDF, one email with the PDF, and the closing facts', async () => {
    // Signing mode "tanda persetujuan": the approval mark printed at approval is the letter's signature.
    setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
    setSetting(office, 'url_halaman_status', 'https://script.google.com/macros/s/AKfycbDumas/exec');
    const reg = letterAt(office, 'Didisposisikan');
    office.emu.mail.clear();
    const draft = measured(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER });
    must(draft.result, 'draft');
    console.log(`one draft: ${draft.calls} calls (${draft.simulatedMs} ms)\n${JSON.stringify(draft.counts)}`);
    let row = registerRow(office, reg);
    expect(row['Status']).toBe('Konsep Jawaban');
    const url = String(row['Konsep Surat']);
    expect(url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(letterFiles(office).docs).toHaveLength(1);
    // The draft waits for the number, date, signature, mark and verification: the only placeholders left.
    const draftText = office.emu.docs.document(docIdOf(url)).body;
    expect(draftText.match(/\{\{[a-z_]+\}\}/g)?.sort()).toEqual(
      [
        '{{jabatan_penandatangan}}',
        '{{nama_penandatangan}}',
        '{{nip_penandatangan}}',
        '{{nomor_surat}}',
        '{{pangkat_penandatangan}}',
        '{{tanggal_surat}}',
        '{{tanda_persetujuan}}',
        '{{kode_verifikasi}}',
        '{{tautan_verifikasi}}',
        '{{qr_verifikasi}}',
      ].sort(),
    );
    // The Doc sits in the year/month folder under the letters folder.
    const docFile = office.emu.drive.files().find((f) => f.id === docIdOf(url))!;
    const month = office.emu.drive.files().find((f) => f.id === docFile.parents[0])!;
    expect(month.name).toBe('11 November');

    must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
    expect(registerRow(office, reg)['Status']).toBe('Menunggu Tanda Tangan');
    const sign = measured(office, PEOPLE.kadis, 'sign', reg);
    const signed = must(sign.result, 'sign');
    console.log(`one approval: ${sign.calls} calls (${sign.simulatedMs} ms)\n${JSON.stringify(sign.counts)}`);
    expect(signed.warnings).toEqual([]);
    row = registerRow(office, reg);
    expect(row['No. Surat Jawaban']).toBe('000.8.3.3/1/Diskopumkm/2026');
    expect(row['Ditandatangani Oleh']).toBe(PEOPLE.kadis);
    expect(letterFiles(office).pdfs).toHaveLength(1);

    const deliver = measured(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' });
    must(deliver.result, 'deliver');
    console.log(`one delivery: ${deliver.calls} calls (${deliver.simulatedMs} ms)\n${JSON.stringify(deliver.counts)}`);
    row = registerRow(office, reg);
    expect(row['Status']).toBe('Selesai');
    expect(row['Cara Kirim']).toBe('email');
    expect((row['Selesai'] as Date).getTime()).toBe(Number(office.emu.clock.now()));
    expect(row['Hari Kerja Penyelesaian']).toBe(0);
    expect(row['Tepat Waktu']).toBe('Ya');

    const files = letterFiles(office);
    expect(files.docs).toHaveLength(1);
    expect(files.pdfs).toHaveLength(1);
    // The letter, then (the status page being deployed) the rating invitation.
    const toComplainant = office.emu.mail.outbox.filter(
      (m) => m.to === LETTER.email && m.subject.startsWith('Surat Jawaban'),
    );
    expect(toComplainant).toHaveLength(1);
    const mail = toComplainant[0];
    expect(mail.subject).toBe(`Surat Jawaban Pengaduan ${reg}`);
    expect(mail.body).toContain('000.8.3.3/1/Diskopumkm/2026');
    expect(`${mail.subject}${mail.body}${mail.htmlBody}`).not.toContain(LETTER.nik);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(mail.attachments[0].name).toBe(`Surat-Jawaban-${reg}.pdf`);
    expect(Buffer.from(mail.attachments[0].bytes).equals(Buffer.from(office.emu.drive.bytes(files.pdfs[0].id)))).toBe(
      true,
    );

    // The letter's text, from the Doc and from the PDF that was sent.
    expectLayout(office.emu.docs.document(docIdOf(url)).body, reg, '000.8.3.3/1/Diskopumkm/2026');
    const sent = await pdfToText(mail.attachments[0].bytes);
    expectLayout(sent, reg, '000.8.3.3/1/Diskopumkm/2026');
    expect(squash(sent)).toContain(
      'Disetujui secara elektronik oleh Drs. I Wayan Sudiarta, M.Si., NIP 196912121994031005, pada 30 November 2026',
    );
  });

  it('numbers letters consecutively across complaints; a voided letter keeps its number', () => {
    const regs = [
      letterAt(office, 'Didisposisikan'),
      letterAt(office, 'Didisposisikan'),
      letterAt(office, 'Didisposisikan'),
    ];
    for (const reg of regs) {
      must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER }), 'draft');
      must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
    }
    must(run(office, PEOPLE.kadis, 'sign', regs[0]), 'sign 1');
    must(run(office, PEOPLE.kadis, 'sign', regs[1]), 'sign 2');
    // Returned after signing: the letter is voided, its PDF trashed, its number not issued again.
    must(run(office, PEOPLE.kadis, 'returnToUnit', regs[1], { note: 'Perbaiki paragraf kedua.' }), 'return');
    expect(registerRow(office, regs[1])['Status']).toBe('Ditindaklanjuti');
    expect(letterFiles(office).pdfs).toHaveLength(1);
    must(run(office, PEOPLE.kadis, 'sign', regs[2]), 'sign 3');
    must(
      run(office, PEOPLE.koperasi, 'draft', regs[1], { answer: `${ANSWER}\nParagraf kedua diperbaiki.` }),
      'redraft',
    );
    must(run(office, PEOPLE.koperasi, 'submit', regs[1]), 'resubmit');
    must(run(office, PEOPLE.kadis, 'sign', regs[1]), 'sign again');
    const numbers = regs.map((r) => String(registerRow(office, r)['No. Surat Jawaban']));
    expect(numbers).toEqual([
      '000.8.3.3/1/Diskopumkm/2026',
      '000.8.3.3/4/Diskopumkm/2026',
      '000.8.3.3/3/Diskopumkm/2026',
    ]);
    // The re-signed letter is the same Doc, rebuilt: the new number, no trace of the voided one.
    const body = office.emu.docs.document(docIdOf(String(registerRow(office, regs[1])['Konsep Surat']))).body;
    expect(body).toContain('000.8.3.3/4/Diskopumkm/2026');
    expect(body).not.toContain('000.8.3.3/2/');
    expect(body).toContain('Paragraf kedua diperbaiki.');
    expect(letterFiles(office).docs).toHaveLength(3);
  });

  it('keeps answers with $1, \\n, .*, quotes, line breaks and 10,000 characters exactly', async () => {
    const multi = `${HOSTILE_LINE}\n\nBaris kedua: $2 \\1 ^$ [x]`;
    const long = HOSTILE_LINE.repeat(Math.ceil(10_000 / HOSTILE_LINE.length)).slice(0, 9_999) + 'Z';
    expect(long).toHaveLength(10_000);
    for (const answer of [multi, long]) {
      const reg = letterAt(office, 'Didisposisikan');
      must(run(office, PEOPLE.koperasi, 'draft', reg, { answer }), 'draft');
      must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
      must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
      const row = registerRow(office, reg);
      expect(row['Jawaban Unit']).toBe(answer);
      const id = docIdOf(String(row['Konsep Surat']));
      // `{{` in user text is broken up so it can never be taken for a placeholder; everything else is kept.
      const expected = answer.replace(/\{\{/g, '{ {');
      const body = office.emu.docs.document(id).body;
      expect(body).toContain(`sebagai berikut:\n${expected}\nDemikian jawaban`);
      expect(body).not.toContain('{{');
      const paragraphs = office.emu.docs
        .model(id)
        .body.children.filter((b) => b.kind !== 'table')
        .map((b) => ('text' in b ? b.text : ''));
      for (const line of expected.split('\n')) expect(paragraphs).toContain(line);
      const pdf = letterFiles(office).pdfs.find((f) => f.name === `Surat-Jawaban-${reg}.pdf`)!;
      const text = await pdfToText(office.emu.drive.bytes(pdf.id), { layout: false });
      for (const token of ['Rp$1.000', '($5)', 'C:\\new\\n', '.*', '(a|b)+', '"kutip"', "'tunggal'"])
        expect(text).toContain(token);
      expect(text).not.toContain('{{');
    }
  });

  it('drafting twice or approving twice changes nothing the second time', () => {
    const reg = letterAt(office, 'Didisposisikan');
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER }), 'draft');
    const snapshot = () => ({
      row: JSON.stringify(registerRow(office, reg)),
      audit: auditCount(office, reg),
      files: JSON.stringify(letterFiles(office)),
    });
    const before = snapshot();
    const docText = office.emu.docs.document(docIdOf(String(registerRow(office, reg)['Konsep Surat']))).body;
    const again = measured(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER });
    expect(again.result.ok).toBe(true);
    expect(again.result.message).toContain('tidak ada yang diubah');
    expect(snapshot()).toEqual(before);
    expect(office.emu.docs.document(docIdOf(String(registerRow(office, reg)['Konsep Surat']))).body).toBe(docText);
    expect(again.counts['Document.saveAndClose'] ?? 0).toBe(0);

    // A new answer: the same Doc, rebuilt from the template.
    const url = String(registerRow(office, reg)['Konsep Surat']);
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: 'Jawaban yang sudah diperbaiki.' }), 'redraft');
    expect(registerRow(office, reg)['Konsep Surat']).toBe(url);
    const rebuilt = office.emu.docs.document(docIdOf(url)).body;
    expect(rebuilt).toContain('Jawaban yang sudah diperbaiki.');
    expect(rebuilt).not.toContain('Pendampingan koperasi dijadwalkan');
    expect(letterFiles(office).docs).toHaveLength(1);

    must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    const signed = snapshot();
    const version = Number(registerRow(office, reg)['Versi']);
    // Twice with the current version, and once with the version before approval (a double click).
    const second = run(office, PEOPLE.kadis, 'sign', reg);
    const stale = office.as<Result>(PEOPLE.kadis, 'runLetterAction', {
      action: 'sign',
      regNumber: reg,
      version: version - 1,
    });
    expect(second.ok).toBe(false);
    expect(second.message).toContain('sudah ditandatangani');
    expect(stale.ok).toBe(false);
    expect(snapshot()).toEqual(signed);
  });

  it('refuses the wrong people and the wrong moment', () => {
    const reg = letterAt(office, 'Didisposisikan');
    expect(run(office, PEOPLE.ukm, 'draft', reg, { answer: ANSWER }).ok).toBe(false);
    expect(run(office, PEOPLE.kadis, 'sign', reg).ok).toBe(false);
    expect(run(office, PEOPLE.stranger, 'draft', reg, { answer: ANSWER }).ok).toBe(false);
    expect(run(office, PEOPLE.koperasi, 'draft', reg, { answer: '   ' }).ok).toBe(false);
    expect(letterFiles(office).docs).toHaveLength(0);
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER }), 'draft');
    must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
    // Not signed yet: nothing to deliver or upload.
    expect(run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' }).ok).toBe(false);
    expect(
      run(office, PEOPLE.sekretaris, 'upload', reg, { fileBase64: Buffer.from('%PDF-1.4 x').toString('base64') }).ok,
    ).toBe(false);
    expect(
      office.emu.mail.outbox.filter((m) => m.to === LETTER.email && m.subject.startsWith('Surat Jawaban')),
    ).toHaveLength(0);
  });

  it('uploads a signed scan as the final PDF, and sends that scan', () => {
    const reg = letterAt(office, 'Didisposisikan');
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER }), 'draft');
    must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    const notPdf = run(office, PEOPLE.sekretaris, 'upload', reg, {
      fileBase64: Buffer.from('GIF89a not a pdf').toString('base64'),
    });
    expect(notPdf.ok).toBe(false);
    expect(notPdf.message).toContain('bukan PDF');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)]);
    expect(run(office, PEOPLE.sekretaris, 'upload', reg, { fileBase64: big.toString('base64') }).ok).toBe(false);
    const scan = Buffer.from('%PDF-1.4\n% pindaian bertanda tangan basah\n%%EOF\n');
    must(
      run(office, PEOPLE.sekretaris, 'upload', reg, {
        fileBase64: `data:application/pdf;base64,${scan.toString('base64')}`,
      }),
      'upload',
    );
    const pdfs = letterFiles(office).pdfs;
    expect(pdfs).toHaveLength(1);
    expect(Buffer.from(office.emu.drive.bytes(pdfs[0].id)).equals(scan)).toBe(true);
    office.emu.mail.clear();
    must(run(office, PEOPLE.cs, 'deliver', reg, { method: 'email' }), 'deliver');
    const sent = office.emu.mail.outbox.find((m) => m.to === LETTER.email)!;
    expect(Buffer.from(sent.attachments[0].bytes).equals(scan)).toBe(true);
    expect(office.sheetValues('Log Audit').some((r) => r[4] === reg && r[3] === 'Unggah Pindaian Surat')).toBe(true);
  });

  it('marks a letter handed over by post with its date, without email', () => {
    const reg = letterAt(office, 'Didisposisikan', { email: '' });
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER }), 'draft');
    must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    // Default signing mode: the post takes no letter before its signed scan is on file.
    const unsigned = run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'pos', handedOverDate: '2026-11-30' });
    expect(unsigned.ok).toBe(false);
    expect(unsigned.message).toContain('belum bertanda tangan');
    const scan = Buffer.from('%PDF-1.4\n% pindaian bertanda tangan basah\n%%EOF\n');
    must(run(office, PEOPLE.sekretaris, 'upload', reg, { fileBase64: scan.toString('base64') }), 'upload');
    const byEmail = run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' });
    expect(byEmail.ok).toBe(false);
    expect(byEmail.message).toContain('email');
    expect(run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'pos', handedOverDate: '2026-12-05' }).ok).toBe(
      false,
    );
    office.emu.mail.clear();
    must(run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'pos', handedOverDate: '2026-11-30' }), 'post');
    const row = registerRow(office, reg);
    expect(row['Status']).toBe('Selesai');
    expect(row['Cara Kirim']).toBe('pos');
    expect(row['Tepat Waktu']).toBe('Ya');
    expect(office.emu.mail.outbox).toHaveLength(0);
    const audit = office.sheetValues('Log Audit').filter((r) => r[4] === reg);
    expect(String(audit[audit.length - 1][7])).toContain('melalui pos pada 30 November 2026');
  });

  it('makes a berita acara of a face-to-face answer given on the spot, once', () => {
    const reg = recordLetter(office, {
      ...WALK_IN_ON_SPOT,
      answer: 'Syarat pendaftaran koperasi dijelaskan langsung.\nFormulir diserahkan kepada pengadu.',
    });
    expect(registerRow(office, reg)['Status']).toBe('Selesai');
    const first = must(run(office, PEOPLE.cs, 'beritaAcara', reg), 'berita acara');
    const second = must(run(office, PEOPLE.cs, 'beritaAcara', reg), 'again');
    expect(second.url).toBe(first.url);
    const docs = letterFiles(office).docs;
    expect(docs).toHaveLength(1);
    const text = squash(office.emu.docs.document(docs[0].id).body);
    for (const part of [
      'BERITA ACARA PENYELESAIAN PENGADUAN TATAP MUKA',
      `Nomor Registrasi: ${reg}`,
      LETTER.name,
      'Bidang Koperasi',
      'Formulir diserahkan kepada pengadu.',
      'Ni Luh Putu Sari',
      'NIP. 199001012015032001',
      'Tabanan, 30 November 2026',
    ]) {
      expect(text, part).toContain(part);
    }
    expect(text).not.toContain('{{');
    expect(run(office, PEOPLE.ukm, 'beritaAcara', reg).ok).toBe(false);
  });

  it('lists a closed walk-in for its berita acara for 90 days; an older one is offered when opened or selected', () => {
    const reg = recordLetter(office, WALK_IN_ON_SPOT);
    const row = office.sheetValues('Register').findIndex((r) => r[0] === reg) + 1;
    type Boot = {
      candidates: { regNumber: string; actions: string[] }[];
      selected: { ok: boolean; letter: LetterView } | null;
    };
    const boot = (): Boot => {
      office.as(PEOPLE.koperasi, 'showLetterSidebar');
      const html = office.emu.ui.sidebars[office.emu.ui.sidebars.length - 1].html;
      return JSON.parse(/var BOOT = (.*);\n/.exec(html)![1]) as Boot;
    };
    office.emu.clock.set('2027-02-28T09:00:00+08:00'); // closed 30 Nov 2026: 90 days ago
    expect(boot().candidates).toEqual([expect.objectContaining({ regNumber: reg, actions: ['beritaAcara'] })]);
    office.emu.clock.set('2027-03-01T09:00:00+08:00');
    expect(boot().candidates).toEqual([]);
    const sheet = office.emu.spreadsheet.getSheetByName('Register');
    if (!sheet) throw new Error('no register');
    office.emu.sheets.select(sheet, `C${row}`);
    expect(boot().selected?.letter).toMatchObject({ regNumber: reg, actions: ['beritaAcara'] });
    const opened = office.as<{ ok: boolean; letter: LetterView }>(PEOPLE.koperasi, 'openLetterComplaint', reg);
    expect(opened.letter.actions).toEqual(['beritaAcara']);
    must(run(office, PEOPLE.koperasi, 'beritaAcara', reg), 'berita acara of an older walk-in');
  });

  it('setup makes the template with every placeholder once, and again only when it is gone', () => {
    const templates = () =>
      office.emu.drive.files().filter((f) => f.name === 'Dumas — Templat Surat Jawaban Pengaduan' && !f.trashed);
    expect(templates()).toHaveLength(1);
    const text = office.emu.docs.document(templates()[0].id).body;
    for (const key of [
      'pemerintah',
      'nama_instansi',
      'nomor_surat',
      'sifat',
      'lampiran',
      'hal',
      'nama_pengadu',
      'nomor_registrasi',
      'tanggal_diterima',
      'jawaban',
      'nip_penandatangan',
      'tembusan',
    ]) {
      expect(text).toContain(`{{${key}}}`);
    }
    office.as(PEOPLE.admin, 'setupSystem');
    expect(templates()).toHaveLength(1);
    const id = templates()[0].id;
    (office.emu.globals.DriveApp as GoogleAppsScript.Drive.DriveApp).getFileById(id).setTrashed(true);
    office.as(PEOPLE.admin, 'setupSystem');
    expect(templates()).toHaveLength(1);
    expect(templates()[0].id).not.toBe(id);
    const setting = office.sheetValues('Pengaturan').find((r) => r[0] === 'id_templat_surat');
    expect(setting?.[1]).toBe(templates()[0].id);
  });

  it('offers the sidebar in the menu of each role with a letter step, with the complaints to act on', () => {
    const reg = letterAt(office, 'Didisposisikan');
    const menuOf = (email: string) => {
      office.emu.setUser(email);
      office.emu.open();
      return office.emu.ui.menu('Dumas')?.items.map((i) => ('caption' in i ? i.caption : '—')) ?? [];
    };
    for (const who of [PEOPLE.koperasi, PEOPLE.kadis, PEOPLE.sekretaris, PEOPLE.cs, PEOPLE.ketua])
      expect(menuOf(who)).toContain('Surat Jawaban');
    expect(menuOf(PEOPLE.admin)).not.toContain('Surat Jawaban');
    office.as(PEOPLE.koperasi, 'showLetterSidebar');
    const html = office.emu.ui.sidebars[office.emu.ui.sidebars.length - 1].html;
    const boot = JSON.parse(/var BOOT = (.*);\n/.exec(html)![1]) as {
      candidates: { regNumber: string; actions: string[] }[];
    };
    expect(boot.candidates).toEqual([expect.objectContaining({ regNumber: reg, actions: ['draft'] })]);
    const loaded = office.as<{ ok: boolean; letter: LetterView }>(PEOPLE.koperasi, 'openLetterComplaint', reg);
    expect(loaded.ok).toBe(true);
    expect(loaded.letter.actions).toEqual(['draft']);
    expect(office.as<{ ok: boolean }>(PEOPLE.ukm, 'openLetterComplaint', reg).ok).toBe(false);
  });
});
