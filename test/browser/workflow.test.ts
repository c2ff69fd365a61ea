// Every workflow sidebar in Chromium: the happy path, a refused role, a stale-data conflict, hostile text as text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { startPreview, type Preview } from '../preview/server';
import { seriousViolations } from './axe';
import { launchChromium } from './chromium';

const HOSTILE = '<img src=x onerror="window.__pwned=1">"Tut" & \'kutip\'';

let browser: Browser;
let preview: Preview;
let office: Office;
let letter = '';
let walkIn = '';

function record(subject: string, channel = 'Surat'): string {
  const result = office.as<{ ok: boolean; regNumber: string; message: string }>(PEOPLE.cs, 'recordComplaint', {
    channel,
    name: HOSTILE,
    nik: '5102011501900001',
    phone: '081234567890',
    subject,
    description: `Uraian ${HOSTILE}`,
    ktpSeen: true,
    letterPresent: channel === 'Surat',
    ...(channel === 'Tatap Muka' ? { unit: 'Bidang Koperasi', outcome: 'agreed' } : {}),
  });
  if (!result.ok) throw new Error(result.message);
  return result.regNumber;
}

function registerRow(reg: string): Record<string, unknown> {
  const [header, ...rows] = office.sheetValues('Register');
  const row = rows.find((r) => r[0] === reg);
  if (!row) throw new Error(`no row ${reg}`);
  return Object.fromEntries((header as string[]).map((h, i) => [h, row[i]]));
}

beforeAll(async () => {
  office = openOffice();
  letter = record(HOSTILE);
  walkIn = record('Pinjaman modal', 'Tatap Muka');
  preview = await startPreview(office);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function open(fn: string, as: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(`${preview.url}/sidebar/${fn}?as=${encodeURIComponent(as)}`);
  expect(response?.status()).toBe(200);
  return page;
}

async function pick(page: Page, reg: string): Promise<void> {
  await page.selectOption('#picker', reg);
  await expect.poll(() => page.textContent('dd[data-field="regNumber"]')).toBe(reg);
}

/** axe-core: no serious or critical violation on the page as it is now. */
async function accessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (globalThis as { __pwned?: number }).__pwned);
}

