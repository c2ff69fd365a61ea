// Reports through the built bundle: the "Laporan" sheet's figures against an independent count of the same rows,
// its charts, the monthly recap Doc/PDF, who may build it, and what it costs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint';
import { openOffice, PEOPLE, type Office } from './office';
import { prng, randomRegister, seedRegister } from './registerSeed';

const TODAY = '2026-12-15';
const FROM = '2026-01-01'; // the twelve months up to today, this month included
const MONTHS = [
  'Januari 2026',
  'Februari 2026',
  'Maret 2026',
  'April 2026',
  'Mei 2026',
  'Juni 2026',
  'Juli 2026',
  'Agustus 2026',
  'September 2026',
  'Oktober 2026',
  'November 2026',
  'Desember 2026',
];

/** WITA day of an instant, computed here without the app's helpers. */
const wita = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const within = (day: string) => day >= FROM && day <= TODAY;

/** The figures, counted directly from the rows with plain loops. */
function expected(rows: Complaint[]) {
  const received = rows.filter((c) => within(wita(c.receivedAt)));
  const settled = rows.filter((c) => c.status === 'Selesai' && c.closedAt && within(wita(c.closedAt)));
  const forwarded = rows.filter((c) => c.status === 'Dialihkan' && c.closedAt && within(wita(c.closedAt)));
  const days = settled.map((c) => c.workingDaysTaken as number).sort((a, b) => a - b);
  const n = days.length;
  const med = n % 2 ? days[(n - 1) / 2] : (days[n / 2 - 1] + days[n / 2]) / 2;
  const onTime = settled.filter((c) => c.onTime === true).length;
  const open = rows.filter((c) => wita(c.receivedAt) <= TODAY && c.closedAt === null);
  const count = <T>(xs: T[], f: (x: T) => string) =>
    xs.reduce<Record<string, number>>((m, x) => ({ ...m, [f(x)]: (m[f(x)] ?? 0) + 1 }), {});
  const monthKey = (d: Date) => wita(d).slice(0, 7);
  return {
    summary: {
      'Pengaduan diterima': received.length,
      'Pengaduan diselesaikan': n,
      'Diselesaikan tepat waktu': onTime,
      'Persentase tepat waktu': onTime / n,
      'Median lama penyelesaian (hari kerja)': med,
      'Persentil ke-90 lama penyelesaian (hari kerja)': days[Math.ceil(0.9 * n) - 1],
      'Masih terbuka pada akhir periode': open.length,
      'Terbuka dan melewati batas waktu': open.filter((c) => c.deadline < TODAY).length,
      'Kasus khusus': received.filter((c) => c.deadlineKind === 'khusus').length,
      'Dialihkan ke instansi lain': forwarded.length,
    },
    receivedByMonth: count(received, (c) => monthKey(c.receivedAt)),
    settledByMonth: count(settled, (c) => monthKey(c.closedAt as Date)),
    byChannel: count(received, (c) => c.channel),
    byUnit: count(received, (c) => c.unit || '(Belum ada unit)'),
    byPrivacy: count(received, (c) => c.privacy),
    byAgency: count(forwarded, (c) => c.forwardedTo),
  };
}

/** A rating row as the public page writes it: [at, number, unit, round, score, resolved, comment]. */
type RatingRow = [Date, string, string, number, number | string, string, string];

/**
 * Ratings of the settled complaints, given 0–20 days after closing (so some fall outside the twelve months or in
 * November), plus rows damaged by hand (a score of 7, an empty score) that the report must ignore.
 */
function ratingRows(rows: Complaint[]): RatingRow[] {
  const rand = prng(5);
  const out: RatingRow[] = [];
  for (const c of rows) {
    if (c.status !== 'Selesai' || !c.closedAt || rand() < 0.3) continue;
    const at = new Date(c.closedAt.getTime() + Math.floor(rand() * 20 * 24) * 3600_000);
    if (wita(at) > TODAY) continue;
    const score = 1 + Math.floor(rand() * 5);
    out.push([at, c.regNumber, c.unit, 1, score, rand() < 0.2 ? 'Tidak' : 'Ya', 'komentar']);
  }
  out.push([
    new Date('2026-11-10T10:00:00+08:00'),
    'DUMAS-2026-9998',
    'Bidang Koperasi',
    1,
    7,
    'Ya',
    'nilai salah ketik',
  ]);
  out.push([
    new Date('2026-11-11T10:00:00+08:00'),
    'DUMAS-2026-9999',
    'Bidang Koperasi',
    1,
    '',
    'Tidak',
    'tanpa nilai',
  ]);
  return out;
}

