// Pemantauan at scale: the list comes page by page (filters applied by the server), the sidebar inlines only its
// first page, and the register is read only in the columns that rank the list, plus the lines of the page.
import { beforeAll, describe, expect, it } from 'vitest';
import { deadlineFacts } from '../../src/domain/deadline';
import { instantAt } from '../../src/domain/time';
import { openOffice, PEOPLE, type Office } from './office';
import { calendar, randomRegister, seedRegister } from './registerSeed';

const TODAY = '2026-12-16';
const N = 3000;

interface Item {
  regNumber: string;
  row: number;
  state: string;
  status: string;
  unit: string;
  closed: boolean;
}
interface Page {
  ok: boolean;
  items: Item[];
  total: number;
  overdue: number;
  page: number;
  pageSize: number;
}

describe('Pemantauan, paged', () => {
  let office: Office;
  const complaints = randomRegister(N, TODAY, 11);
  const open = complaints.filter((c) => c.closedAt === null);
  const now = instantAt(TODAY, 9);
  const list = (options: Record<string, unknown>) => office.as<Page>(PEOPLE.ketua, 'monitoringList', options);

  beforeAll(() => {
    office = openOffice({ now: `${TODAY}T09:00:00+08:00` });
    seedRegister(office.emu, complaints);
  });

  it('lists every open complaint once over its pages, overdue first, most late first', () => {
    const first = list({});
    expect(first).toMatchObject({ ok: true, page: 0, pageSize: 50, total: open.length });
    expect(first.overdue).toBe(open.filter((c) => deadlineFacts(c, now, calendar).state === 'overdue').length);
    const pages = Math.ceil(open.length / 50);
    const seen: Item[] = [];
    for (let p = 0; p < pages; p++) seen.push(...list({ page: p }).items);
    expect(seen.map((i) => i.regNumber).sort()).toEqual(open.map((c) => c.regNumber).sort());
    expect(seen.every((i) => !i.closed)).toBe(true);
    const late = seen.map((i) => (i.state === 'overdue' ? 0 : 1));
    expect(late).toEqual([...late].sort((a, b) => a - b));
    // A page past the end shows the last one.
    expect(list({ page: pages + 5 }).page).toBe(pages - 1);
  });

  it('"Semua" pages the closed ones too; status, unit and deadline filters are applied before paging', () => {
    expect(list({ includeClosed: true }).total).toBe(N);
    const status = open[0].status;
    const byStatus = list({ status });
    expect(byStatus.total).toBe(open.filter((c) => c.status === status).length);
    expect(byStatus.items.every((i) => i.status === status)).toBe(true);
    const unit = 'Bidang Koperasi';
    const byUnit = list({ unit, includeClosed: true });
    expect(byUnit.total).toBe(complaints.filter((c) => c.unit === unit).length);
    const overdue = list({ state: 'overdue' });
    expect(overdue.total).toBe(list({}).overdue);
    expect(overdue.items.every((i) => i.state === 'overdue')).toBe(true);
  });

  it('the sidebar inlines one page (kilobytes, not megabytes) and reads the register in three column reads + the lines', () => {
    const m = office.emu.calls.measure(() => office.as(PEOPLE.ketua, 'showPemantauanSidebar'));
    const html = office.emu.ui.sidebars.at(-1)?.html ?? '';
    expect(html.length).toBeLessThan(60_000);
    const boot = JSON.parse(/var BOOT = (.*);\n/.exec(html)?.[1] ?? '{}') as Page;
    expect(boot.items).toHaveLength(50);
    const registerReads = m.records.filter((r) => r.name === 'Range.getValues' && r.cells >= N && r.cells % N === 0);
    // Closing of every row, then the deadline of the open ones (scattered here, so read whole): 2 × N cells.
    expect(registerReads.reduce((s, r) => s + r.cells, 0)).toBeLessThanOrEqual(2 * N);
    expect(m.counts['Spreadsheet.getSheets']).toBe(1); // one context for the sidebar and its first page
    const lineReads = m.records.filter((r) => r.name === 'Range.getValues' && r.cells < 100);
    expect(lineReads.length).toBeLessThanOrEqual(50);
  });
});
