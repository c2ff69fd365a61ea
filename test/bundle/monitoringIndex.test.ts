// Pemantauan's index of open deadlines (src/gas/monitoringIndex.ts), through the built bundle: the first screen reads
// the closing column of every row but not the deadline column, and lists exactly what a full read lists after every
// way a complaint can change: reopened by Dumas, its deadline moved by an action or typed by hand, its closing
// cleared by hand, rows inserted or deleted by hand.
import { beforeEach, describe, expect, it } from 'vitest';
import { columnOf } from '../../src/gas/registerColumns';
import { openOffice, PEOPLE, type Office } from './office';
import { randomRegister, seedRegister } from './registerSeed';
import { act } from './workflowOffice';

const TODAY = '2026-12-16';
const N = 1500;
const META_KEY = 'dumas.monitorIndex';

interface Page {
  ok: boolean;
  items: { regNumber: string; state: string }[];
  total: number;
  overdue: number;
}

function registerSheet(office: Office) {
  const sheet = office.emu.spreadsheet.getSheetByName('Register');
  if (!sheet) throw new Error('no register');
  return sheet;
}

/** A person types into a register cell; Sheets then fires the installable onEdit trigger. */
function typeCell(office: Office, row: number, column: number, value: unknown): void {
  const range = registerSheet(office).getRange(row, column);
  const oldValue = range.getValue();
  range.setValue(value);
  office.emu.setUser(PEOPLE.admin);
  office.emu.triggers.fireEvent('SPREADSHEETS', office.emu.spreadsheet.getId(), 'ON_EDIT', (triggerUid) => ({
    authMode: 'FULL',
    triggerUid,
    source: office.emu.spreadsheet,
    range,
    value,
    oldValue,
    user: { getEmail: () => PEOPLE.ketua },
  }));
}

function rowsWhere(office: Office, test: (cells: unknown[]) => boolean): { row: number; reg: string }[] {
  const values = office.sheetValues('Register');
  const out: { row: number; reg: string }[] = [];
  values.forEach((cells, i) => {
    if (i > 0 && test(cells)) out.push({ row: i + 1, reg: String(cells[0]) });
  });
  return out;
}