/** The ratings figures of a period, with plain loops: valid scores 1–5 only, by the WITA day they were given. */
function expectedRatings(rows: RatingRow[], from: string, to: string) {
  const valid = rows.filter(
    (r) => typeof r[4] === 'number' && r[4] >= 1 && r[4] <= 5 && wita(r[0]) >= from && wita(r[0]) <= to,
  );
  const scores = valid.map((r) => r[4] as number);
  const perScore = [1, 2, 3, 4, 5].map((n) => scores.filter((s) => s === n).length);
  const units: Record<string, number[]> = {};
  for (const r of valid) (units[r[2] || '(Belum ada unit)'] ??= []).push(r[4] as number);
  const avg = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
  return {
    count: valid.length,
    average: avg(scores),
    perScore,
    notResolved: valid.filter((r) => r[5] === 'Tidak').length,
    byUnit: Object.fromEntries(Object.entries(units).map(([u, xs]) => [u, [xs.length, avg(xs)]])),
  };
}

/** The rows of a section: from the row after its header to the first empty label. */
function section(values: unknown[][], title: string): unknown[][] {
  const start = values.findIndex((r) => r[0] === title);
  if (start < 0) throw new Error(`no section ${title}`);
  const out: unknown[][] = [];
  for (let i = start + 2; i < values.length && values[i][0] !== ''; i++) out.push(values[i]);
  return out;
}
const asMap = (rows: unknown[][], col = 1) => Object.fromEntries(rows.map((r) => [String(r[0]), r[col]]));

