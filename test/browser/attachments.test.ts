// Attachments by signed link in a real browser: a citizen on a phone adds a large photo (downscaled by the page) and a
// PDF without a Google account; a disguised file and a forged link are refused; the assigned unit opens the files in
// the sidebar, the other unit and the Administrator see none of them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { setSetting, setting } from '../bundle/publicHelpers';
import { act, recordLetter } from '../bundle/workflowOffice';
import { EXE_AS_JPG, HTML_AS_PDF, attachLinkFor, pdfBytes } from '../bundle/attachHelpers';
import { startPreview, type Preview } from '../preview/server';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';

let browser: Browser;
let preview: Preview;
let office: Office;
let reg: string;
let link: URL;
let bigPng: Buffer;

const EMAIL = 'pengadu.foto@example.com';

beforeAll(async () => {
  office = openOffice({ access: 'enforced' });
  office.emu.setUser(PEOPLE.admin);
  const drive = office.emu.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
  drive
    .getFileById(office.emu.spreadsheet.getId())
    .addEditors([PEOPLE.cs, PEOPLE.sekretaris, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi, PEOPLE.ukm]);
  const url = office.emu.project.deployWebApp(PEOPLE.admin, {
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE_ANONYMOUS',
  }).url;
  setSetting(office, 'url_halaman_status', url);
  reg = recordLetter(office, { email: EMAIL, privacy: 'rahasia', subject: 'Perihal rahasia pengurus koperasi' });
  link = attachLinkFor(office, EMAIL);
  for (const [who, sidebar, action, input] of [
    [PEOPLE.sekretaris, 'agenda', 'agenda', { agendaNumber: 'SM-2026-0701', agendaDate: '2026-11-30' }],
    [PEOPLE.sekretaris, 'agenda', 'forwardToHead', {}],
    [PEOPLE.kadis, 'disposisi', 'dispose', { unit: 'Bidang Koperasi', instruction: 'Periksa.', priority: 'Biasa' }],
  ] as const) {
    const r = act(office, who, sidebar, reg, action, input);
    if (!r.ok) throw new Error(r.message);
  }
  preview = await startPreview(office);
  browser = await launchChromium();
  // A phone photo as a large PNG (3000 × 2000 of noise: far over 5 MB), drawn by Chromium itself.
  const maker = await browser.newPage();
  const base64 = await maker.evaluate(() => {
    const d = (globalThis as unknown as { document: { createElement(t: string): unknown } }).document;
    const c = d.createElement('canvas') as {
      width: number;
      height: number;
      getContext(k: string): {
        createImageData(w: number, h: number): { data: Uint8ClampedArray };
        putImageData(i: unknown, x: number, y: number): void;
      };
      toDataURL(t: string): string;
    };
    c.width = 3000;
    c.height = 2000;
    const g = c.getContext('2d');
    const img = g.createImageData(3000, 2000);
    let seed = 7;
    for (let i = 0; i < img.data.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      img.data[i] = i % 4 === 3 ? 255 : seed & 0xff;
    }
    g.putImageData(img, 0, 0);
    const url = c.toDataURL('image/png');
    return url.slice(url.indexOf(',') + 1);
  });
  bigPng = Buffer.from(base64, 'base64');
  await maker.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function phone(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(`${preview.url}/app${query}`);
  return page;
}

async function sidebar(as: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
  await page.goto(`${preview.url}/sidebar/showRiwayatSidebar?as=${encodeURIComponent(as)}`);
  await page.fill('#regInput', reg);
  await page.click('#load');
  await expect.poll(() => page.textContent('#sReg')).toBe(reg);
  return page;
}

const folderFiles = () =>
  office.emu.drive.files().filter((f) => f.parents.includes(setting(office, 'id_folder_lampiran')) && !f.trashed);

describe('attachments through the link (Chromium, phone viewport)', () => {
  it('a citizen without a Google account attaches a large photo (downscaled to JPEG) and a PDF', async () => {
    expect(bigPng.length).toBeGreaterThan(5 * 1024 * 1024);
    const page = await phone(link.search);
    expect(await page.textContent('#regNumber')).toBe(reg);
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toContain('Perihal rahasia');
    expect(body).toContain('paling banyak 5 berkas');
    expect(await seriousViolations(page)).toEqual([]);
    const pdf = await pdfBytes('Bukti setoran simpanan anggota');
    await page.setInputFiles('#files', [
      { name: 'IMG_2041.png', mimeType: 'image/png', buffer: bigPng },
      { name: 'bukti setoran.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await page.click('#send');
    await expect.poll(() => page.$$eval('#results li.ok', (els) => els.length), { timeout: 30_000 }).toBe(2);
    expect(await page.textContent('#count')).toContain('2 dari 5');
    const files = folderFiles();
    expect(files.map((f) => [f.name, f.mimeType])).toEqual([
      [`${reg}-1.jpg`, 'image/jpeg'],
      [`${reg}-2.pdf`, 'application/pdf'],
    ]);
    const photo = office.emu.drive.bytes(files[0].id);
    expect(photo.length).toBeLessThan(5 * 1024 * 1024);
    expect(Buffer.from(office.emu.drive.bytes(files[1].id)).equals(pdf)).toBe(true);
    const widths = await page.evaluate(() => {
      const g = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return { scroll: g.document.documentElement.scrollWidth, viewport: g.innerWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    await page.close();
  }, 60_000);

  it('a program named .jpg, an HTML page named .pdf and a 6 MB PDF are refused with a clear message; nothing is stored', async () => {
    const oversizedPdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(6 * 1024 * 1024, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const page = await phone(link.search);
    await page.setInputFiles('#files', [
      { name: 'foto.jpg', mimeType: 'image/jpeg', buffer: EXE_AS_JPG },
      { name: 'surat.pdf', mimeType: 'application/pdf', buffer: HTML_AS_PDF },
      { name: 'pindaian besar.pdf', mimeType: 'application/pdf', buffer: oversizedPdf },
    ]);
    await page.click('#send');
    await expect.poll(() => page.$$eval('#results li.fail', (els) => els.length), { timeout: 30_000 }).toBe(3);
    const texts = await page.$$eval('#results li', (els) => els.map((e) => e.textContent ?? ''));
    for (const t of texts.slice(0, 2)) expect(t).toContain('bukan foto JPEG/PNG atau dokumen PDF');
    expect(texts[2]).toContain('pindaian besar.pdf: Berkas terlalu besar (paling besar 5 MB)');
    expect(folderFiles()).toHaveLength(2);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('a forged link shows only that the link is not valid', async () => {
    const forged = new URL(link);
    forged.searchParams.set('t', `Q${link.searchParams.get('t')!.slice(1)}`);
    const page = await phone(forged.search);
    expect(await page.textContent('#closedText')).toContain('Tautan lampiran ini tidak berlaku');
    expect(await page.isHidden('#upload')).toBe(true);
    await page.close();
  });

  it('the assigned unit sees the files in the sidebar and opens the photo (at most 1600 px) and the PDF', async () => {
    const page = await sidebar(PEOPLE.koperasi);
    await expect.poll(() => page.$$eval('#attList li', (els) => els.length)).toBe(2);
    const items = await page.$$eval('#attList li div', (els) => els.map((e) => e.textContent ?? ''));
    expect(items[0]).toMatch(new RegExp(`^${reg}-1\\.jpg · Foto JPEG · .+ · 30 November 2026 pukul`));
    expect(items[1]).toContain(`${reg}-2.pdf · PDF`);
    await page.click(`button:has-text("Buka ${reg}-1.jpg")`);
    await expect.poll(() => page.$$eval('#attView img', (els) => els.length)).toBe(1);
    // 3000 × 2000 scaled to a longer side of 1600 px.
    await expect
      .poll(() =>
        page.$eval('#attView img', (img) => {
          const i = img as unknown as { naturalWidth: number; naturalHeight: number };
          return [i.naturalWidth, i.naturalHeight];
        }),
      )
      .toEqual([1600, 1067]);
    expect(await page.getAttribute('#attView a', 'download')).toBe(`${reg}-1.jpg`);
    await page.click(`button:has-text("Buka ${reg}-2.pdf")`);
    await expect.poll(() => page.getAttribute('#attView a', 'download')).toBe(`${reg}-2.pdf`);
    expect(await page.getAttribute('#attView a', 'href')).toMatch(/^blob:/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('the Administrator and another unit see no attachments at all', async () => {
    const page = await sidebar(PEOPLE.admin);
    expect(await page.isHidden('#attBox')).toBe(true);
    expect(await page.$$eval('#attList li', (els) => els.length)).toBe(0);
    await page.close();
    const other = await browser.newPage({ viewport: { width: 300, height: 600 } });
    await other.goto(`${preview.url}/sidebar/showRiwayatSidebar?as=${encodeURIComponent(PEOPLE.ukm)}`);
    await other.fill('#regInput', reg);
    await other.click('#load');
    await expect.poll(() => other.textContent('#loadNotice')).toMatch(/\S/);
    expect(await other.isHidden('#attBox')).toBe(true);
    expect((await other.textContent('body')) ?? '').not.toContain(`${reg}-1.jpg`);
    await other.close();
  });
});
