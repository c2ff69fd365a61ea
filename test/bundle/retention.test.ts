// End to end through the built bundle: the retention dry run and purge (Administrator), exact fields and rows, same statistics.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import { buildReport } from '../../src/domain/report';
import { TEAM_HEADERS } from '../../src/app/team';
import { columnOf, REGISTER_WIDTH, REPORT_SUMMARY_COLUMN } from '../../src/gas/registerColumns';
import { openOffice, PEOPLE, type Office } from './office';
import { KETUA, KOPERASI, act, complaints, formAnswers, person, setSetting, setting, walkIn } from './publicHelpers';
import { cellText } from '../../src/lib/cells';

const PURGED_COLUMNS = [
  'name',
  'nik',
  'phone',
  'phoneCanonical',
  'email',
  'address',
  'version',
  'updatedAt',
  'updatedBy',
]
  .map((f) => columnOf(f as Parameters<typeof columnOf>[0]) - 1)
  // The report summary holds the version the purge bumps: rewritten with it (checked below).
  .concat(REPORT_SUMMARY_COLUMN - 1);

function registerRows(office: Office): unknown[][] {
  return office
    .sheetValues('Register')
    .slice(1)
    .map((r) => r.slice(0, REGISTER_WIDTH));
}

function report(office: Office) {
  return buildReport(
    complaints(office),
    { from: '2026-11-01', to: '2026-12-31' },
    '2028-12-01',
    new WorkingCalendar(DEFAULT_HOLIDAYS),
    ['Sekretariat', 'Bidang Koperasi'],
  );
}

const SEKRETARIS = { email: PEOPLE.sekretaris, role: 'SEKRETARIS', name: 'I Made Wirawan' } as const;

let office: Office;
let formId: string;
/** Registration numbers by what happens to them on 30 Nov 2026 and later. */
let due: string[];
let notDue: string[];

beforeEach(() => {
  office = openOffice();
  formId = setting(office, 'id_formulir');
  due = [];
  notDue = [];
  // Monday 30 Nov 2026: two walk-ins answered on the spot, one online complaint forwarded elsewhere (all closed today).
  due.push(walkIn(office, person(1), true));
  office.emu.forms.submit(formId, formAnswers(person(2)));
  const online = complaints(office).at(-1)!.regNumber;
  act(office, online, 'forward', KETUA, {
    forwardedTo: 'Dinas Perdagangan Provinsi Bali',
    forwardNote: 'Bukan kewenangan.',
  });
  due.push(online);
  notDue.push(walkIn(office, person(3), false)); // still open: connected to the unit
  office.emu.forms.submit(formId, formAnswers(person(4)));
  notDue.push(complaints(office).at(-1)!.regNumber); // still open: online, waiting for agenda
  due.push(walkIn(office, person(5), true));
  // Wednesday 2 Dec 2026: the connected walk-in is answered (closed two days later: due two days later).
  office.emu.clock.set('2026-12-02T10:00:00+08:00');
  const late = walkIn(office, person(6), false);
  act(office, late, 'closeWithAnswer', KOPERASI, { answer: 'Dijawab sesuai kesepakatan.' });
  notDue.push(late);
  // Both open complaints are still being handled in 2027: a complaint never closed is purged only two years after
  // its last activity (its own test is in test/bundle/purgeComplete.test.ts).
  office.emu.clock.set('2027-03-01T10:00:00+08:00');
  act(office, notDue[0], 'followUp', KOPERASI, { note: 'Sudah dihubungi, jadwal kunjungan Rabu.' });
  act(office, notDue[1], 'agenda', SEKRETARIS, { agendaNumber: 'SM-2027-0001', agendaDate: '2027-03-01' });
  // Two years later, the day the first closings fall due.
  office.emu.clock.set('2028-11-30T08:00:00+08:00');
  office.emu.ui.alerts.length = 0;
});

