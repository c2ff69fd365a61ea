// End to end through the built bundle: no unsigned letter leaves the office (each signing mode, each way of
// delivery), signing as a resumable sequence, no orphan draft after a Docs failure, numbers only from number
// columns, the verification code and QR on the letter, the public verification, and the letter's layout read
// from positions in the rendered PDF.
import jsQR from 'jsqr';
import { beforeEach, describe, expect, it } from 'vitest';
import { pdfImages, pdfTextItems, pdfToText, type PdfTextItem } from '../emulator/pdf';
import { openOffice, PEOPLE, type Office } from './office';
import { setSetting } from './publicHelpers';
import { INPUTS, LETTER, act, letterAt, registerRow } from './workflowOffice';

interface LetterView {
  version: number;
  status: string;
  letterNumber: string;
  signing: string;
  needsSignature: boolean;
  actions: string[];
}
type Result = { ok: boolean; message: string; warnings?: string[]; letter: LetterView | null };
type Verified =
  | {
      ok: true;
      letter: {
        code: string;
        letterNumber: string;
        letterDate: string;
        signerName: string;
        signerTitle: string;
        sha256: string;
        signatureForm: string;
      };
    }
  | { ok: false; message: string };

const WEB_APP = 'https://script.google.com/macros/s/AKfycbDumas/exec';
const ANSWER = 'Pendampingan koperasi dijadwalkan Kamis, 3 Desember 2026.\nPetugas kami akan datang.';
const PAGE_MIDDLE = 595.28 / 2;

function run(office: Office, who: string, action: string, reg: string, extra: Record<string, unknown> = {}): Result {
  const version = Number(registerRow(office, reg)['Versi']);
  return office.as<Result>(who, 'runLetterAction', { action, regNumber: reg, version, ...extra });
}

function must(r: Result, what: string): Result {
  expect(r.ok, `${what}: ${r.message}`).toBe(true);
  return r;
}

/** A complaint whose letter waits for the Kepala Dinas. */
function submitted(office: Office, overrides: Record<string, string> = {}): string {
  const reg = letterAt(office, 'Didisposisikan', overrides);
  must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER }), 'draft');
  must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
  return reg;
}

function livePdf(office: Office, reg: string): Uint8Array {
  const f = office.emu.drive.files().find((x) => !x.trashed && x.name === `Surat-Jawaban-${reg}.pdf`);
  if (!f) throw new Error(`no PDF for ${reg}`);
  return office.emu.drive.bytes(f.id);
}

