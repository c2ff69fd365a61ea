// The "Catat Pengaduan" sidebar in a real browser: fill, see validation, submit, find the row; hostile text stays text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { startPreview, type Preview } from '../preview/server';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';

let browser: Browser;
let preview: Preview;
let office: Office;

beforeAll(async () => {
  office = openOffice();
  // A unit name typed by a careless (or hostile) admin must render as text in the sidebar.
  office.emu.spreadsheet
    .getSheetByName('Unit')
    ?.getRange(6, 1, 1, 3)
    .setValues([['X', '<img src=x onerror="window.__pwned=1">', '']]);
  preview = await startPreview(office);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function openSidebar(as: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${preview.url}/sidebar/showRecordSidebar?as=${encodeURIComponent(as)}`);
  return page;
}

function registerRows(): unknown[][] {
  return office.sheetValues('Register');
}

describe('Catat Pengaduan sidebar (Chromium)', () => {
  it('records a letter and shows its registration number; the row holds the text exactly as typed', async () => {
    const page = await openSidebar(PEOPLE.cs);
    await page.selectOption('#channel', 'Surat');
    await page.fill('#name', 'I Ketut "Tut" O\'Neil 🙏');
    await page.fill('#nik', '5102011501900001');
    await page.fill('#phone', '081234567890');
    await page.fill('#subject', '=HYPERLINK("http://evil.example","klik")');
    await page.fill('#description', '+62 tolong\n-baris dua\n@baris tiga <script>window.__pwned=1</script>');
    await page.check('#ktpSeen');
    await page.click('#save');
    // The receipt replaces the form and stays: number, access code, deadline, with copy and print.
    await expect.poll(() => page.textContent('#rNumber')).toMatch(/^DUMAS-2026-\d{4}$/);
    const reg = (await page.textContent('#rNumber')) ?? '';
    expect(await page.textContent('#rCode')).toMatch(/^[A-Z2-9]{6}$/);
    expect(await page.textContent('#rDeadline')).toBe('Senin, 7 Desember 2026');
    expect(await page.isVisible('#copyReceipt')).toBe(true);
    expect(await page.isVisible('#printReceipt')).toBe(true);
    expect(await page.isHidden('#record')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.waitForTimeout(300);
    expect(await page.isVisible('#receipt')).toBe(true);
    const rows = registerRows();
    const header = rows[0] as string[];
    const last = rows[rows.length - 1];
    const cell = (h: string) => last[header.indexOf(h)];
    expect(cell('Nama Pengadu')).toBe('I Ketut "Tut" O\'Neil 🙏');
    expect(cell('NIK')).toBe('5102011501900001');
    expect(cell('No. HP')).toBe('081234567890');
    expect(cell('Perihal')).toBe('=HYPERLINK("http://evil.example","klik")');
    expect(cell('Uraian')).toBe('+62 tolong\n-baris dua\n@baris tiga <script>window.__pwned=1</script>');
    expect(cell('Kanal')).toBe('Surat');
    expect(cell('No. Registrasi')).toBe(reg);
    expect(cell('Kode Akses')).toBe(await page.textContent('#rCode'));
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    // Dismissed, the form comes back empty for the next complainant.
    await page.click('#newComplaint');
    expect(await page.isHidden('#receipt')).toBe(true);
    expect(await page.inputValue('#name')).toBe('');
    await page.close();
  });

  it('Enter in a text field saves nothing; only the button does', async () => {
    const before = registerRows().length;
    const page = await openSidebar(PEOPLE.cs);
    await page.fill('#name', 'Ni Made Ayu Lestari');
    await page.fill('#subject', 'Pinjaman KUR belum cair');
    await page.press('#subject', 'Enter');
    await page.press('#name', 'Enter');
    await page.waitForTimeout(500);
    expect(registerRows().length).toBe(before);
    expect(await page.isHidden('#receipt')).toBe(true);
    expect(await page.inputValue('#subject')).toBe('Pinjaman KUR belum cair');
    await page.close();
  });

  it('asks before clearing, and marks the required fields', async () => {
    const page = await openSidebar(PEOPLE.cs);
    expect(await page.$$eval('[aria-required="true"]', (els) => els.map((e) => e.id))).toEqual(
      expect.arrayContaining(['name', 'nik', 'subject']),
    );
    expect(await page.textContent('label[for="subject"]')).toContain('*');
    await page.fill('#name', 'I Wayan Darma');
    await page.click('#clear');
    expect(await page.isVisible('#confirmClear')).toBe(true);
    await page.click('#confirmNo');
    expect(await page.inputValue('#name')).toBe('I Wayan Darma');
    await page.click('#clear');
    await page.click('#confirmYes');
    expect(await page.inputValue('#name')).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the validation message next to the field and stores nothing', async () => {
    const before = registerRows().length;
    const page = await openSidebar(PEOPLE.cs);
    await page.fill('#name', 'Tanpa Perihal');
    await page.click('#save');
    await expect.poll(() => page.textContent('[data-error-for="subject"]')).not.toBe('');
    expect(await page.getAttribute('#subject', 'class')).toContain('invalid');
    // Tied to the field for screen readers: aria-invalid and aria-describedby naming the message.
    expect(await page.getAttribute('#subject', 'aria-invalid')).toBe('true');
    const described = (await page.getAttribute('#subject', 'aria-describedby')) ?? '';
    expect(await page.textContent(`#${described.split(' ').pop()}`)).not.toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    expect(registerRows().length).toBe(before);
    await page.close();
  });

  it('records a walk-in answered on the spot as Selesai', async () => {
    const page = await openSidebar(PEOPLE.cs);
    await page.selectOption('#channel', 'Tatap Muka');
    await page.fill('#name', 'Pengadu Langsung');
    await page.fill('#subject', 'Informasi syarat pendirian koperasi');
    await page.selectOption('#unit', 'Bidang Koperasi');
    await page.check('#outcomeSpot');
    await page.fill('#answer', 'Dijelaskan syarat pendirian koperasi sesuai Permenkop.');
    await page.click('#save');
    await expect.poll(() => page.textContent('#rNumber')).toContain('DUMAS-2026-');
    const rows = registerRows();
    const header = rows[0] as string[];
    const last = rows[rows.length - 1];
    expect(last[header.indexOf('Status')]).toBe('Selesai');
    expect(last[header.indexOf('Jawaban Unit')]).toBe('Dijelaskan syarat pendirian koperasi sesuai Permenkop.');
    await page.close();
  });

  it('renders a hostile unit name as text and runs no injected script', async () => {
    const page = await openSidebar(PEOPLE.cs);
    const options = await page.$$eval('#unit option', (els) => els.map((e) => e.textContent));
    expect(options).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('refuses someone outside the team', async () => {
    const res = await fetch(`${preview.url}/sidebar/showRecordSidebar?as=${encodeURIComponent(PEOPLE.stranger)}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('belum terdaftar');
  });
});
