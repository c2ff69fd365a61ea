// The public statistics page in a real (phone-sized) browser, on the December month: the table, the CSV download,
// the link from the status page, accessibility (axe-core), and no personal data on screen.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../scripts/simulation/engine';
import { parseScenario } from '../../scripts/simulation/scenario';
import type { Office } from '../bundle/office';
import { complaints } from '../bundle/publicHelpers';
import { startPreview, type Preview } from '../preview/server';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';

let browser: Browser;
let preview: Preview;
let office: Office;

beforeAll(async () => {
  const file = 'scenarios/kantor-desember-2026.json';
  office = runScenario(parseScenario(JSON.parse(readFileSync(file, 'utf8')), file)).office;
  preview = await startPreview(office);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('statistics page (Chromium, phone viewport)', () => {
  it('is reached from the status page and shows the months of the year, with a CSV to download', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${preview.url}/app`);
    const href = await page.getAttribute('#statsLink', 'href');
    expect(href).toContain('halaman=statistik');
    await page.goto(`${preview.url}/app?halaman=statistik&tahun=2026`);
    await expect.poll(() => page.textContent('#stats thead')).toContain('Desember 2026');
    const header = await page.$$eval('#stats thead th', (els) => els.map((e) => e.textContent));
    expect(header.slice(-2)).toEqual(['Desember 2026', 'Tahun 2026']);
    const received = await page.$$eval('#stats tbody tr', (rows) =>
      rows
        .filter((r) => r.querySelector('th')?.textContent === 'Pengaduan diterima')
        .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(received[0].slice(-2)).toEqual(['63', '66']);
    expect(await page.textContent('body')).toContain('<3');
    expect(await page.getAttribute('#csv', 'download')).toBe('statistik-pengaduan-2026.csv');
    const csv = decodeURIComponent(
      ((await page.getAttribute('#csv', 'href')) ?? '').replace(/^data:text\/csv;charset=utf-8,/, ''),
    );
    expect(
      csv
        .replace(/^\ufeff/, '')
        .split('\r\n')
        .at(-1),
    ).toMatch(/^2026,66,/);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1).slice(0, 1500)).toEqual([]);
    const text = (await page.textContent('body')) ?? '';
    for (const c of complaints(office)) {
      for (const secret of [c.name, c.nik, c.phone, c.email, c.subject])
        if (secret.trim().length >= 6) expect(text).not.toContain(secret);
      expect(text).not.toContain(c.regNumber);
    }
    // The wide table scrolls inside its box; the page itself does not scroll sideways.
    const widths = await page.evaluate(() => {
      const g = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return { scroll: g.document.documentElement.scrollWidth, viewport: g.innerWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    await page.close();
  });
});
