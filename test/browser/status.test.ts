// The public web app in a real (phone-sized) browser: look up a complaint, the single refusal, rate through the signed link.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, type Office } from '../bundle/office';
import { STATUS_URL, complaintOf, person, ratingLinkFor, setSetting, walkIn } from '../bundle/publicHelpers';
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

async function openApp(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(`${preview.url}/app${query}`);
  return page;
}

describe('status page (Chromium, phone viewport)', () => {
  it('shows the stage, deadline and unit for a valid number and code, and nothing personal', async () => {
    const p = person(1);
    const reg = walkIn(office, p, false);
    const page = await openApp();
    await page.fill('#regNumber', reg.toLowerCase());
    await page.fill('#code', complaintOf(office, reg).accessCode);
    await page.click('#check');
    await expect.poll(() => page.textContent('#rStage')).toBe('Ditindaklanjuti');
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('Senin, 7 Desember 2026');
    expect(text).toContain('Bidang Koperasi');
    expect(await page.$$eval('#rSteps li.current', (els) => els.map((e) => e.textContent))).toEqual(['Ditangani unit']);
    expect(await seriousViolations(page)).toEqual([]);
    for (const secret of [p.name, p.nik, p.phone, p.email, p.address, p.subject, p.description])
      expect(text).not.toContain(secret);
    // Fits a phone: no horizontal scrolling.
    const widths = await page.evaluate(() => {
      const g = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return { scroll: g.document.documentElement.scrollWidth, viewport: g.innerWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    await page.close();
  });

  it('helps: the code explained, a contact for a lost receipt, the regency, the number from the receipt link', async () => {
    const reg = walkIn(office, person(5), false);
    const page = await openApp(`?no=${encodeURIComponent(reg)}`);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.inputValue('#regNumber')).toBe(reg);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id,
      ),
    ).toBe('code');
    expect(await page.textContent('header')).toContain('KABUPATEN TABANAN');
    expect(await page.textContent('#codeHelp')).toMatch(/6 huruf\/angka/);
    // The contact comes from Pengaturan: change the office phone and the page says the new one.
    setSetting(office, 'telepon_instansi', '(0361) 555 123');
    const again = await openApp();
    expect(await again.textContent('#contact')).toContain('(0361) 555 123');
    expect(await again.textContent('#contact')).toContain('KTP');
    expect(await seriousViolations(again)).toEqual([]);
    await page.close();
    await again.close();
  });

  it('shows the same refusal for a wrong code and an unknown number; hostile input stays text', async () => {
    const reg = walkIn(office, person(2), false);
    const page = await openApp();
    await page.fill('#regNumber', reg);
    await page.fill('#code', 'ZZZZZZ');
    await page.click('#check');
    await expect.poll(() => page.textContent('#notice')).toContain('tidak cocok');
    const wrongCode = await page.textContent('#notice');
    await page.fill('#regNumber', '<img src=x onerror="window.__pwned=1">');
    await page.click('#check');
    // The notice is hidden when the request leaves and shown again by the answer: wait for the new one.
    await expect.poll(() => page.getAttribute('#notice', 'class')).toBe('notice fail');
    expect(await page.textContent('#notice')).toBe(wrongCode);
    expect(await page.isHidden('#result')).toBe(true);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('rates through the emailed link: the form, the thanks, then "already rated" on a second visit', async () => {
    const p = person(3);
    const reg = walkIn(office, p, true);
    const link = ratingLinkFor(office, p.email);
    const page = await openApp(link.search);
    await expect.poll(() => page.textContent('#regNumber')).toBe(reg);
    await page.click('#send');
    await expect.poll(() => page.textContent('[data-error-for="score"]')).toContain('Pilih nilai');
    await page.click('label:has(#score4)');
    await page.check('#resolvedYes');
    await page.fill('#comment', '<script>window.__pwned=1</script> Pelayanan cepat.');
    expect(await seriousViolations(page)).toEqual([]);
    // Touch targets: every choice and score at least 44 px tall.
    for (const sel of ['label.choice', '.scores span', '#send']) {
      const heights = await page.$$eval(sel, (els) => els.map((e) => e.getBoundingClientRect().height));
      for (const h of heights) expect(h, sel).toBeGreaterThanOrEqual(44);
    }
    await page.click('#send');
    await expect.poll(() => page.textContent('#closedText')).toBe('Terima kasih atas penilaian Anda.');
    const rows = office.sheetValues('Penilaian');
    expect(rows.at(-1)?.slice(1)).toEqual([
      reg,
      'Bidang Koperasi',
      1,
      4,
      'Ya',
      '<script>window.__pwned=1</script> Pelayanan cepat.',
    ]);
    const again = await openApp(link.search);
    expect(await again.textContent('#closedText')).toContain('sudah kami terima');
    expect(await again.isHidden('#rating')).toBe(true);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
    await again.close();
  });

  it('a tampered link shows only that the link is not valid', async () => {
    const p = person(4);
    walkIn(office, p, true);
    const link = ratingLinkFor(office, p.email);
    link.searchParams.set('t', `x${link.searchParams.get('t')!.slice(1)}`);
    const page = await openApp(link.search);
    expect(await page.textContent('#closedText')).toContain('tidak berlaku');
    expect(await page.isHidden('#rating')).toBe(true);
    await page.close();
  });
});
