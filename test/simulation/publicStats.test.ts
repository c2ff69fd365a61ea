// The public statistics page on the December month: the internal report's figures (its "Laporan" sheet, made by the
// daily run on 4 January), small counts suppressed, no personal data or complaint text, a visit costs a few calls.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../scripts/simulation/engine';
import { parseScenario } from '../../scripts/simulation/scenario';
import { cellText } from '../../src/lib/cells';
import type { Office } from '../bundle/office';
import { complaints, pageHtml } from '../bundle/publicHelpers';

interface Boot {
  year: number;
  columns: string[];
  rows: { label: string; cells: string[]; group?: string }[];
  csv: string;
}

let office: Office;
beforeAll(() => {
  const file = 'scenarios/kantor-desember-2026.json';
  const run = runScenario(parseScenario(JSON.parse(readFileSync(file, 'utf8')), file));
  expect(run.failures).toEqual([]);
  office = run.office;
});

function bootOf(html: string): Boot {
  const m = /var BOOT = (\{.*?\});\n/s.exec(html);
  if (!m) throw new Error('no boot in the page');
  return JSON.parse(m[1]) as Boot;
}

/** The "Laporan" sheet's table under `title`: first column → the row. */
function laporanTable(title: string): Map<string, unknown[]> {
  const rows = office.sheetValues('Laporan');
  const start = rows.findIndex((r) => r[0] === title);
  const out = new Map<string, unknown[]>();
  for (let i = start + 2; i < rows.length && cellText(rows[i][0]) !== ''; i++) out.set(cellText(rows[i][0]), rows[i]);
  return out;
}

const SMALL = '<3';
const HIDDEN = 'x';

