// The printed receipt from Catat Pengaduan's receipt panel in Chromium: "PDF + QR" gives a PDF download whose text
// has the number and the access code, and whose QR opens the status page with the number.
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { STATUS_URL, setSetting } from '../bundle/publicHelpers';
import { pdfImages, pdfToText } from '../emulator/pdf';
import { startPreview, type Preview } from '../preview/server';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';

let browser: Browser;
let preview: Preview;
let office: Office;

beforeAll(async () => {
  office = openOffice();
  setSetting(office, 'url_halaman_status', STATUS_URL);
  preview = await startPreview(office);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('Tanda Terima PDF (Chromium)', () => {
  it('the receipt panel offers the PDF with the QR, as a download', async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
    await page.goto(`${preview.url}/sidebar/showRecordSidebar?as=${encodeURIComponent(PEOPLE.cs)}`);
    await page.selectOption('#channel', 'Tatap Muka');
    await page.fill('#name', 'I Nyoman Darma');
    await page.fill('#nik', '5102011501900001');
    await page.fill('#address', 'Br. Dinas Delod Peken, Tabanan');
    await page.fill('#subject', 'Pelatihan UMKM');
    await page.check('#ktpSeen');
    await page.selectOption('#unit', 'Bidang Koperasi');
    await page.click('#save');
    await expect.poll(() => page.textContent('#rNumber')).toMatch(/^DUMAS-2026-\d{4}$/);
    const reg = (await page.textContent('#rNumber')) ?? '';
    const code = (await page.textContent('#rCode')) ?? '';
    // No phone: no WhatsApp offer; the PDF is there for everyone.
    expect(await page.isHidden('#rWa')).toBe(true);
    await page.click('#pdfReceipt');
    await expect.poll(() => page.isVisible('#pdfLink')).toBe(true);
    expect(await page.getAttribute('#pdfLink', 'download')).toBe(`Tanda Terima ${reg}.pdf`);
    expect(await seriousViolations(page)).toEqual([]);
    const href = (await page.getAttribute('#pdfLink', 'href')) ?? '';
    expect(href.startsWith('data:application/pdf;base64,JVBER')).toBe(true);
    const bytes = Uint8Array.from(Buffer.from(href.slice(href.indexOf(',') + 1), 'base64'));
    const text = (await pdfToText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(reg);
    expect(text).toContain(code);
    expect(text).not.toContain('Darma');
    const [qr] = await pdfImages(bytes);
    expect(jsQR(qr.pixels.rgba, qr.pixels.width, qr.pixels.height)?.data).toBe(`${STATUS_URL}?no=${reg}`);
    await page.close();
  });
});
