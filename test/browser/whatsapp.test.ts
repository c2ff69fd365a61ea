// "Kirim via WhatsApp" in Chromium: the receipt panel and the Tindak Lanjut sidebar show the wa.me link with the
// message, "Sudah terkirim" is enabled once the link was used, and confirming writes the audit row.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { letterAt } from '../bundle/workflowOffice';
import { startPreview, type Preview } from '../preview/server';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';

let browser: Browser;
let preview: Preview;
let office: Office;
/** Every wa.me page the sidebars opened (answered locally: the test machine has no network). */
const opened: string[] = [];

beforeAll(async () => {
  office = openOffice();
  preview = await startPreview(office);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 300, height: 600 } });
  await context.route('https://wa.me/**', (route) => {
    opened.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>WhatsApp</title>' });
  });
  const page = await context.newPage();
  await page.goto(`${preview.url}${path}`);
  return page;
}

function auditNotes(): string[] {
  return office
    .sheetValues('Log Audit')
    .filter((r) => r.includes('Dikirim via WhatsApp'))
    .map((r) => r.map(String).join(' | '));
}

/** Opens the offer's link (a new tab, as in the sidebar), then confirms; returns the link's decoded message. */
async function sendAndConfirm(page: Page, offer: string): Promise<string> {
  const item = page.locator(`.wa-offer[data-kind="${offer}"]`);
  const link = item.locator('a.wa-send');
  const sent = item.locator('button.wa-sent');
  expect(await sent.isDisabled()).toBe(true);
  const href = (await link.getAttribute('href')) ?? '';
  const popup = page.context().waitForEvent('page');
  await link.click();
  await (await popup).close();
  expect(opened).toContain(href);
  await sent.click();
  await expect.poll(() => item.locator('.wa-status').textContent()).toMatch(/dicatat di Log Audit/);
  expect(await sent.textContent()).toBe('Tercatat');
  return new URL(href).searchParams.get('text') ?? '';
}

describe('Kirim via WhatsApp (Chromium)', () => {
  it('Catat Pengaduan: the receipt panel sends the receipt by WhatsApp and the confirmation is audited', async () => {
    const page = await open(`/sidebar/showRecordSidebar?as=${encodeURIComponent(PEOPLE.cs)}`);
    await page.fill('#name', 'Ni Wayan Sukerti');
    await page.fill('#nik', '5102014506900002');
    await page.fill('#phone', '0812 3456 7890');
    await page.fill('#subject', 'Izin usaha mikro');
    await page.check('#ktpSeen');
    await page.click('#save');
    await expect.poll(() => page.textContent('#rNumber')).toMatch(/^DUMAS-2026-\d{4}$/);
    const reg = (await page.textContent('#rNumber')) ?? '';
    const code = (await page.textContent('#rCode')) ?? '';
    expect(await page.isVisible('#rWa a.wa-send')).toBe(true);
    expect(await page.textContent('#rWa .wa-title')).toBe('Tanda terima — kepada pengadu');
    expect(await seriousViolations(page)).toEqual([]);
    const before = auditNotes().length;
    const text = await sendAndConfirm(page, 'receipt');
    expect(text).toContain(reg);
    expect(text).toContain(`Kode akses: ${code}`);
    expect(text).not.toContain('5102014506900002');
    expect(text).not.toContain('Sukerti');
    const notes = auditNotes();
    expect(notes).toHaveLength(before + 1);
    expect(notes.at(-1)).toContain(reg);
    expect(notes.at(-1)).toContain('Tanda terima kepada pengadu.');
    await page.close();
  });

  it('Tindak Lanjut: after "Minta info" the unit sends the question by WhatsApp', async () => {
    const reg = letterAt(office, 'Ditindaklanjuti');
    const other = letterAt(office, 'Ditindaklanjuti');
    const page = await open(`/sidebar/showTindakLanjutSidebar?as=${encodeURIComponent(PEOPLE.koperasi)}`);
    await page.selectOption('#picker', reg);
    await expect.poll(() => page.textContent('dd[data-field="regNumber"]')).toBe(reg);
    expect(await page.isHidden('#waBox')).toBe(true);
    await page.click('#tlChoice button[data-show="requestInfo"]');
    await page.fill('#requestNote', 'Mohon kirim nomor badan hukum koperasi & foto papan nama.');
    await page.click('#submit-requestInfo');
    await expect.poll(() => page.isVisible('#waBox .wa-offer[data-kind="infoRequest"]')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    const text = await sendAndConfirm(page, 'infoRequest');
    expect(text).toContain('Yang diperlukan: Mohon kirim nomor badan hukum koperasi & foto papan nama.');
    expect(auditNotes().at(-1)).toContain('Permintaan keterangan kepada pengadu.');
    // Loading another complaint clears the offer: nothing is sent for the wrong complaint.
    await page.fill('#regInput', other);
    await page.click('#load');
    await expect.poll(() => page.textContent('dd[data-field="regNumber"]')).toBe(other);
    expect(await page.isHidden('#waBox')).toBe(true);
    await page.close();
  });
});