describe('public statistics on the December month', () => {
  it("shows the internal report's figures: December's row, and the channels and units of the year", () => {
    const boot = bootOf(pageHtml(office, { halaman: 'statistik', tahun: '2026' }));
    expect(boot.columns.at(-2)).toBe('Desember 2026');
    expect(boot.columns.at(-1)).toBe('Tahun 2026');
    const row = (label: string) => boot.rows.find((r) => r.label === label)!.cells;
    const dec = (label: string) => row(label).at(-2);
    const year = (label: string) => row(label).at(-1);
    const month = laporanTable('Per Bulan').get('Desember 2026')!;
    expect(dec('Pengaduan diterima')).toBe(String(month[1]));
    expect(dec('Selesai')).toBe(String(month[2]));
    expect(dec('Selesai tepat waktu')).toBe(String(month[3]));
    expect(dec('Selesai terlambat')).toBe(String(Number(month[2]) - Number(month[3])));
    // The sheet covers February 2026 to 4 January 2027, and every complaint is of November or December 2026: its
    // channel and unit tables are the year's figures.
    const summary = laporanTable('Ringkasan');
    expect(year('Pengaduan diterima')).toBe(String(summary.get('Pengaduan diterima')![1]));
    expect(year('Median lama penyelesaian (hari kerja)')).toBe(
      String(summary.get('Median lama penyelesaian (hari kerja)')![1]),
    );
    const sheetName: Record<string, string> = { Surat: 'Surat Pengaduan' };
    // The month's one SP4N-LAPOR! report is a small count: shown as such, with a complement hidden.
    let channels = 0;
    for (const r of boot.rows.filter((x) => x.group === 'Menurut media')) {
      const expected = Number(laporanTable('Per Media Pengaduan').get(sheetName[r.label] ?? r.label)![1]);
      const shown = r.cells.at(-1)!;
      if (expected > 0 && expected < 3) expect(shown, r.label).toBe(SMALL);
      else if (shown !== HIDDEN) {
        expect(shown, r.label).toBe(String(expected));
        channels++;
      }
    }
    expect(channels).toBeGreaterThanOrEqual(2);
    const units = laporanTable('Per Unit');
    let compared = 0;
    for (const r of boot.rows.filter((x) => x.group === 'Menurut unit')) {
      const expected = Number(units.get(r.label === 'Belum didisposisikan' ? '(Belum ada unit)' : r.label)![1]);
      const shown = r.cells.at(-1)!;
      if (expected > 0 && expected < 3) expect(shown).toBe(SMALL);
      else if (shown !== HIDDEN) {
        expect(shown, r.label).toBe(String(expected));
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(4);
  });

  it('suppresses small counts (<3) and their complements, so no hidden count can be worked out', () => {
    const boot = bootOf(pageHtml(office, { halaman: 'statistik', tahun: '2026' }));
    const byLabel = new Map(boot.rows.map((r) => [r.label, r.cells]));
    // November 2026 (the first three complaints, received on 30 November): fewer than 3 of everything is shown.
    const nov = boot.columns.indexOf('November 2026');
    for (const r of boot.rows) {
      const v = r.cells[nov];
      if (/^\d+$/.test(v)) expect(Number(v) === 0 || Number(v) >= 3, `${r.label}: ${v}`).toBe(true);
    }
    // Within each published total, never exactly one part hidden.
    for (let col = 0; col < boot.columns.length; col++) {
      for (const group of ['Menurut media', 'Menurut unit']) {
        const cells = boot.rows.filter((r) => r.group === group).map((r) => r.cells[col]);
        if (/^\d+$/.test(byLabel.get('Pengaduan diterima')![col]))
          expect(cells.filter((c) => c === SMALL || c === HIDDEN).length, `${group} ${col}`).not.toBe(1);
      }
      const pair = [byLabel.get('Selesai tepat waktu')![col], byLabel.get('Selesai terlambat')![col]];
      if (/^\d+$/.test(byLabel.get('Selesai')![col]))
        expect(pair.filter((c) => c === SMALL || c === HIDDEN).length).not.toBe(1);
    }
    // The CSV carries the same cells, one line per month and one for the year.
    const lines = boot.csv.split('\r\n');
    expect(lines[0]).toMatch(/^Periode,Pengaduan diterima,/);
    expect(lines.at(-1)!.split(',').slice(0, 2)).toEqual(['2026', byLabel.get('Pengaduan diterima')!.at(-1)]);
    expect(lines.find((l) => l.startsWith('2026-12,'))!.split(',')[1]).toBe(byLabel.get('Pengaduan diterima')!.at(-2));
  });

  it('holds no personal data and no complaint text (scan of the page and the CSV against every register row)', () => {
    const html = pageHtml(office, { halaman: 'statistik', tahun: '2026' });
    const all = complaints(office);
    expect(all.length).toBeGreaterThanOrEqual(60);
    let scanned = 0;
    for (const c of all) {
      for (const secret of [c.name, c.nik, c.phone, c.phoneCanonical, c.email, c.address, c.subject, c.description]) {
        if (secret.trim().length < 6) continue;
        expect(html, `${c.regNumber}: ${secret}`).not.toContain(secret);
        scanned++;
      }
      expect(html).not.toContain(c.regNumber);
      expect(html).not.toContain(c.accessCode);
    }
    expect(scanned).toBeGreaterThan(300);
    expect(html).not.toMatch(/@(?!media)[a-z0-9-]+\.[a-z]{2,}/i); // no email address of any kind
    expect(html).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
  });

  it('costs a handful of calls once the day is cached; a new day recomputes', () => {
    const day = '2027-01-06T09:00:00+08:00';
    office.emu.clock.set(day);
    const first = office.emu.calls.measure(() => pageHtml(office, { halaman: 'statistik', tahun: '2026' }));
    const second = office.emu.calls.measure(() => pageHtml(office, { halaman: 'statistik', tahun: '2026' }));
    console.info(
      JSON.stringify(
        bootOf(pageHtml(office, { halaman: 'statistik', tahun: '2026' })).rows.map((r) => [
          r.label,
          ...r.cells.slice(-3),
        ]),
      ),
    );
    console.info(`statistics page: first visit of the day ${first.calls} calls, then ${second.calls} calls`);
    expect(second.calls).toBeLessThanOrEqual(6);
    expect(second.counts['Range.getValues'] ?? 0).toBe(0);
    expect(first.calls).toBeGreaterThan(second.calls);
  });
});
