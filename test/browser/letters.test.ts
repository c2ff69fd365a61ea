// The "Surat Jawaban" sidebar in Chromium: draft → return with a note → redraft → sign → scan → email, as the right
// people; hostile answers stay text, refused roles and stale pages get Indonesian refusals, buttons wait for the server.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { setSetting } from '../bundle/publicHelpers';
import { LETTER, letterAt, recordLetter, registerRow } from '../bundle/workflowOffice';
import { startPreview, type Preview } from '../preview/server';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';

const HOSTILE_SUBJECT = '<img src=x onerror="window.__pwned=1">"Tut" & \'kutip\'';
// `$1`, a literal backslash-n, `.*`, quotes, a real line break and a script tag: all must come back exactly.
const ANSWER = `Biaya Rp$1.000 ($1) di C:\\new\\n lalu .* "kutip" 'tunggal'\nBaris kedua <script>window.__pwned=1</script>`;
const REDRAFT = `${ANSWER}\nParagraf ketiga ditambahkan sesuai catatan.`;
const RETURN_NOTE = 'Perbaiki paragraf kedua & sebutkan "jadwal" kunjungan.';

let browser: Browser;
let preview: Preview;
let office: Office;
let reg = '';
let scan: Uint8Array;

beforeAll(async () => {
  office = openOffice();
  reg = letterAt(office, 'Didisposisikan');
  preview = await startPreview(office);
  browser = await launchChromium();
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('Pindaian surat bertanda tangan basah', { x: 50, y: 780, size: 12, font });
  scan = await pdf.save();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function open(as: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(`${preview.url}/sidebar/showLetterSidebar?as=${encodeURIComponent(as)}`);
  expect(response?.status()).toBe(200);
  return page;
}

/** Picks the complaint from the list of letters waiting for this person. */
async function choose(page: Page): Promise<void> {
  await page.selectOption('#pick', reg);
  await expect.poll(() => page.textContent('#cReg')).toBe(reg);
}

/** The letter steps the page offers (the forms not hidden). */
function offered(page: Page): Promise<string[]> {
  return page.$$eval('form', (forms) =>
    forms.filter((f) => !f.classList.contains('hidden')).map((f) => f.id.replace(/^f-/, '')),
  );
}

function row(): Record<string, unknown> {
  return registerRow(office, reg);
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (globalThis as { __pwned?: number }).__pwned);
}

function liveFiles(mimeType: string) {
  return office.emu.drive.files().filter((f) => !f.trashed && f.mimeType === mimeType);
}

describe('Surat Jawaban sidebar (Chromium)', () => {
  it('opening the sidebar and loading a letter cost the same service calls with 1 or 21 complaints', () => {
    const cost = () => ({
      open: office.emu.calls.measure(() => office.as(PEOPLE.koperasi, 'showLetterSidebar')),
      load: office.emu.calls.measure(() => office.as(PEOPLE.koperasi, 'openLetterComplaint', reg)),
    });
    const few = cost();
    for (let i = 0; i < 20; i++) letterAt(office, 'Didisposisikan');
    const many = cost();
    console.log(
      `letter sidebar: open ${many.open.calls} calls (${many.open.simulatedMs} ms), load ${many.load.calls} calls (${many.load.simulatedMs} ms)\n${JSON.stringify(many.open.counts)}`,
    );
    expect(many.open.calls).toBe(few.open.calls);
    expect(many.load.calls).toBe(few.load.calls);
    // The 20 new letters and the first wait for the unit's draft: all listed from the one register read.
    const html = office.emu.ui.sidebars[office.emu.ui.sidebars.length - 1].html;
    const boot = JSON.parse(/var BOOT = (.*);\n/.exec(html)?.[1] ?? '{}') as { candidates?: unknown[] };
    expect(boot.candidates).toHaveLength(21);
  });

  it('the unit drafts a hostile answer (kept as text, buttons disabled in flight) and submits it', async () => {
    const page = await open(PEOPLE.koperasi);
    await choose(page);
    expect(await page.textContent('#cSubject')).toBe(LETTER.subject);
    expect(await offered(page)).toEqual(['draft']);
    await page.fill('#answer', ANSWER);
    // Hold the server's answer back so the page is caught mid-call.
    await page.route('**/run/runLetterAction', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.click('#f-draft button');
    expect(await page.$$eval('button', (bs) => bs.map((b) => b.hasAttribute('disabled')))).not.toContain(false);
    await expect.poll(() => page.textContent('#notice')).toContain(`Konsep jawaban ${reg} dibuat`);
    expect(await page.$$eval('button', (bs) => bs.map((b) => b.hasAttribute('disabled')))).not.toContain(true);
    await page.unroute('**/run/runLetterAction');
    expect(row()['Status']).toBe('Konsep Jawaban');
    expect(row()['Jawaban Unit']).toBe(ANSWER);
    expect(await page.inputValue('#answer')).toBe(ANSWER);
    expect(await page.getAttribute('#cDoc', 'href')).toBe(row()['Konsep Surat']);
    expect(await offered(page)).toEqual(['draft', 'submit']);
    await page.click('#f-submit button');
    await expect.poll(() => page.textContent('#notice')).toContain('diajukan kepada Kepala Dinas');
    expect(row()['Status']).toBe('Menunggu Tanda Tangan');
    expect(await offered(page)).toEqual([]);
    expect(await page.isVisible('#none')).toBe(true);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('the Kepala Dinas returns it with a note; the unit sees the note, redrafts and submits again', async () => {
    const head = await open(PEOPLE.kadis);
    await choose(head);
    expect(await offered(head)).toEqual(['sign', 'returnToUnit']);
    await head.fill('#note', RETURN_NOTE);
    await head.click('#f-returnToUnit button');
    await expect.poll(() => head.textContent('#notice')).toContain('dikembalikan ke unit');
    expect(row()['Status']).toBe('Ditindaklanjuti');
    expect(row()['No. Surat Jawaban']).toBe('');
    await head.close();

    const unit = await open(PEOPLE.koperasi);
    await choose(unit);
    expect(await unit.isVisible('#cNotes')).toBe(true);
    expect(await unit.textContent('#cNotes')).toContain(`Dikembalikan ke unit: ${RETURN_NOTE}`);
    expect(await unit.inputValue('#answer')).toBe(ANSWER);
    await unit.fill('#answer', REDRAFT);
    await unit.click('#f-draft button');
    await expect.poll(() => unit.textContent('#notice')).toContain('diperbarui pada dokumen yang sama');
    expect(row()['Jawaban Unit']).toBe(REDRAFT);
    await unit.click('#f-submit button');
    await expect.poll(() => row()['Status']).toBe('Menunggu Tanda Tangan');
    expect(
      liveFiles('application/vnd.google-apps.document').filter((f) => f.name === `Surat-Jawaban-${reg}`),
    ).toHaveLength(1);
    expect(await pwned(unit)).toBeUndefined();
    await unit.close();
  });

  it('the Kepala Dinas signs and the number appears; a second, stale page is refused and offers to reload', async () => {
    const stale = await open(PEOPLE.kadis);
    await choose(stale);
    const fresh = await open(PEOPLE.kadis);
    await choose(fresh);
    expect(await seriousViolations(fresh)).toEqual([]);
    await fresh.click('#f-sign button');
    await expect.poll(() => fresh.textContent('#cNumber')).toBe('000.8.3.3/1/Diskopumkm/2026');
    expect(await fresh.textContent('#notice')).toContain('disetujui dengan nomor 000.8.3.3/1/Diskopumkm/2026');
    expect(row()['No. Surat Jawaban']).toBe('000.8.3.3/1/Diskopumkm/2026');
    expect(row()['Ditandatangani Oleh']).toBe(PEOPLE.kadis);
    expect(liveFiles('application/pdf')).toHaveLength(1);
    expect(await offered(fresh)).toEqual(['returnToUnit', 'upload']);

    const version = row()['Versi'];
    await stale.fill('#note', 'Catatan dari halaman lama.');
    await stale.click('#f-returnToUnit button');
    await expect.poll(() => stale.textContent('#notice')).toMatch(/Anda membukanya[\s\S]*Muat ulang/);
    expect(await stale.isVisible('#reload')).toBe(true);
    // What the person typed stays; nothing was written.
    expect(await stale.inputValue('#note')).toBe('Catatan dari halaman lama.');
    expect(row()['Versi']).toBe(version);
    expect(row()['Status']).toBe('Menunggu Tanda Tangan');
    expect(String(row()['Catatan Tindak Lanjut'])).not.toContain('halaman lama');
    await stale.click('#reload');
    await expect.poll(() => stale.textContent('#cNumber')).toBe('000.8.3.3/1/Diskopumkm/2026');
    expect(await stale.isVisible('#reload')).toBe(false);
    await stale.close();
    await fresh.close();
  });

  it('shows a hostile subject as text, in the list and on the card, and runs no injected script', async () => {
    const hostile = recordLetter(office, { subject: HOSTILE_SUBJECT });
    const page = await open(PEOPLE.ketua);
    await page.fill('#reg', hostile);
    await page.click('#load');
    await expect.poll(() => page.textContent('#cReg')).toBe(hostile);
    expect(await page.textContent('#cSubject')).toBe(HOSTILE_SUBJECT);
    expect(await page.$$eval('#card img', (imgs) => imgs.length)).toBe(0);
    expect(await page.isVisible('#none')).toBe(true);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('refuses the roles that may not act, in Indonesian', async () => {
    // The administrator and someone outside the team cannot open the sidebar at all.
    const admin = await fetch(`${preview.url}/sidebar/showLetterSidebar?as=${encodeURIComponent(PEOPLE.admin)}`);
    expect(admin.status).toBe(403);
    expect(await admin.text()).toContain('Menu Surat Jawaban untuk Anggota Tim');
    const stranger = await fetch(`${preview.url}/sidebar/showLetterSidebar?as=${encodeURIComponent(PEOPLE.stranger)}`);
    expect(stranger.status).toBe(403);
    expect(await stranger.text()).toContain('belum terdaftar');

    // Another unit's member cannot load the complaint.
    const other = await open(PEOPLE.ukm);
    expect(await other.$$eval('#pick option', (os) => os.map((o) => o.getAttribute('value')))).not.toContain(reg);
    await other.fill('#reg', reg);
    await other.click('#load');
    await expect.poll(() => other.textContent('#notice')).toContain('Anda bukan anggota unit tersebut');
    expect(await other.isVisible('#card')).toBe(false);
    await other.close();

    // CS may send but not sign: a forced "sign" is refused by the server and changes nothing.
    const cs = await open(PEOPLE.cs);
    await choose(cs);
    expect(await offered(cs)).toEqual(['upload', 'deliver']);
    const version = row()['Versi'];
    await cs.$eval('#f-sign', (form) => form.classList.remove('hidden'));
    await cs.click('#f-sign button');
    await expect
      .poll(() => cs.textContent('#notice'))
      .toMatch(/hanya dapat dilakukan oleh: Kepala Dinas\. Peran Anda: Petugas CS/);
    expect(row()['Versi']).toBe(version);
    expect(row()['No. Surat Jawaban']).toBe('000.8.3.3/1/Diskopumkm/2026');
    await cs.close();
  });

  it('the Sekretaris uploads the signed scan (a non-PDF is refused) and sends it by email; the complaint is Selesai', async () => {
    const page = await open(PEOPLE.sekretaris);
    await choose(page);
    expect(await offered(page)).toEqual(['upload', 'deliver']);
    // Not signed yet in the chosen form (default: scan): the card says so, and delivery by post is refused.
    expect(await page.textContent('#cSigning')).toContain('menunggu pindaian bertanda tangan');
    expect(await page.isVisible('#deliverBlocked')).toBe(true);
    await page.selectOption('#method', 'pos');
    await page.click('#f-deliver button');
    await expect.poll(() => page.textContent('#notice')).toContain('Surat belum bertanda tangan');
    expect(row()['Status']).toBe('Menunggu Tanda Tangan');
    await page.selectOption('#method', 'email');
    await page.click('#f-upload button');
    await expect.poll(() => page.textContent('#notice')).toContain('Pilih berkas PDF');
    await page.setInputFiles('#scan', {
      name: 'pindaian.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('GIF89a bukan pdf'),
    });
    await page.click('#f-upload button');
    await expect.poll(() => page.textContent('#notice')).toContain('Berkas bukan PDF');
    const generated = liveFiles('application/pdf');
    expect(generated).toHaveLength(1);
    const generatedBytes = Buffer.from(office.emu.drive.bytes(generated[0].id));

    await page.setInputFiles('#scan', { name: 'pindaian.pdf', mimeType: 'application/pdf', buffer: Buffer.from(scan) });
    await page.click('#f-upload button');
    await expect.poll(() => page.textContent('#notice')).toContain('disimpan sebagai PDF final');
    expect(await page.textContent('#cSigning')).toContain('Pindaian bertanda tangan tersimpan');
    expect(await page.isVisible('#deliverBlocked')).toBe(false);
    const pdfs = liveFiles('application/pdf');
    expect(pdfs).toHaveLength(1);
    const stored = Buffer.from(office.emu.drive.bytes(pdfs[0].id));
    expect(stored.equals(Buffer.from(scan))).toBe(true);
    expect(stored.equals(generatedBytes)).toBe(false);

    // Two working days later (Monday 30 November → Wednesday 2 December 2026).
    office.emu.clock.set('2026-12-02T10:00:00+08:00');
    office.emu.mail.clear();
    expect(await page.inputValue('#method')).toBe('email');
    await page.click('#f-deliver button');
    await expect.poll(() => page.textContent('#notice')).toContain(`dikirim ke ${LETTER.email}. Pengaduan selesai.`);
    const sent = office.emu.mail.outbox.filter(
      (m) => m.to === LETTER.email && m.subject === `Surat Jawaban Pengaduan ${reg}`,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].attachments).toHaveLength(1);
    expect(sent[0].attachments[0].contentType).toBe('application/pdf');
    expect(Buffer.from(sent[0].attachments[0].bytes).equals(Buffer.from(scan))).toBe(true);
    expect(sent[0].body).toContain('000.8.3.3/1/Diskopumkm/2026');

    const closed = row();
    expect(closed['Status']).toBe('Selesai');
    expect(closed['Cara Kirim']).toBe('email');
    expect((closed['Selesai'] as Date).getTime()).toBe(Number(office.emu.clock.now()));
    expect(closed['Hari Kerja Penyelesaian']).toBe(2);
    expect(closed['Tepat Waktu']).toBe('Ya');
    expect(await page.textContent('#cStatus')).toBe('Selesai');
    expect(await page.textContent('#cSent')).toBe('2 Desember 2026');
    expect(await offered(page)).toEqual([]);
    expect(office.sheetValues('Log Audit').some((r) => r[4] === reg && r[3] === 'Unggah Pindaian Surat')).toBe(true);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('a delivery stopped while emailing: the sidebar asks what the Sent folder shows, and never sends it again unasked', async () => {
    setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
    office.emu.clock.set('2026-11-30T11:00:00+08:00'); // the helpers' agenda date
    const other = letterAt(office, 'Didisposisikan');
    for (const [who, action, extra] of [
      [PEOPLE.koperasi, 'draft', { answer: 'Jawaban kedua.' }],
      [PEOPLE.koperasi, 'submit', {}],
      [PEOPLE.kadis, 'sign', {}],
    ] as const) {
      const version = Number(registerRow(office, other)['Versi']);
      const r = office.as<{ ok: boolean; message: string }>(who, 'runLetterAction', {
        action,
        regNumber: other,
        version,
        ...extra,
      });
      expect(r.ok, r.message).toBe(true);
    }
    // What a run stopped between the claim and its record leaves (gas/sentMarks.ts).
    const number = String(registerRow(office, other)['No. Surat Jawaban']);
    office.emu.properties.scriptStore.set(`dumas.sent.letter:${other}:${number}`, `sending:${PEOPLE.sekretaris}|1`);
    office.emu.mail.clear();
    const page = await open(PEOPLE.sekretaris);
    await page.selectOption('#pick', other);
    await expect.poll(() => page.textContent('#cReg')).toBe(other);
    expect(await page.isVisible('#emailCheck')).toBe(false);
    await page.click('#f-deliver button');
    await expect.poll(() => page.textContent('#notice')).toContain('folder Terkirim');
    expect(await page.textContent('#notice')).toContain(PEOPLE.sekretaris);
    expect(await page.isVisible('#emailCheck')).toBe(true);
    expect(office.emu.mail.outbox).toHaveLength(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#checkSent');
    await expect.poll(() => page.textContent('#cStatus')).toBe('Selesai');
    expect(await page.isVisible('#emailCheck')).toBe(false);
    expect(office.emu.mail.outbox.filter((m) => m.subject === `Surat Jawaban Pengaduan ${other}`)).toHaveLength(0);
    await page.close();
  });
});
