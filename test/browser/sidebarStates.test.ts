// The sidebars at Google Sheets' real size (300×600): every role's main action in view without scrolling, honest
// loading and errors (a faked server failure, late answers), field errors tied to their fields, axe-core on every page.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { letterAt, recordLetter } from '../bundle/workflowOffice';
import { walkIn, person } from '../bundle/publicHelpers';
import { startPreview, type Preview } from '../preview/server';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';

let browser: Browser;
let preview: Preview;
let office: Office;
const reg: Record<string, string> = {};

beforeAll(async () => {
  office = openOffice();
  reg.received = recordLetter(office);
  reg.received2 = recordLetter(office, { subject: 'Sisa hasil usaha KSP tidak dibagikan' });
  reg.received3 = recordLetter(office, { subject: 'Pelatihan UMKM dipungut biaya' });
  reg.waiting = letterAt(office, 'Menunggu Disposisi');
  reg.disposed = letterAt(office, 'Didisposisikan');
  reg.followed = letterAt(office, 'Ditindaklanjuti');
  reg.closed = walkIn(office, person(7), true);
  preview = await startPreview(office);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function open(fn: string, as: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
  const response = await page.goto(`${preview.url}/sidebar/${fn}?as=${encodeURIComponent(as)}`);
  expect(response?.status(), `${fn} as ${as}`).toBe(200);
  return page;
}

async function pick(page: Page, number: string): Promise<void> {
  await page.selectOption('#picker', number);
  await expect.poll(() => page.textContent('#sReg')).toBe(number);
}

/** Fully inside the first 600 px, with the page not scrolled. */
async function inFirstScreen(page: Page, selector: string): Promise<void> {
  expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
  const box = await page.locator(selector).boundingBox();
  expect(box, selector).not.toBeNull();
  expect(box!.y, selector).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${selector} bottom`).toBeLessThanOrEqual(600);
  expect(await page.isVisible(selector)).toBe(true);
}

describe('sidebars at 300×600 (Chromium)', () => {
  const cases: [string, string, string, string, string][] = [
    ['Petugas CS: Catat Pengaduan', 'showRecordSidebar', 'cs', '', '#save'],
    ['Sekretaris Tim: Agenda', 'showAgendaSidebar', 'sekretaris', 'received', '#submit-agenda'],
    ['Kepala Dinas: Disposisi', 'showDisposisiSidebar', 'kadis', 'waiting', '#submit-dispose'],
    ['Anggota Tim: Tindak Lanjut', 'showTindakLanjutSidebar', 'koperasi', 'disposed', '#submit-followUp'],
    ['Ketua Tim: Perpanjangan', 'showPerpanjanganSidebar', 'ketua', 'followed', '#submit-extend'],
    ['Ketua Tim: Alihkan', 'showAlihkanSidebar', 'ketua', 'followed', '#submit-forward'],
    ['Ketua Tim: Buka Kembali', 'showBukaKembaliSidebar', 'ketua', 'closed', '#submit-reopen'],
    ['Ketua Tim: Pemantauan', 'showPemantauanSidebar', 'ketua', '', '#items li:first-child'],
    ['Ketua Tim: Riwayat', 'showRiwayatSidebar', 'ketua', '', '#load'],
    ['Anggota Tim: Surat Jawaban', 'showLetterSidebar', 'koperasi', 'disposed', '#f-draft button'],
  ];
  for (const [title, fn, who, which, main] of cases) {
    it(`${title}: the main action is in view without scrolling; axe finds nothing serious`, async () => {
      const page = await open(fn, PEOPLE[who as keyof typeof PEOPLE]);
      expect(await page.getAttribute('html', 'lang')).toBe('id');
      if (which && fn === 'showLetterSidebar') {
        await page.selectOption('#pick', reg[which]);
        await expect.poll(() => page.textContent('#cReg')).toBe(reg[which]);
      } else if (which) await pick(page, reg[which]);
      if (fn === 'showRiwayatSidebar') {
        // The longest history of the office, with names and long notes: it must wrap, not overflow.
        await page.fill('#regInput', reg.followed);
        await page.click('#load');
        await expect.poll(() => page.$$eval('#history li', (els) => els.length)).toBeGreaterThanOrEqual(5);
        expect(await page.textContent('#history')).not.toMatch(/@|Versi/);
      }
      await inFirstScreen(page, main);
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing sticks out sideways.
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(300);
      await page.close();
    });
  }

  it('Agenda does not open on a selected row it cannot act on', async () => {
    // A complaint waiting for the Kepala Dinas is selected in the register: nothing for the Sekretaris to do.
    const rows = office.sheetValues('Register');
    const at = rows.findIndex((r) => r[0] === reg.waiting) + 1;
    office.emu.sheets.select(office.emu.spreadsheet.getSheetByName('Register')!, `C${at}`);
    const page = await open('showAgendaSidebar', PEOPLE.sekretaris);
    expect(await page.isHidden('#card')).toBe(true);
    expect(await page.textContent('body')).not.toContain('Tidak ada tindakan');
    await page.close();
  });

  it('a failing server shows Indonesian text, clears the old card, and "Coba lagi" loads it', async () => {
    const page = await open('showAgendaSidebar', PEOPLE.sekretaris);
    await pick(page, reg.received);
    // The next load fails as Apps Script reports a script error: an English exception.
    let fail = true;
    await page.route('**/run/openWorkflowComplaint', async (route: Route) => {
      if (!fail) return route.continue();
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: "TypeError: Cannot read properties of undefined (reading 'getRange')",
        }),
      });
    });
    await page.selectOption('#picker', reg.received2);
    await expect.poll(() => page.getAttribute('#loadNotice', 'class')).toBe('notice fail');
    const text = (await page.textContent('#loadNotice')) ?? '';
    expect(text).toContain('Server tidak dapat dihubungi');
    expect(text).not.toMatch(/TypeError|undefined|getRange/);
    expect(await page.isHidden('#card')).toBe(true);
    expect(await page.textContent('#sReg')).toBe('');
    expect(await page.isHidden('#form-agenda')).toBe(true);
    fail = false;
    await page.click('#loadNotice button.retry');
    await expect.poll(() => page.textContent('#sReg')).toBe(reg.received2);
    expect(await page.isVisible('#form-agenda')).toBe(true);
    await page.close();
  });

  it('three quick changes of the dropdown show the last chosen complaint, whatever order the answers come in', async () => {
    const page = await open('showAgendaSidebar', PEOPLE.sekretaris);
    // The first request answers last, the last one first.
    const delays = [900, 450, 0];
    let n = 0;
    await page.route('**/run/openWorkflowComplaint', async (route: Route) => {
      const wait = delays[n++] ?? 0;
      const response = await route.fetch();
      const body = await response.text();
      await new Promise((resolve) => setTimeout(resolve, wait));
      await route.fulfill({ response, body });
    });
    await page.selectOption('#picker', reg.received);
    await page.selectOption('#picker', reg.received2);
    await page.selectOption('#picker', reg.received3);
    expect(await page.textContent('#loadNotice')).toContain('Memuat');
    await expect.poll(() => page.textContent('#sReg')).toBe(reg.received3);
    await page.waitForTimeout(1200); // every late answer has arrived by now
    expect(await page.textContent('#sReg')).toBe(reg.received3);
    expect(await page.textContent('#sSubject')).toBe('Pelatihan UMKM dipungut biaya');
    expect(n).toBe(3);
    await page.close();
  });

  it('a refused action marks the fields it names (aria-invalid, aria-describedby) and locks nothing afterwards', async () => {
    const page = await open('showAgendaSidebar', PEOPLE.sekretaris);
    await pick(page, reg.received);
    await page.fill('#agendaNumber', '');
    await page.fill('#agendaDate', '');
    await page.click('#submit-agenda');
    await expect.poll(() => page.getAttribute('#agendaNumber', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#agendaDate', 'aria-invalid')).toBe('true');
    const described = (await page.getAttribute('#agendaNumber', 'aria-describedby')) ?? '';
    expect(await page.textContent(`#${described}`)).toMatch(/Nomor agenda/i);
    expect(await page.textContent('#notice')).toMatch(/Nomor agenda/i);
    expect(await page.isEnabled('#submit-agenda')).toBe(true);
    expect(await page.isEnabled('#picker')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('while saving, the page says so and locks its controls; the answer unlocks them', async () => {
    const page = await open('showTindakLanjutSidebar', PEOPLE.koperasi);
    await pick(page, reg.disposed);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/run/runWorkflowAction', async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.fill('#followUpNote', 'Pengurus koperasi sudah dihubungi lewat telepon.');
    await page.click('#submit-followUp');
    await expect.poll(() => page.textContent('#submit-followUp')).toBe('Menyimpan …');
    expect(await page.textContent('#notice')).toBe('Menyimpan …');
    expect(await page.isDisabled('#picker')).toBe(true);
    expect(await page.isDisabled('#followUpNote')).toBe(true);
    release();
    await expect.poll(() => page.textContent('#submit-followUp')).toBe('Simpan catatan');
    expect(await page.textContent('#notice')).toContain(reg.disposed);
    expect(await page.isEnabled('#picker')).toBe(true);
    expect(await page.textContent(`#picker option[value="${reg.disposed}"]`)).toContain('Ditindaklanjuti');
    await page.close();
  });

  it('Enter in a workflow field saves nothing; numbers are found whatever their case', async () => {
    const before = office.sheetValues('Log Audit').length;
    const page = await open('showAgendaSidebar', PEOPLE.sekretaris);
    await page.fill('#regInput', reg.received.toLowerCase());
    await page.press('#regInput', 'Enter');
    await expect.poll(() => page.textContent('#sReg')).toBe(reg.received);
    await page.press('#agendaNumber', 'Enter');
    await page.waitForTimeout(400);
    expect(office.sheetValues('Log Audit').length).toBe(before);
    await page.close();
  });

  it('Surat Jawaban also finds a number typed in lower case', async () => {
    const page = await open('showLetterSidebar', PEOPLE.koperasi);
    await page.fill('#reg', reg.disposed.toLowerCase());
    await page.click('#load');
    await expect.poll(() => page.textContent('#cReg')).toBe(reg.disposed);
    await page.close();
  });

  it('Disposisi: "Petugas pelaksana" lists the chosen unit\'s members by name', async () => {
    const page = await open('showDisposisiSidebar', PEOPLE.kadis);
    await pick(page, reg.waiting);
    expect(await page.isDisabled('#assignedTo')).toBe(true);
    await page.selectOption('#unit', 'Bidang Koperasi');
    const options = await page.$$eval('#assignedTo option', (els) =>
      els.map((e) => [(e as unknown as { value: string }).value, e.textContent]),
    );
    expect(options.slice(1)).toEqual([[PEOPLE.koperasi, expect.not.stringContaining('@')]]);
    await page.close();
  });
});