describe('workflow sidebars (Chromium)', () => {
  it('Agenda: the Sekretaris agendas and forwards; hostile text stays text', async () => {
    const page = await open('showAgendaSidebar', PEOPLE.sekretaris);
    await pick(page, letter);
    expect(await page.textContent('dd[data-field="subject"]')).toBe(HOSTILE);
    await accessible(page);
    await page.fill('#agendaNumber', 'SM-2026-0101');
    await page.fill('#agendaDate', '2026-11-30');
    await page.click('#submit-agenda');
    await expect.poll(() => page.textContent('#notice')).toMatch(/berhasil|dicatat|Diagendakan/i);
    await expect.poll(() => registerRow(letter)['Status']).toBe('Diagendakan');
    await page.click('#submit-forwardToHead');
    await expect.poll(() => registerRow(letter)['Status']).toBe('Menunggu Disposisi');
    // The register is written before the page re-renders with the answer: wait for the history it shows.
    await expect.poll(() => page.$$eval('#history li', (els) => els.length)).toBeGreaterThanOrEqual(3);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('Disposisi: the Kepala Dinas dispositions to a unit', async () => {
    const page = await open('showDisposisiSidebar', PEOPLE.kadis);
    await pick(page, letter);
    await page.selectOption('#unit', 'Bidang Koperasi');
    await page.fill('#instruction', 'Segera tindak lanjuti & laporkan <b>hasilnya</b>.');
    await accessible(page);
    await page.click('#submit-dispose');
    await expect.poll(() => registerRow(letter)['Status']).toBe('Didisposisikan');
    expect(registerRow(letter)['Instruksi Disposisi']).toBe('Segera tindak lanjuti & laporkan <b>hasilnya</b>.');
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('Tindak Lanjut: the unit records progress; a stale page is refused and offers to reload', async () => {
    const stale = await open('showTindakLanjutSidebar', PEOPLE.koperasi);
    await pick(stale, letter);
    const fresh = await open('showTindakLanjutSidebar', PEOPLE.koperasi);
    await pick(fresh, letter);
    await fresh.fill('#followUpNote', 'Sudah menghubungi pengadu.');
    await accessible(fresh);
    await fresh.click('#submit-followUp');
    await expect.poll(() => registerRow(letter)['Status']).toBe('Ditindaklanjuti');
    const version = registerRow(letter)['Versi'];
    await stale.fill('#followUpNote', 'Catatan dari halaman lama.');
    await stale.click('#submit-followUp');
    await expect.poll(() => stale.textContent('#notice')).toMatch(/diubah|berubah|muat ulang/i);
    expect(await stale.isVisible('#reload')).toBe(true);
    expect(registerRow(letter)['Versi']).toBe(version);
    expect(String(registerRow(letter)['Catatan Tindak Lanjut'])).not.toContain('halaman lama');
    await stale.click('#reload');
    await expect
      .poll(() => stale.textContent('dd[data-field="followUpNotes"]'))
      .toContain('Sudah menghubungi pengadu.');
    await stale.close();
    await fresh.close();
  });

  it('Perpanjangan: the Ketua Tim grants the special case; the deadline moves to a month', async () => {
    const page = await open('showPerpanjanganSidebar', PEOPLE.ketua);
    await pick(page, letter);
    const before = (registerRow(letter)['Tenggat'] as Date).getTime();
    await page.fill('#extOfficial', 'Kepala Bidang Koperasi');
    await page.fill('#extReason', 'Dinas luar ke Jakarta');
    await page.fill('#extFrom', '2026-12-01');
    await page.fill('#extUntil', '2026-12-18');
    await accessible(page);
    await page.click('#submit-extend');
    await expect.poll(() => registerRow(letter)['Jenis Tenggat']).toBe('khusus');
    expect((registerRow(letter)['Tenggat'] as Date).getTime()).toBeGreaterThan(before);
    await page.close();
  });

  it("Alihkan: the Ketua Tim forwards a complaint that is not the agency's authority", async () => {
    const page = await open('showAlihkanSidebar', PEOPLE.ketua);
    await pick(page, walkIn);
    await page.fill('#forwardedTo', 'Dinas Perindustrian dan Perdagangan');
    await page.fill('#forwardNote', 'Perizinan toko bukan kewenangan kami.');
    await accessible(page);
    await page.click('#submit-forward');
    await expect.poll(() => registerRow(walkIn)['Status']).toBe('Dialihkan');
    await page.close();
  });

  it('Pemantauan: the live list shows every complaint, hostile text as text', async () => {
    const page = await open('showPemantauanSidebar', PEOPLE.ketua);
    await page.check('#includeClosed');
    await page.click('#refresh');
    await expect
      .poll(() => page.$$eval('#items li[data-reg]', (els) => els.map((e) => e.getAttribute('data-reg'))))
      .toEqual(expect.arrayContaining([letter, walkIn]));
    expect(await page.textContent(`#items li[data-reg="${letter}"]`)).toContain(HOSTILE);
    await accessible(page);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('Riwayat: the history shows every action of the audit log', async () => {
    const page = await open('showRiwayatSidebar', PEOPLE.ketua);
    await page.fill('#regInput', letter);
    await page.click('#load');
    await expect.poll(() => page.$$eval('#history li', (els) => els.length)).toBeGreaterThanOrEqual(6);
    const audit = office.sheetValues('Log Audit').filter((r) => r[4] === letter);
    await accessible(page);
    expect(await page.$$eval('#history li', (els) => els.length)).toBe(audit.length);
    await page.close();
  });

  it('Tindak Lanjut closes a walk-in by the agreed date; Buka Kembali lets the Ketua Tim reopen it', async () => {
    const agreed = record('Konsultasi legalitas koperasi', 'Tatap Muka');
    const unitPage = await open('showTindakLanjutSidebar', PEOPLE.koperasi);
    await pick(unitPage, agreed);
    // One form at a time: the note first, "Selesaikan" behind its choice button.
    expect(await unitPage.isVisible('#closingAnswer')).toBe(false);
    await unitPage.click('#tlChoice button[data-show="closeWithAnswer"]');
    await unitPage.fill('#closingAnswer', 'Sudah dijelaskan syarat legalitas; pengadu setuju.');
    await unitPage.click('#submit-closeWithAnswer');
    await expect.poll(() => registerRow(agreed)['Status']).toBe('Selesai');
    await unitPage.close();
    const page = await open('showBukaKembaliSidebar', PEOPLE.ketua);
    await pick(page, agreed);
    await page.fill('#reopenNote', 'Pengadu menyatakan syarat yang dijelaskan berbeda dengan di loket.');
    await accessible(page);
    await page.click('#submit-reopen');
    await expect.poll(() => registerRow(agreed)['Status']).toBe('Ditindaklanjuti');
    expect(registerRow(agreed)['Dibuka Kembali']).toBe(1);
    await page.close();
  });

  it('refuses a role that may not open a sidebar', async () => {
    for (const [fn, who] of [
      ['showDisposisiSidebar', PEOPLE.cs],
      ['showAgendaSidebar', PEOPLE.koperasi],
      ['showPerpanjanganSidebar', PEOPLE.sekretaris],
      ['showAlihkanSidebar', PEOPLE.kadis],
      ['showPemantauanSidebar', PEOPLE.stranger],
      ['showBukaKembaliSidebar', PEOPLE.sekretaris],
    ] as const) {
      const res = await fetch(`${preview.url}/sidebar/${fn}?as=${encodeURIComponent(who)}`);
      expect(res.status, `${fn} as ${who}`).toBe(403);
    }
  });

  it('masks an anonymous complainant for the unit', async () => {
    const anon = office.as<{ ok: boolean; regNumber: string }>(PEOPLE.cs, 'recordComplaint', {
      channel: 'Tatap Muka',
      name: 'Nama Asli Rahasia',
      nik: '5102011501900001',
      phone: '081299998888',
      subject: 'Pungutan',
      privacy: 'anonim',
      unit: 'Bidang Koperasi',
      outcome: 'agreed',
      ktpSeen: true,
    });
    const page = await open('showTindakLanjutSidebar', PEOPLE.koperasi);
    await page.fill('#regInput', anon.regNumber);
    await page.click('#load');
    await expect.poll(() => page.textContent('dd[data-field="regNumber"]')).toBe(anon.regNumber);
    const html = await page.content();
    expect(html).not.toContain('Nama Asli Rahasia');
    expect(html).not.toContain('081299998888');
    expect(html).not.toContain('5102011501900001');
    await page.close();
  });
});
