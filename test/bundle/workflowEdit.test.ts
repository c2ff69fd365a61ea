// Direct edits of the register: the installable onEdit trigger (run by the emulator as Sheets would) records
// them in the audit log and bumps the row's version, so a sidebar opened before the edit cannot overwrite it.
import { afterEach, describe, expect, it } from 'vitest';
import { EDIT_HANDLER } from '../../src/gas/editWatch';
import { openOffice, PEOPLE, type Office } from './office';
import { INPUTS, act, letterAt, registerRow, versionOf } from './workflowOffice';

function register(office: Office) {
  const sheet = office.emu.spreadsheet.getSheetByName('Register');
  if (!sheet) throw new Error('no register');
  return sheet;
}

/** A person types into `a1` of the register: the cell changes, then Sheets fires the onEdit triggers. */
function type(office: Office, who: string, a1: string, value: unknown): number {
  const range = register(office).getRange(a1);
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const oldValue = single ? range.getValue() : undefined;
  if (single) range.setValue(value);
  else range.setValues(value);
  office.emu.setUser(PEOPLE.admin); // installable triggers run as the person who installed them
  return office.emu.triggers.fireEvent('SPREADSHEETS', office.emu.spreadsheet.getId(), 'ON_EDIT', (triggerUid) => ({
    authMode: 'FULL',
    triggerUid,
    source: office.emu.spreadsheet,
    range,
    value: single ? value : undefined,
    oldValue,
    user: { getEmail: () => who },
  }));
}

function lastAudit(office: Office, n = 1): unknown[][] {
  return office.sheetValues('Log Audit').slice(-n);
}

describe('direct edits of the register', () => {
  let office: Office;
  afterEach(() => {
    expect(office.emu.triggers.failures).toEqual([]);
  });

  it('installs one onEdit trigger and warning-only protections, and a second run changes nothing', () => {
    office = openOffice(); // setup installed the watch
    office.as(PEOPLE.admin, 'setupSystem');
    expect(office.emu.ui.alerts.at(-1)?.message).toContain('Tidak ada yang perlu diperbaiki');
    const mine = office.emu.triggers.triggers().filter((t) => t.handler === EDIT_HANDLER);
    expect(mine.map((t) => [t.eventType, t.sourceId])).toEqual([['ON_EDIT', office.emu.spreadsheet.getId()]]);
    const protections = office.emu.sheets
      .state(register(office))
      .protections.filter((p) => p.description.startsWith('Dumas: kolom alur kerja'));
    expect(protections.length).toBeGreaterThan(0);
    expect(protections.every((p) => p.warningOnly)).toBe(true);
  });

  it('records a typed status in the audit log, bumps the version and makes an open sidebar refuse', () => {
    office = openOffice();
    const reg = letterAt(office, 'Didisposisikan');
    const seen = versionOf(office, reg);
    expect(type(office, PEOPLE.cs, 'L2', 'Selesai')).toBe(1);
    const [entry] = lastAudit(office);
    expect(entry.slice(1, 7)).toEqual([
      PEOPLE.cs,
      'CS',
      'Suntingan langsung di sheet',
      reg,
      '{"status":"Didisposisikan"}',
      '{"status":"Selesai"}',
    ]);
    expect(String(entry[7])).toContain('kolom: Status');
    expect(String(entry[7])).toContain('Kolom alur kerja');
    const row = registerRow(office, reg);
    expect([row['Versi'], row['Diperbarui Oleh']]).toEqual([seen + 1, PEOPLE.cs]);
    const late = act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', INPUTS.followUp, seen);
    expect(late).toMatchObject({ ok: false, conflict: true });
    const history = office.as<{ ok: boolean; history: { action: string }[] }>(
      PEOPLE.ketua,
      'openWorkflowComplaint',
      'riwayat',
      reg,
    );
    expect(history.history[history.history.length - 1].action).toBe('Suntingan langsung di sheet');
  });

  it('never copies identity into the log, and records a paste over several rows row by row', () => {
    office = openOffice();
    const a = letterAt(office, 'Diterima');
    const b = letterAt(office, 'Diterima');
    type(office, PEOPLE.sekretaris, 'D2', 'Nama Baru Pengadu');
    const [entry] = lastAudit(office);
    expect(JSON.stringify(entry)).not.toContain('Nama Baru Pengadu');
    expect(JSON.stringify(entry)).not.toContain('Ni Made Ayu Lestari');
    expect(entry[6]).toBe('{"name":"(data pribadi, tidak dicatat di log)"}');
    expect(type(office, PEOPLE.sekretaris, 'V2:V3', [['AG-X-1'], ['AG-X-2']])).toBe(1);
    const pasted = lastAudit(office, 2);
    expect(pasted.map((r) => [r[4], r[6]])).toEqual([
      [a, '{"agendaNumber":"AG-X-1"}'],
      [b, '{"agendaNumber":"AG-X-2"}'],
    ]);
    expect([versionOf(office, a), versionOf(office, b)]).toEqual([3, 2]);
  });

  it('ignores edits outside the register', () => {
    office = openOffice();
    const before = office.sheetValues('Log Audit').length;
    const tim = office.emu.spreadsheet.getSheetByName('Tim');
    const range = tim?.getRange('B2');
    range?.setValue('Nama Admin');
    office.emu.triggers.fireEvent('SPREADSHEETS', office.emu.spreadsheet.getId(), 'ON_EDIT', (triggerUid) => ({
      triggerUid,
      range,
      source: office.emu.spreadsheet,
      value: 'Nama Admin',
      user: { getEmail: () => PEOPLE.admin },
    }));
    expect(office.sheetValues('Log Audit')).toHaveLength(before);
  });
});