describe("Pemantauan's index of open deadlines", () => {
  let office: Office;
  const list = (page = 0) => office.as<Page>(PEOPLE.ketua, 'monitoringList', { page });
  /** Every page of the open list, in order. */
  const everything = () => {
    const first = list();
    const pages = Math.max(1, Math.ceil(first.total / 50));
    const order = [first, ...Array.from({ length: pages - 1 }, (_, p) => list(p + 1))].flatMap((p) =>
      p.items.map((i) => `${i.regNumber}:${i.state}`),
    );
    return { total: first.total, overdue: first.overdue, order };
  };
  /** The same list read without any index: the register's own deadlines. */
  const truth = () => {
    const store = office.emu.properties.scriptStore;
    const saved = store.get(META_KEY);
    store.delete(META_KEY);
    try {
      return everything();
    } finally {
      if (saved !== undefined) store.set(META_KEY, saved);
    }
  };
  /** Cells the first screen reads from the register (after the context's reads, which end with its last row). */
  const registerCells = () => {
    const m = office.emu.calls.measure(() => list());
    const lastRows = m.records.flatMap((r, i) => (r.name === 'Sheet.getLastRow' ? [i] : []));
    return m.records
      .slice((lastRows[1] ?? 0) + 1)
      .filter((r) => r.name === 'Range.getValues')
      .reduce((sum, r) => sum + r.cells, 0);
  };
  /** True when the index spares the first screen the deadline column (most of a column fewer cells read). */
  const sparesDeadlines = () => {
    const rows = registerSheet(office).getLastRow() - 1;
    const store = office.emu.properties.scriptStore;
    const withIndex = registerCells();
    const saved = store.get(META_KEY);
    store.delete(META_KEY);
    const without = registerCells();
    if (saved !== undefined) store.set(META_KEY, saved);
    return without - withIndex > 0.8 * rows;
  };

  beforeEach(() => {
    office = openOffice({ now: `${TODAY}T06:30:00+08:00` });
    seedRegister(office.emu, randomRegister(N, TODAY, 5));
    expect(office.emu.fireTimeTriggers(`${TODAY}T08:05:00+08:00`)).toBeGreaterThan(0);
    office.emu.clock.set(`${TODAY}T09:00:00+08:00`);
  });

  it('written by the daily run: the first screen reads the closing column only and lists what a full read lists', () => {
    expect(office.emu.properties.scriptStore.get(META_KEY)).toBeDefined();
    expect(sparesDeadlines()).toBe(true);
    expect(everything()).toEqual(truth());
  });

  it('an old complaint reopened by Dumas is listed, ranked by its new deadline', () => {
    const [old] = rowsWhere(office, (c) => c[columnOf('status') - 1] === 'Selesai');
    const before = everything();
    expect(before.order.some((o) => o.startsWith(`${old.reg}:`))).toBe(false);
    expect(
      act(office, PEOPLE.ketua, 'bukaKembali', old.reg, 'reopen', { note: 'Pengadu belum menerima.' }),
    ).toMatchObject({ ok: true });
    const after = everything();
    expect(after.total).toBe(before.total + 1);
    expect(after.order.some((o) => o.startsWith(`${old.reg}:`))).toBe(true);
    expect(after).toEqual(truth());
    expect(sparesDeadlines()).toBe(true); // its row is marked, read on its own
  });

  it('a deadline moved by an action (special case) re-ranks the complaint without a full read', () => {
    const onTrack = everything().order.filter((o) => !o.endsWith(':overdue') && !o.startsWith('DUMAS-2026'));
    const reg = onTrack[0].split(':')[0]; // the soonest deadline not yet passed: a month later, it ranks last
    const before = everything().order.findIndex((o) => o.startsWith(`${reg}:`));
    const extended = act(office, PEOPLE.ketua, 'perpanjangan', reg, 'extend', {
      extOfficial: 'Kepala Bidang Koperasi',
      extReason: 'Dinas luar ke Jakarta',
      extFrom: TODAY,
      extUntil: '2026-12-30',
    });
    expect(extended, JSON.stringify(extended)).toMatchObject({ ok: true });
    const after = everything();
    expect(after).toEqual(truth());
    expect(after.order.findIndex((o) => o.startsWith(`${reg}:`))).toBeGreaterThan(before);
    expect(sparesDeadlines()).toBe(true);
  });

  it('a deadline typed by hand (the edit watch marks the row) and a closing cleared by hand', () => {
    const open = rowsWhere(office, (c) => c[columnOf('closedAt') - 1] === '' && c[columnOf('deadline') - 1] !== '');
    const target = open[open.length - 1];
    typeCell(office, target.row, columnOf('deadline'), new Date('2025-01-02T00:00:00+08:00'));
    const [closed] = rowsWhere(office, (c) => c[columnOf('status') - 1] === 'Selesai');
    typeCell(office, closed.row, columnOf('closedAt'), '');
    typeCell(office, closed.row, columnOf('status'), 'Ditindaklanjuti');
    const after = everything();
    expect(after).toEqual(truth());
    expect(after.order[0]).toMatch(new RegExp(`^(${target.reg}|${closed.reg}):overdue$`));
    expect(after.order.some((o) => o.startsWith(`${closed.reg}:`))).toBe(true);
    expect(sparesDeadlines()).toBe(true);
  });

  it('a row inserted by hand (no edit event): the lines disagree with the index, so the deadlines are read again', () => {
    registerSheet(office).insertRowsBefore(3, 1);
    expect(everything()).toEqual(truth());
  });

  it('rows deleted by hand (fewer rows than the index knew): everything is read', () => {
    registerSheet(office).deleteRows(2, 3);
    expect(everything()).toEqual(truth());
    expect(sparesDeadlines()).toBe(false);
  });

  it('the next daily run writes a new index that again spares the deadline column', () => {
    registerSheet(office).deleteRows(2, 3);
    office.emu.clock.set(`${TODAY}T23:00:00+08:00`);
    office.emu.fireTimeTriggers('2026-12-17T08:05:00+08:00');
    expect(sparesDeadlines()).toBe(true);
    expect(everything()).toEqual(truth());
  });
});
