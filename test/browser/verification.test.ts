// The public letter verification page in a real (phone-sized) browser: a genuine letter is confirmed and its PDF
// matches (hash computed in the browser); a tampered PDF and a forged code are refused; nothing personal is shown.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { setSetting } from '../bundle/publicHelpers';
import { LETTER, letterAt, registerRow } from '../bundle/workflowOffice';
import { startPreview, type Preview } from '../preview/server';
import { launchChromium } from './chromium';

let browser: Browser;
let preview: Preview;
let office: Office;
let code = '';
let reg = '';
let pdf: Buffer;
const ANSWER = 'Pendampingan koperasi dijadwalkan Kamis, 3 Desember 2026.';

function letterStep(who: string, action: string, extra: Record<string, unknown> = {}): void {
  const version = Number(registerRow(office, reg)['Versi']);
  const r = office.as<{ ok: boolean; message: string }>(who, 'runLetterAction', {
    action,
    regNumber: reg,
    version,
    ...extra,
  });
  if (!r.ok) throw new Error(`${action}: ${r.message}`);
}

beforeAll(async () => {
  office = openOffice();
  setSetting(office, 'url_halaman_status', 'https://script.google.com/macros/s/AKfycbDumas/exec');
  setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
  reg = letterAt(office, 'Didisposisikan');
  letterStep(PEOPLE.koperasi, 'draft', { answer: ANSWER });
  letterStep(PEOPLE.koperasi, 'submit');
  letterStep(PEOPLE.kadis, 'sign');
  office.emu.mail.clear();
  letterStep(PEOPLE.sekretaris, 'deliver', { method: 'email' });
  const mail = office.emu.mail.outbox.find((m) => m.subject.startsWith('Surat Jawaban'))!;
  pdf = Buffer.from(mail.attachments[0].bytes);
  const [header, ...rows] = office.sheetValues('Register Surat');
  code = String(rows[0][(header as string[]).indexOf('Kode Verifikasi')]);
  preview = await startPreview(office);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function openPage(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(`${preview.url}/app${query}`);
  return page;
}

/** Chooses the file, compares, and waits for the verdict (the page hides the old one while it hashes). */
async function compareFile(page: Page, bytes: Buffer): Promise<string> {
  await page.setInputFiles('#pdf', { name: 'surat.pdf', mimeType: 'application/pdf', buffer: bytes });
  await page.click('#compare');
  await expect.poll(() => page.getAttribute('#match', 'class')).toMatch(/^notice /);
  return (await page.textContent('#match')) ?? '';
}

describe('letter verification page (Chromium, phone viewport)', () => {
  it('the QR link confirms a genuine letter; its PDF matches, a tampered one does not; nothing personal shows', async () => {
    const page = await openPage(`?halaman=verifikasi&kode=${code}`);
    await expect.poll(() => page.isVisible('#result')).toBe(true);
    const text = (await page.textContent('body')) ?? '';
    for (const part of [
      '000.8.3.3/1/Diskopumkm/2026',
      '30 November 2026',
      'Drs. I Wayan Sudiarta, M.Si.',
      'KEPALA DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH KABUPATEN TABANAN',
      'Tanda persetujuan elektronik',
    ])
      expect(text, part).toContain(part);
    for (const secret of [
      LETTER.name,
      LETTER.nik,
      LETTER.phone,
      LETTER.email,
      LETTER.address,
      LETTER.subject,
      reg,
      ANSWER,
    ])
      expect(text, secret).not.toContain(secret);
    expect(await compareFile(page, pdf)).toContain('Cocok');
    // One byte changed (a digit of the letter number, say): the hash no longer matches.
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 40] ^= 1;
    expect(await compareFile(page, tampered)).toContain('Tidak cocok');
    // Pasting the hash works the same; the file input emptied first.
    await page.setInputFiles('#pdf', []);
    const { createHash } = await import('node:crypto');
    await page.fill('#hash', createHash('sha256').update(pdf).digest('hex').toUpperCase());
    await page.click('#compare');
    await expect.poll(() => page.textContent('#match')).toContain('Cocok: berkas ini sama persis');
    await page.fill('#hash', createHash('sha256').update(tampered).digest('hex'));
    await page.click('#compare');
    await expect.poll(() => page.textContent('#match')).toContain('Tidak cocok');
    await page.close();
  });

  it('a forged code gets the one neutral answer and shows no letter; hostile input stays text', async () => {
    const page = await openPage('?halaman=verifikasi');
    await page.fill('#code', 'ABCDE-FGHJK');
    await page.click('#check');
    await expect.poll(() => page.textContent('#notice')).toContain('tidak ditemukan');
    const forged = await page.textContent('#notice');
    expect(await page.isHidden('#result')).toBe(true);
    await page.fill('#code', '<img src=x onerror="window.__pwned=1">');
    await page.click('#check');
    await expect.poll(() => page.getAttribute('#notice', 'class')).toBe('notice fail');
    expect(await page.textContent('#notice')).toBe(forged);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});