function listed(message: string): string[] {
  return [...message.matchAll(/DUMAS-\d{4}-\d{4}/g)].map((m) => m[0]).sort();
}

describe('retention purge', () => {
  it('the dry run lists exactly the rows and fields the real run purges, and writes nothing', () => {
    const before = registerRows(office);
    const audit = office.sheetValues('Log Audit').length;
    office.as(PEOPLE.admin, 'previewPurge');
    const preview = office.emu.ui.alerts.at(-1)!.message;
    expect(listed(preview)).toEqual([...due].sort());
    expect(preview).toContain('Nama, NIK, No. HP, No. HP (baku), Email, Alamat');
    expect(registerRows(office)).toEqual(before);
    expect(office.sheetValues('Log Audit')).toHaveLength(audit);

    office.emu.ui.answerNext('YES');
    office.as(PEOPLE.admin, 'purgePersonalData');
    expect(office.emu.ui.alerts.at(-1)!.message).toContain(`Data pribadi ${due.length} pengaduan telah dihapus`);
    const entries = office.sheetValues('Log Audit').slice(audit);
    expect(entries.map((e) => e[4]).sort()).toEqual(listed(preview));
    for (const e of entries) {
      expect(e.slice(1, 4)).toEqual([PEOPLE.admin, 'ADMIN', 'Hapus Data Pribadi']);
      expect(JSON.parse(String(e[5]))).toEqual({
        dihapus: ['name', 'nik', 'phone', 'phoneCanonical', 'email', 'address'],
      });
    }
  });

  it('empties exactly the identity fields of the due rows, leaves every other cell as it was, keeps the statistics', () => {
    const before = registerRows(office);
    const statsBefore = report(office);
    office.emu.ui.answerNext('YES');
    const cost = office.emu.calls.measure(() => office.as(PEOPLE.admin, 'purgePersonalData'));
    const after = registerRows(office);
    expect(after).toHaveLength(before.length);
    after.forEach((row, i) => {
      const reg = String(row[0]);
      if (!due.includes(reg)) {
        expect(row, reg).toEqual(before[i]);
        return;
      }
      for (let col = 0; col < REGISTER_WIDTH; col++) {
        if (PURGED_COLUMNS.includes(col)) continue;
        expect(row[col], `${reg} column ${col + 1}`).toEqual(before[i][col]);
      }
      for (const f of ['name', 'nik', 'phone', 'phoneCanonical', 'email', 'address'] as const)
        expect(row[columnOf(f) - 1]).toBe('');
      expect(row[columnOf('version') - 1]).toBe(Number(before[i][columnOf('version') - 1]) + 1);
      expect(row[columnOf('updatedBy') - 1]).toBe(PEOPLE.admin);
      // The summary: the same fields as before, at the bumped version.
      const [tag, version, ...fields] = JSON.parse(String(row[REPORT_SUMMARY_COLUMN - 1])) as unknown[];
      const [, oldVersion, ...oldFields] = JSON.parse(String(before[i][REPORT_SUMMARY_COLUMN - 1])) as unknown[];
      expect([tag, version, fields]).toEqual(['r1', row[columnOf('version') - 1], oldFields]);
      expect(oldVersion).toBe(before[i][columnOf('version') - 1]);
    });
    expect(report(office)).toEqual(statsBefore);
    // One read of the register, one write per run of consecutive purged rows (rows between runs are never
    // written, so a hand edit there cannot be lost), one audit append; the form deletes are per answer.
    const purgedRows = before.map((r, i) => (due.includes(String(r[0])) ? i : -1)).filter((i) => i >= 0);
    const runs = purgedRows.filter((i, k) => k === 0 || purgedRows[k - 1] !== i - 1).length;
    expect(runs).toBeGreaterThan(1); // the fixture has a gap, so the rule is exercised
    expect(cost.counts['Range.setValues']).toBe(runs + 1);
    console.info(`purge of ${due.length} rows: ${cost.calls} calls ${JSON.stringify(cost.counts)}`);
    // Nothing left to do: the next run (menu or daily) finds nothing.
    office.as(PEOPLE.admin, 'previewPurge');
    expect(office.emu.ui.alerts.at(-1)!.message).toContain('Tidak ada data pribadi yang melewati masa simpan 2 tahun');
  });

  it("deletes the purged complaints' form answers and keeps the others", () => {
    const ids = () => office.emu.forms.responses(formId).map((r) => r.answers['Nama Lengkap']);
    expect(ids()).toEqual([person(2).name, person(4).name]);
    office.emu.ui.answerNext('YES');
    office.as(PEOPLE.admin, 'purgePersonalData');
    expect(ids()).toEqual([person(4).name]);
    expect(office.emu.ui.alerts.at(-1)!.message).toContain('1 jawaban formulir online terkait juga dihapus');
  });

  it('changes nothing when the administrator answers No, when retention is off, or for anyone but the administrator', () => {
    const before = registerRows(office);
    office.emu.ui.answerNext('NO');
    office.as(PEOPLE.admin, 'purgePersonalData');
    expect(office.emu.ui.alerts.at(-1)!.message).toBe('Penghapusan dibatalkan. Tidak ada yang diubah.');
    office.as(PEOPLE.cs, 'purgePersonalData');
    expect(office.emu.ui.alerts.at(-1)!.message).toContain('Hanya Administrator');
    office.as(PEOPLE.ketua, 'previewPurge');
    expect(office.emu.ui.alerts.at(-1)!.message).toContain('Hanya Administrator');
    setSetting(office, 'masa_simpan_data_pribadi_tahun', '0');
    office.as(PEOPLE.admin, 'purgePersonalData');
    expect(office.emu.ui.alerts.at(-1)!.message).toContain('tidak aktif');
    expect(registerRows(office)).toEqual(before);
  });

  it('two days later the complaint closed on 2 December 2026 falls due too', () => {
    office.emu.clock.set('2028-12-02T08:00:00+08:00');
    office.as(PEOPLE.admin, 'previewPurge');
    expect(listed(office.emu.ui.alerts.at(-1)!.message)).toEqual([...due, notDue[2]].sort());
  });

  it("the administrator's menu offers the dry run and the purge; other roles do not see them", () => {
    const captions = (email: string) => {
      office.emu.setUser(email);
      office.emu.open();
      return office.emu.ui.menu('Dumas')?.items.map((i) => ('caption' in i ? i.caption : '—')) ?? [];
    };
    expect(captions(PEOPLE.admin)).toEqual(
      expect.arrayContaining(['Pratinjau Penghapusan Data Pribadi', 'Hapus Data Pribadi yang Melewati Masa Simpan']),
    );
    expect(captions(PEOPLE.ketua)).not.toContain('Hapus Data Pribadi yang Melewati Masa Simpan');
  });
});