describe('the "Laporan" sheet and the monthly recap', () => {
  let office: Office;
  let rows: Complaint[];
  let ratings: RatingRow[];
  let cost: {
    calls: number;
    simulatedMs: number;
    counts: Record<string, number>;
    records: readonly { name: string; cells: number }[];
  };
  beforeAll(() => {
    office = openOffice({ now: `${TODAY}T09:00:00+08:00` });
    rows = randomRegister(400, TODAY, 11);
    seedRegister(office.emu, rows);
    ratings = ratingRows(rows);
    office.emu.spreadsheet.getSheetByName('Penilaian')?.getRange(2, 1, ratings.length, 7).setValues(ratings);
    cost = office.emu.calls.measure(() => office.as(PEOPLE.ketua, 'buildReport'));
  });

  it("matches an independent count of the register's rows", () => {
    const values = office.sheetValues('Laporan');
    const e = expected(rows);
    expect(e.summary['Pengaduan diselesaikan']).toBeGreaterThan(100); // the sample is big enough to mean something
    const summary = asMap(section(values, 'Ringkasan'));
    for (const [label, value] of Object.entries(e.summary)) {
      if (typeof value === 'number' && !Number.isInteger(value)) expect(summary[label], label).toBeCloseTo(value, 10);
      else expect(summary[label], label).toBe(value);
    }
    const months = section(values, 'Per Bulan');
    expect(months.map((r) => r[0])).toEqual(MONTHS);
    months.forEach((r, i) => {
      const key = `2026-${String(i + 1).padStart(2, '0')}`;
      expect(r[1], `${key} received`).toBe(e.receivedByMonth[key] ?? 0);
      expect(r[2], `${key} settled`).toBe(e.settledByMonth[key] ?? 0);
    });
    expect(asMap(section(values, 'Per Media Pengaduan'))).toEqual({
      'Surat Pengaduan': e.byChannel.Surat ?? 0,
      'Tatap Muka': e.byChannel['Tatap Muka'] ?? 0,
      'Formulir Online': e.byChannel['Formulir Online'] ?? 0,
      'SP4N-LAPOR!': e.byChannel['SP4N-LAPOR!'] ?? 0,
    });
    const units = asMap(section(values, 'Per Unit'));
    for (const [unit, n] of Object.entries(e.byUnit)) expect(units[unit], unit).toBe(n);
    expect(Object.values(asMap(section(values, 'Per Tingkat Kerahasiaan')))).toEqual([
      e.byPrivacy.biasa ?? 0,
      e.byPrivacy.anonim ?? 0,
      e.byPrivacy.rahasia ?? 0,
    ]);
    expect(asMap(section(values, 'Dialihkan (bukan wewenang Dinas)'))).toEqual(e.byAgency);
    const ages = section(values, 'Pengaduan Terbuka menurut Umur').reduce((s, r) => s + Number(r[1]), 0);
    expect(ages).toBe(e.summary['Masih terbuka pada akhir periode']);
  });

  it('shows the ratings of the twelve months: count, average, each score, "not resolved", per unit', () => {
    const values = office.sheetValues('Laporan');
    const e = expectedRatings(ratings, FROM, TODAY);
    expect(e.count).toBeGreaterThan(50);
    expect(e.count).toBeLessThan(ratings.length - 2); // some rows fall outside the period, two are damaged
    expect(asMap(section(values, 'Penilaian Kepuasan Pengadu'))).toEqual({
      'Jumlah penilaian': e.count,
      'Rata-rata nilai (1–5)': e.average,
      'Nilai 1 (sangat tidak puas)': e.perScore[0],
      'Nilai 2': e.perScore[1],
      'Nilai 3': e.perScore[2],
      'Nilai 4': e.perScore[3],
      'Nilai 5 (sangat puas)': e.perScore[4],
      'Menyatakan masalah belum terselesaikan': e.notResolved,
    });
    const units = section(values, 'Penilaian Kepuasan per Unit');
    expect(Object.fromEntries(units.map((r) => [String(r[0]), [r[1], r[2]]]))).toEqual(e.byUnit);
  });

  it('has embedded charts over its tables, and no identity', () => {
    const sheet = office.emu.spreadsheet.getSheetByName('Laporan');
    if (!sheet) throw new Error('no Laporan sheet');
    const charts = office.emu.sheets.state(sheet).charts;
    expect(charts.map((c) => c.type)).toEqual(['COLUMN', 'PIE', 'BAR', 'BAR', 'COLUMN']);
    const values = office.sheetValues('Laporan');
    const monthHeader = values.findIndex((r) => r[0] === 'Per Bulan') + 2;
    expect(charts[0].ranges).toEqual([`A${monthHeader}:D${monthHeader + MONTHS.length}`]);
    expect(charts[0].options.title).toBe('Pengaduan per bulan');
    const text = JSON.stringify(values);
    expect(text).not.toContain('I Wayan Pengadu');
    expect(text).not.toContain('5102011203850001');
  });

  it("makes last month's recap as a Doc and a PDF in the letters folder; a second build replaces them", () => {
    const alert = office.emu.ui.alerts.at(-1);
    expect(alert?.message ?? alert?.title).toContain('Rekap bulan November 2026');
    office.as(PEOPLE.kadis, 'buildReport');
    const docs = office.emu.docs.documents().filter((d) => !d.trashed && d.name.startsWith('Rekap'));
    expect(docs.map((d) => d.name)).toEqual(['Rekap Pengaduan Masyarakat — November 2026']);
    const body = docs[0].text.body;
    const november = rows.filter((c) => wita(c.receivedAt).startsWith('2026-11'));
    expect(body).toContain('Rekap Pengaduan Masyarakat — November 2026');
    expect(body).toContain(`Pengaduan diterima\t${november.length}`);
    const rated = expectedRatings(ratings, '2026-11-01', '2026-11-30');
    expect(rated.count).toBeGreaterThan(0);
    expect(body).toContain(
      `Penilaian Kepuasan Pengadu\nUraian\tNilai\nJumlah penilaian\t${rated.count}\nRata-rata nilai (1–5)\t${String(rated.average).replace('.', ',')}\n`,
    );
    expect(body).toContain(
      `Nilai 5 (sangat puas)\t${rated.perScore[4]}\nMenyatakan masalah belum terselesaikan\t${rated.notResolved}`,
    );
    expect(body).not.toContain('komentar'); // comments stay in the Penilaian sheet
    expect(body).not.toContain('I Wayan Pengadu');
    const pdfs = office.emu.drive.files().filter((f) => f.mimeType === 'application/pdf' && !f.trashed);
    expect(pdfs.map((f) => f.name)).toEqual(['Rekap Pengaduan Masyarakat — November 2026.pdf']);
  });

  it('a rebuild writes the existing Laporan sheet in place: the same figures, its charts replaced, no flush before', () => {
    const before = office.sheetValues('Laporan');
    const again = office.emu.calls.measure(() => office.as(PEOPLE.ketua, 'buildReport'));
    expect(office.sheetValues('Laporan')).toEqual(before);
    const sheet = office.emu.spreadsheet.getSheetByName('Laporan');
    if (!sheet) throw new Error('no Laporan sheet');
    expect(office.emu.sheets.state(sheet).charts.map((c) => c.type)).toEqual(['COLUMN', 'PIE', 'BAR', 'BAR', 'COLUMN']);
    // Its charts and rows are asked before its first write (clear): no read between its writes sends them early.
    const clear = again.records.findIndex((r) => r.name === 'Sheet.clear');
    expect(clear).toBeGreaterThan(0);
    expect(again.records.slice(0, clear).some((r) => r.name === 'Sheet.getCharts')).toBe(true);
    expect(again.records.slice(0, clear).some((r) => r.name === 'Sheet.getMaxRows')).toBe(true);
    const lastSheetCall = again.records.map((r) => r.name).lastIndexOf('Sheet.insertChart');
    expect(again.records.slice(clear, lastSheetCall).filter((r) => r.flushed)).toEqual([]);
  });

  it('costs a bounded number of service calls whatever the register size', () => {
    // The register's header row (its columns are found by header), the register read once in the 15 columns the
    // statistics use (6 runs of adjacent columns: the category and the links are appended columns) plus the config
    // sheets (Kategori too) and ratings; the sheet in a handful of batched writes plus one per chart; the Doc one
    // call per block.
    expect(cost.counts['Range.getValues']).toBeLessThanOrEqual(13);
    // …and only 15 of the register's 62 columns: besides the narrow config tables (read to the bottom of their
    // grid), Tim and Penilaian, the reads cover at most 15 cells a register row.
    const grid = (name: string) => office.emu.spreadsheet.getSheetByName(name)?.getMaxRows() ?? 0;
    const config = 2 * grid('Pengaturan') + 3 * grid('Unit') + 4 * grid('Hari Libur') + 4 * grid('Kategori');
    const others = 8 * (grid('Tim') > 0 ? office.sheetValues('Tim').length : 0) + 7 * ratings.length;
    const cells = cost.records.filter((r) => r.name === 'Range.getValues').reduce((sum, r) => sum + r.cells, 0);
    const header = office.emu.spreadsheet.getSheetByName('Register')?.getMaxColumns() ?? 0;
    expect(cells - config - others - header).toBeLessThanOrEqual(15 * rows.length);
    expect(cost.calls).toBeLessThan(120);
    // Calibrated latency (test/emulator/README.md): ~11 s at this size, nearly all of it the recap Doc (80 ms a
    // block), its PDF and the charts; the register's share grows by 15 cells a row.
    expect(cost.simulatedMs).toBeLessThan(13_000);
  });

  it('only the Ketua Tim, the Kepala Dinas and the Administrator may build it; the menu says so', () => {
    for (const who of [PEOPLE.cs, PEOPLE.koperasi, PEOPLE.stranger]) {
      office.as(who, 'buildReport');
      expect(office.emu.ui.alerts.at(-1)?.message ?? '').not.toContain('Rekap bulan');
    }
    expect(office.emu.ui.alerts.at(-3)?.message).toContain(
      'Laporan hanya dapat dibuat oleh Ketua Tim, Kepala Dinas, atau Administrator.',
    );
    const captions = (email: string) => {
      office.emu.setUser(email);
      office.emu.open();
      return JSON.stringify(office.emu.ui.menu('Dumas'));
    };
    for (const who of [PEOPLE.ketua, PEOPLE.kadis, PEOPLE.admin]) expect(captions(who)).toContain('Buat Laporan');
    for (const who of [PEOPLE.cs, PEOPLE.koperasi]) expect(captions(who)).not.toContain('Buat Laporan');
  });
});