function letterRegister(office: Office): Record<string, unknown>[] {
  const [header, ...rows] = office.sheetValues('Register Surat');
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

function recordOf(office: Office, reg: string): Record<string, unknown> {
  const rows = letterRegister(office).filter((r) => r['No. Registrasi'] === reg);
  return rows[rows.length - 1];
}

function sha256(bytes: Uint8Array): Promise<string> {
  return crypto.subtle
    .digest('SHA-256', bytes)
    .then((d) => [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join(''));
}

/** A "scan" of the approved letter: its PDF with a signature mark drawn after it, as a signed copy would carry. */
function signedScan(office: Office, reg: string): string {
  const pdf = Buffer.from(livePdf(office, reg));
  return Buffer.concat([pdf, Buffer.from('\n% ditandatangani basah dan dicap\n')]).toString('base64');
}

const METHODS: { method: string; extra: Record<string, string> }[] = [
  { method: 'email', extra: {} },
  { method: 'pos', extra: { handedOverDate: '2026-11-30' } },
  { method: 'langsung', extra: { handedOverDate: '2026-11-30' } },
];

describe('no unsigned letter leaves the office', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
    setSetting(office, 'url_halaman_status', WEB_APP);
  });

  it('default mode "pindaian": email, post and hand delivery are refused until the signed scan is uploaded', () => {
    const reg = submitted(office);
    const signed = must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    expect(signed.message).toContain('unggah pindaiannya');
    expect(signed.letter?.needsSignature).toBe(true);
    expect(signed.letter?.signing).toContain('menunggu pindaian');
    office.emu.mail.clear();
    for (const { method, extra } of METHODS) {
      const r = run(office, PEOPLE.sekretaris, 'deliver', reg, { method, ...extra });
      expect(r.ok, method).toBe(false);
      expect(r.message, method).toContain('Surat belum bertanda tangan');
      expect(r.message).toContain('Unggah Pindaian Bertanda Tangan');
    }
    expect(registerRow(office, reg)['Status']).toBe('Menunggu Tanda Tangan');
    expect(office.emu.mail.outbox).toHaveLength(0);
    must(run(office, PEOPLE.kadis, 'upload', reg, { fileBase64: signedScan(office, reg) }), 'upload');
    expect(recordOf(office, reg)['Bentuk Tanda Tangan']).toBe('Pindaian/PDF bertanda tangan');
    must(run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'langsung', handedOverDate: '2026-11-30' }), 'hand');
    expect(registerRow(office, reg)['Status']).toBe('Selesai');
  });

  it('mode "tanda persetujuan": the mark printed at approval signs it; a letter approved without the mark is refused', async () => {
    // Approved while the mode was "pindaian", then the Kepala Dinas switches: that letter carries no mark.
    const before = submitted(office);
    must(run(office, PEOPLE.kadis, 'sign', before), 'sign');
    setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
    for (const { method, extra } of METHODS) {
      const r = run(office, PEOPLE.cs, 'deliver', before, { method, ...extra });
      expect(r.ok, method).toBe(false);
      expect(r.message).toContain('tanpa tanda persetujuan elektronik');
    }
    const reg = submitted(office);
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    const text = (await pdfToText(livePdf(office, reg))).replace(/\s+/g, ' ');
    expect(text).toContain('Disetujui secara elektronik oleh Drs. I Wayan Sudiarta, M.Si., NIP 196912121994031005');
    for (const { method, extra } of METHODS.slice(1)) {
      // Each hand-over way is allowed; one is enough to close the complaint.
      const r = run(office, PEOPLE.cs, 'deliver', reg, { method, ...extra });
      expect(r.ok, `${method}: ${r.message}`).toBe(true);
      break;
    }
    expect(registerRow(office, reg)['Status']).toBe('Selesai');
  });

  it('signing is resumable: a Docs failure leaves "belum selesai, ulangi", refused for delivery, resumed with the same number', async () => {
    const reg = submitted(office);
    // Docs fails while the approval values are written (the number is already chosen and stored).
    office.emu.docs.failNext('Body.replaceText', undefined, 3);
    const failed = run(office, PEOPLE.kadis, 'sign', reg);
    expect(failed.ok).toBe(false);
    expect(failed.message).toContain('belum selesai, ulangi');
    const number = String(registerRow(office, reg)['No. Surat Jawaban']);
    expect(number).toBe('000.8.3.3/1/Diskopumkm/2026');
    expect(recordOf(office, reg)['Keadaan']).toBe('Belum selesai');
    const view = office.as<{ ok: boolean; letter: LetterView }>(PEOPLE.kadis, 'openLetterComplaint', reg).letter;
    expect(view.signing).toContain('belum selesai');
    expect(view.actions).toContain('sign');
    expect(view.actions).not.toContain('upload');
    for (const mode of ['pindaian', 'tanda persetujuan']) {
      setSetting(office, 'cara_tanda_tangan', mode);
      const r = run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' });
      expect(r.ok).toBe(false);
      expect(r.message).toContain('Penandatanganan surat belum selesai');
    }
    const resumed = must(run(office, PEOPLE.kadis, 'sign', reg), 'resume');
    expect(resumed.message).toContain('dengan nomor yang sama (000.8.3.3/1/Diskopumkm/2026)');
    expect(registerRow(office, reg)['No. Surat Jawaban']).toBe(number);
    expect(recordOf(office, reg)['Keadaan']).toBe('Disetujui');
    expect(office.sheetValues('Log Audit').some((r) => r[4] === reg && r[3] === 'Lanjutkan Penandatanganan')).toBe(
      true,
    );
    const text = (await pdfToText(livePdf(office, reg))).replace(/\s+/g, ' ');
    expect(text).toContain(`Nomor : ${number}`);
    expect(text.match(/Kode verifikasi:/g)).toHaveLength(1);
    // The next letter continues the sequence: nothing skipped, nothing doubled.
    const next = submitted(office);
    must(run(office, PEOPLE.kadis, 'sign', next), 'next');
    expect(registerRow(office, next)['No. Surat Jawaban']).toBe('000.8.3.3/2/Diskopumkm/2026');
  });

  it('a Docs failure while drafting leaves no orphan Doc; the retry makes exactly one', () => {
    const reg = letterAt(office, 'Didisposisikan');
    const docs = () =>
      office.emu.drive
        .files()
        .filter((f) => !f.trashed && f.name === `Surat-Jawaban-${reg}` && f.mimeType.includes('document'));
    office.emu.docs.failNext('Body.replaceText', undefined, 2);
    const failed = run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER });
    expect(failed.ok).toBe(false);
    expect(failed.message).toContain('Tidak ada dokumen yang tertinggal');
    expect(docs()).toHaveLength(0);
    expect(registerRow(office, reg)['Konsep Surat']).toBe('');
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER }), 'retry');
    expect(docs()).toHaveLength(1);
    expect(String(registerRow(office, reg)['Konsep Surat'])).toContain(docs()[0].id);
  });

  it('a "Nomor …/1234/…" in a follow-up note is not taken for an issued letter number', () => {
    const reg = letterAt(office, 'Didisposisikan');
    const note = 'Menunjuk surat Nomor 000.8.3.3/1234/Diskopumkm/2026 dari kecamatan.';
    const r = act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', { ...INPUTS.followUp, note });
    expect(r.ok, r.message).toBe(true);
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: ANSWER }), 'draft');
    must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    expect(registerRow(office, reg)['No. Surat Jawaban']).toBe('000.8.3.3/1/Diskopumkm/2026');
    // A voided letter's number stays used (in the letters register), so the next one is /2/, not /1/ again.
    must(run(office, PEOPLE.kadis, 'returnToUnit', reg, { note: 'Perbaiki.' }), 'return');
    expect(recordOf(office, reg)['Keadaan']).toBe('Dibatalkan');
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: `${ANSWER}\nDiperbaiki.` }), 'redraft');
    must(run(office, PEOPLE.koperasi, 'submit', reg), 'resubmit');
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign again');
    expect(registerRow(office, reg)['No. Surat Jawaban']).toBe('000.8.3.3/2/Diskopumkm/2026');
  });
});