describe('retention purge in the daily run', () => {
  const auditOf = (action: string) => office.sheetValues('Log Audit').filter((r) => r[3] === action);
  const nameOf = (reg: string) => cellText(registerRows(office).find((r) => r[0] === reg)?.[columnOf('name') - 1]);
  /** The installed daily trigger firing at `at` (the clock jumped two years, so one run per call, not 730). */
  const daily = (at: string) => {
    office.emu.clock.set(at);
    office.trigger('runDaily');
  };

  it('purges on a working day what is due, as the system, after the digests; touches nothing on the weekend', () => {
    const names = Object.fromEntries([...due, ...notDue].map((reg) => [reg, nameOf(reg)]));
    for (const reg of [...due, ...notDue]) expect(names[reg], reg).not.toBe('');
    // Friday 1 Dec 2028, 07:00 WITA: the three complaints closed on 30 Nov 2026 are due, the one closed on 2 Dec is not.
    const cost = office.emu.calls.measure(() => daily('2028-12-01T07:00:00+08:00'));
    for (const reg of due) expect(nameOf(reg), reg).toBe('');
    for (const reg of notDue) expect(nameOf(reg), reg).toBe(names[reg]);
    const purged = auditOf('Hapus Data Pribadi');
    expect(purged.map((r) => r[4]).sort()).toEqual([...due].sort());
    for (const r of purged) expect(r.slice(1, 3)).toEqual(['Dumas (masa simpan data)', '']);
    // After the digests: the daily summary row comes before the purge rows in the log.
    const log = office.sheetValues('Log Audit');
    const summary = log.findIndex((r) => r[3] === 'Ringkasan harian');
    expect(summary).toBeGreaterThan(0);
    expect(log.findIndex((r) => r[3] === 'Hapus Data Pribadi')).toBeGreaterThan(summary);
    // The online complaint's copy in the form is gone too; the open one's stays.
    expect(office.emu.forms.responses(formId).map((r) => r.answers['Nama Lengkap'])).toEqual([person(4).name]);
    // The purge reuses the run's read of the register: whole rows are read (under the lock) only for the rows
    // due (a gap of a row or two between them is read through rather than paid as another call).
    expect(cost.counts['Form.deleteResponse']).toBe(1);
    // Tim's read (its rows × its columns) is left out: 7 rows of 9 columns make a multiple of the register's 63.
    const team = office.emu.spreadsheet.getSheetByName('Tim');
    const teamCells = (team?.getLastRow() ?? 1) - 1;
    const wholeRowCells = cost.records
      .filter(
        (r) =>
          r.name === 'Range.getValues' &&
          r.cells % REGISTER_WIDTH === 0 &&
          r.cells > 0 &&
          r.cells !== teamCells * TEAM_HEADERS.length,
      )
      .reduce((sum, r) => sum + r.cells, 0);
    expect(wholeRowCells).toBeGreaterThan(0);
    // Due rows (+ neighbours read through), and the register's header row (its columns are found by header: one read
    // of row 1, as wide as the grid).
    expect(wholeRowCells).toBeLessThanOrEqual(REGISTER_WIDTH * (due.length + 2) + REGISTER_WIDTH);
    console.info(`daily run with purge of ${due.length} rows: ${cost.calls} calls ${JSON.stringify(cost.counts)}`);

    // Saturday 2 Dec the fourth complaint falls due, but weekends touch nothing: not before Monday 4 Dec.
    const before = JSON.stringify([registerRows(office), office.sheetValues('Log Audit')]);
    daily('2028-12-02T07:00:00+08:00');
    daily('2028-12-03T07:00:00+08:00');
    expect(JSON.stringify([registerRows(office), office.sheetValues('Log Audit')])).toBe(before);
    daily('2028-12-04T07:00:00+08:00');
    expect(nameOf(notDue[2])).toBe('');
    expect(
      auditOf('Hapus Data Pribadi')
        .map((r) => r[4])
        .sort(),
    ).toEqual([...due, notDue[2]].sort());
    for (const reg of notDue.slice(0, 2)) expect(nameOf(reg), reg).toBe(names[reg]);
  });

  it('a second run the same day finds nothing to purge and writes nothing more; retention off purges nothing', () => {
    daily('2028-12-01T07:00:00+08:00');
    const rows = registerRows(office);
    const purges = auditOf('Hapus Data Pribadi').length;
    const again = office.emu.calls.measure(() => daily('2028-12-01T11:00:00+08:00'));
    expect(registerRows(office)).toEqual(rows);
    expect(auditOf('Hapus Data Pribadi')).toHaveLength(purges);
    expect(again.counts['Range.setValues'] ?? 0).toBe(0); // digests already sent, nothing due: no write at all
    setSetting(office, 'masa_simpan_data_pribadi_tahun', '0');
    daily('2028-12-04T07:00:00+08:00');
    expect(nameOf(notDue[2])).not.toBe('');
    expect(auditOf('Hapus Data Pribadi')).toHaveLength(purges);
  });
});