describe('verification code, QR and the public verification', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
    setSetting(office, 'url_halaman_status', WEB_APP);
    setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
  });

  it('the sent PDF carries the code and a QR that decodes to the verification link; the page confirms it', async () => {
    const reg = submitted(office);
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    office.emu.mail.clear();
    must(run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' }), 'deliver');
    const mail = office.emu.mail.outbox.find((m) => m.to === LETTER.email && m.subject.startsWith('Surat Jawaban'))!;
    const bytes = Uint8Array.from(mail.attachments[0].bytes);
    const record = recordOf(office, reg);
    const code = String(record['Kode Verifikasi']);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(await pdfToText(bytes)).toContain(`Kode verifikasi: ${code}`);
    // The QR as drawn in the PDF, decoded by a QR reader: the web app's verification page for this code.
    const images = await pdfImages(bytes);
    expect(images).toHaveLength(1);
    const qr = images[0];
    expect(qr.width).toBeGreaterThanOrEqual(60);
    expect(qr.x + qr.width).toBeLessThan(PAGE_MIDDLE);
    const decoded = jsQR(qr.pixels.rgba, qr.pixels.width, qr.pixels.height);
    expect(decoded?.data).toBe(`${WEB_APP}?halaman=verifikasi&kode=${code}`);

    const hash = await sha256(bytes);
    expect(record['SHA-256 PDF Terkirim']).toBe(hash);
    const ok = office.as<Verified>(
      'pengunjung@publik.example',
      'verifyLetter',
      `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase(),
    );
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.letter).toEqual({
      code: `${code.slice(0, 5)}-${code.slice(5)}`,
      letterNumber: '000.8.3.3/1/Diskopumkm/2026',
      letterDate: '30 November 2026',
      signerName: 'Drs. I Wayan Sudiarta, M.Si.',
      signerTitle: 'KEPALA DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH KABUPATEN TABANAN',
      signatureForm: 'Tanda persetujuan elektronik',
      sentOn: '30 November 2026',
      sha256: hash,
    });
    const json = JSON.stringify(ok);
    for (const secret of [LETTER.name, LETTER.nik, LETTER.email, LETTER.address, LETTER.subject, reg, ANSWER])
      expect(json).not.toContain(secret);
  });

  it('one neutral answer for a forged code, a letter not sent and garbage; throttled like the status page', () => {
    const reg = submitted(office);
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    const unsent = String(recordOf(office, reg)['Kode Verifikasi']);
    const answers = ['ABCDE-FGHJK', unsent, '<script>', ''].map((c) =>
      office.as<Verified>('pengunjung@publik.example', 'verifyLetter', c),
    );
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0].ok).toBe(false);
    if (answers[0].ok) return;
    expect(answers[0].message).toContain('tidak ditemukan');
    // The status page's rule: after 5 failures for one code it is refused for 15 minutes, whatever is asked.
    for (let i = 0; i < 5; i++) office.as('pengunjung@publik.example', 'verifyLetter', 'ZZZZZ-ZZZZZ');
    const throttled = office.as<Verified>('pengunjung@publik.example', 'verifyLetter', 'ZZZZZ-ZZZZZ');
    expect(throttled.ok).toBe(false);
    if (!throttled.ok) expect(throttled.message).toContain('Terlalu banyak percobaan');
  });
});

describe('the official layout, read from positions in the rendered PDF', () => {
  function line(items: PdfTextItem[], text: string): PdfTextItem {
    const found = items.find((i) => i.str.includes(text));
    if (!found) throw new Error(`no "${text}" in ${items.map((i) => i.str).join(' | ')}`);
    return found;
  }

  it('date at the right, aligned colons, spaced paragraphs, the signature block in the right half', async () => {
    const office = openOffice();
    setSetting(office, 'url_halaman_status', WEB_APP);
    setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
    const reg = submitted(office);
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    const items = (await pdfTextItems(livePdf(office, reg))).filter((i) => i.str.trim() !== '');
    const right = 595.28 - 72;
    const date = line(items, 'Tabanan, 30 November 2026');
    expect(Math.abs(date.x + date.w - right)).toBeLessThan(3);
    // Nomor / Sifat / Lampiran / Hal: the colons share one x, and so do the values.
    const rows = ['Nomor', 'Sifat', 'Lampiran', 'Hal'].map((label) => {
      const l = items.find((i) => i.str === label)!;
      const onLine = items.filter((i) => Math.abs(i.y - l.y) < 0.5).sort((a, b) => a.x - b.x);
      return { label: l, colon: onLine[1], value: onLine[2] };
    });
    for (const r of rows) {
      expect(r.colon.str).toBe(':');
      expect(r.colon.x).toBeCloseTo(rows[0].colon.x, 1);
      expect(r.value.x).toBeCloseTo(rows[0].value.x, 1);
      expect(r.label.x).toBeCloseTo(72, 0);
    }
    // Paragraphs spaced: the gap between two paragraphs is larger than the line pitch inside one.
    const opening = line(items, 'Menindaklanjuti pengaduan');
    const openingLines = items.filter((i) => i.y <= opening.y && i.y > opening.y - 60 && i.x < 80);
    const pitch = openingLines[0].y - openingLines[1].y;
    const answer = line(items, 'Pendampingan koperasi dijadwalkan');
    const lastOpening = items.filter((i) => i.y > answer.y && i.x < 80).sort((a, b) => a.y - b.y)[0];
    expect(lastOpening.y - answer.y).toBeGreaterThan(pitch + 4);
    // The signature block: title, mark, name, rank, NIP, all within the right half of the page.
    const title = line(items, 'KEPALA DINAS KOPERASI');
    const nip = line(items, 'NIP. 196912121994031005');
    const block = items.filter((i) => i.y <= title.y && i.y >= nip.y && i.x > PAGE_MIDDLE - 20);
    expect(block.map((i) => i.str).join(' ')).toContain('Drs. I Wayan Sudiarta, M.Si.');
    for (const i of block) {
      expect(i.x, i.str).toBeGreaterThanOrEqual(PAGE_MIDDLE);
      expect(i.x + i.w, i.str).toBeLessThanOrEqual(right + 0.5);
    }
    const name = items.find((i) => i.str === 'Drs. I Wayan Sudiarta, M.Si.')!;
    const mark = line(items, 'Disetujui secara elektronik');
    // Space for the signature and stamp between the mark and the name.
    expect(mark.y - name.y).toBeGreaterThan(30);
    expect(mark.x).toBeGreaterThanOrEqual(PAGE_MIDDLE);
    // Tembusan at the left, below the signature block.
    const tembusan = line(items, 'Tembusan:');
    expect(tembusan.x).toBeCloseTo(72, 0);
    expect(tembusan.y).toBeLessThan(nip.y);
  });

  it('a fault in the Doc shows in the PDF: the signature block outside its table is centred across the page', async () => {
    const office = openOffice();
    const reg = submitted(office);
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    const id = /\/d\/([^/]+)/.exec(String(registerRow(office, reg)['Konsep Surat']))![1];
    const model = office.emu.docs.model(id);
    const tables = model.body.children.filter((b) => b.kind === 'table');
    const signature = tables[tables.length - 1];
    if (signature.kind !== 'table') throw new Error('no table');
    const good = line(await pdfTextItems(model._pdf('baik')), 'KEPALA DINAS');
    expect(good.x).toBeGreaterThanOrEqual(PAGE_MIDDLE);
    // The old fault: the block's centred paragraphs straight in the body, not in the right-hand cell.
    model.body.children.splice(model.body.children.indexOf(signature), 1, ...signature.rows[0][1].children);
    const title = line(await pdfTextItems(model._pdf('rusak')), 'KEPALA DINAS');
    expect(title.x).toBeLessThan(PAGE_MIDDLE);
  });

  it('the monthly recap for the Kepala Dinas ends with a signature block in the right half', async () => {
    const office = openOffice({ now: '2027-01-04T09:00:00+08:00' });
    office.as(PEOPLE.ketua, 'buildReport');
    const pdf = office.emu.drive.files().find((f) => !f.trashed && f.mimeType === 'application/pdf')!;
    expect(pdf.name).toContain('Rekap Pengaduan Masyarakat');
    const items = await pdfTextItems(office.emu.drive.bytes(pdf.id));
    const last = items.filter((i) => i.page === Math.max(...items.map((x) => x.page)));
    const tail = last.slice(-6).map((i) => i.str);
    expect(tail.join(' ')).toContain('Drs. I Wayan Sudiarta, M.Si.');
    expect(tail[tail.length - 1]).toBe('NIP. 196912121994031005');
    const title = line(last, 'KEPALA DINAS');
    const name = last.find((i) => i.str === 'Drs. I Wayan Sudiarta, M.Si.')!;
    expect(title.y - name.y).toBeGreaterThan(40);
    for (const i of last.slice(-6)) expect(i.x, i.str).toBeGreaterThanOrEqual(PAGE_MIDDLE);
  });
});
