// The bench's split deployment (docs/security.md): the team's spreadsheet with the shell, the core as a web app, the
// register seeded into the vault and its view (without identity) into the team's spreadsheet, as the core writes
// them. Every measure is one sidebar action through the shell: the shell's calls, the POST to the core, the core's
// doPost (token verified, the server function) and the redirect back: the calls of both projects, in one log.
import { openSplitOffice, type SplitOffice } from '../test/split/world';
import { PEOPLE } from '../test/bundle/office';
import {
  benchComplaints,
  makeComplaint,
  randomRegister,
  rowOffsets,
  seedRows,
  type SeedableSheet,
} from '../test/bundle/registerSeed';
import { complaintToRow, ROW_FORMATS } from '../src/gas/registerColumns';
import { VIEW_FORMATS, viewCells } from '../src/gas/registerView';
import { instantAt } from '../src/domain/time';
import type { Complaint } from '../src/domain/complaint';
import type { CallRecord } from '../test/emulator/core/calls';

/** What one measure gives the bench's table (scripts/bench.ts prints it). */
export interface SplitMeasure {
  operation: string;
  size: number;
  calls: number;
  simulatedMs: number;
  counts: Record<string, number>;
  records: CallRecord[];
  /** Register rows (under the header) when measured. */
  rows: number;
  cost: (r: CallRecord) => number;
}

/** The grids a context reads to their bottom (header included), and Tim's filled rows: for the floors. */
export type GridReport = (grid: { settings: number; units: number; holidays: number }, teamRows: number) => void;

type Sheet = SeedableSheet;
const gridRows = (sheet: Sheet): number => sheet.getMaxRows();
interface Book {
  getSheetByName(name: string): Sheet | null;
}

/** The vault's and the office's sheet, as their owner (the Administrator) opens them: unmeasured harness access. */
function sheetsOf(office: SplitOffice): { vault: (name: string) => Sheet; team: (name: string) => Sheet } {
  const vaultId = office.core.readScriptProperties(PEOPLE.admin).DUMAS_VAULT_ID;
  const g = office.core.globals as unknown as { SpreadsheetApp: { openById(id: string): Book } };
  const asAdmin = <T>(fn: () => T): T => office.emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, fn);
  const find = (ss: Book, name: string): Sheet => {
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new Error(`bench: no sheet ${name}`);
    return sheet;
  };
  return {
    vault: (name) => asAdmin(() => find(g.SpreadsheetApp.openById(vaultId), name)),
    team: (name) => {
      const ss = office.shell.container;
      if (!ss) throw new Error('bench: the shell has no spreadsheet');
      return asAdmin(() => find(ss, name));
    },
  };
}

/** The register as the core writes it: the vault's rows, and the same rows projected into the team's view. */
export function seedSplitRegister(office: SplitOffice, complaints: readonly Complaint[]): void {
  const s = sheetsOf(office);
  const rows = complaints.map((c) => complaintToRow(c));
  office.emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, () => {
    seedRows(s.vault('Register'), rows, ROW_FORMATS);
    seedRows(s.team('Tampilan Register'), rows.map(viewCells), VIEW_FORMATS);
  });
  const store = office.core.services.properties.control.scriptStore;
  for (const [key, value] of Object.entries(rowOffsets(complaints))) store.set(key, value);
}

function expectOk(result: unknown, what: string): void {
  if (!result || typeof result !== 'object' || !(result as { ok?: boolean }).ok)
    throw new Error(`bench (split): ${what} failed: ${JSON.stringify(result).slice(0, 300)}`);
}

/** The operations measured through the shell, in the order they run. */
export const SPLIT_OPERATIONS = [
  'open Agenda (sidebar with its picker)',
  'open Disposisi (sidebar with its picker)',
  'open Tindak Lanjut (sidebar with its picker)',
  'open Surat Jawaban (sidebar with its picker)',
  'open Pemantauan (sidebar, first page)',
  'load a complaint (Disposisi)',
  'one disposition',
  'record a walk-in (Tatap Muka)',
  'record a letter (Surat, with its receipt email)',
  'print the receipt (PDF for the counter)',
  'reply draft: the answer (the step queued)',
  "reply draft: the Doc made (the page's follow-up, under a progress notice)",
  'approval: the answer (the step queued)',
  "approval: number, Doc and PDF made (the page's follow-up, under a progress notice)",
].map((name) => `split: ${name}`);

/** Work that follows an answer (a queued step the page asks for): nobody clicks for it, the page shows progress. */
export const isFollowUp = (operation: string): boolean => operation.includes("the page's follow-up");

/** The operations measured through the shell (names start with "split:"); none when `only` names none of them. */
export function benchSplitSize(size: number, today: string, only = '', report?: GridReport): SplitMeasure[] {
  if (!SPLIT_OPERATIONS.some((name) => name.toLowerCase().includes(only.toLowerCase()))) return [];
  const office = openSplitOffice(`${today}T06:30:00+08:00`);
  const received = instantAt('2026-12-15', 9);
  const fresh = makeComplaint({ regNumber: 'DUMAS-2026-9000', receivedAt: received, status: 'Diterima' });
  const { waiting, disposed, earlier } = benchComplaints();
  seedSplitRegister(office, [...randomRegister(size - 4, today, 2026), fresh, waiting, disposed, earlier]);
  // This morning's daily run has happened (Pemantauan's index of open deadlines), as on any working day.
  if (office.emu.world.fireTimeTriggers(`${today}T08:05:00+08:00`) < 1)
    throw new Error("bench (split): the morning's daily run did not fire");
  office.emu.clock.set(`${today}T08:30:00+08:00`);
  if (report) {
    const s = sheetsOf(office);
    const grid = (name: string) =>
      office.emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, () => gridRows(s.team(name)));
    report({ settings: grid('Pengaturan'), units: grid('Unit'), holidays: grid('Hari Libur') }, grid('Tim'));
  }
  const registerRows = () => office.sheetValues('Register').length - 1;
  const version = (reg: string): number => {
    const [header, ...rows] = office.sheetValues('Register');
    return Number(rows.find((r) => r[0] === reg)?.[(header as string[]).indexOf('Versi')]);
  };
  const out: SplitMeasure[] = [];
  /** `settle`: then the queued work's trigger runs (unmeasured), as a second later; off to measure a follow-up. */
  const measure = (operation: string, fn: () => unknown, settle = true) => {
    const name = `split: ${operation}`;
    if (!SPLIT_OPERATIONS.includes(name)) throw new Error(`bench (split): ${name} is not in SPLIT_OPERATIONS`);
    if (!name.toLowerCase().includes(only.toLowerCase())) {
      fn();
      if (settle) office.runQueuedWork();
      return;
    }
    const rows = registerRows();
    const m = office.emu.calls.measure(fn);
    // The mail it queued goes a second later, in the queued work's trigger: nobody waits for it (not measured), and
    // the next action starts with no trigger waiting (so it pays for making one).
    if (settle) office.runQueuedWork();
    out.push({
      operation: name,
      size,
      calls: m.calls,
      simulatedMs: Math.round(m.simulatedMs),
      counts: m.counts,
      records: m.records,
      rows,
      cost: (r) => office.emu.calls.costOf(r),
    });
  };

  // One unmeasured call first: the core keeps Google's token keys an hour in its script cache, so only the first
  // call of an hour fetches them (UrlFetch + Cache put, ≈ 0.24 s); every measure is then an ordinary call.
  expectOk(office.call(PEOPLE.sekretaris, 'openWorkflowComplaint', 'agenda', 'DUMAS-2026-9000'), 'the first call');
  measure('open Agenda (sidebar with its picker)', () => office.call(PEOPLE.sekretaris, 'showAgendaSidebar'));
  measure('open Disposisi (sidebar with its picker)', () => office.call(PEOPLE.kadis, 'showDisposisiSidebar'));
  measure('open Tindak Lanjut (sidebar with its picker)', () =>
    office.call(PEOPLE.koperasi, 'showTindakLanjutSidebar'),
  );
  measure('open Surat Jawaban (sidebar with its picker)', () => office.call(PEOPLE.koperasi, 'showLetterSidebar'));
  measure('open Pemantauan (sidebar, first page)', () => office.call(PEOPLE.ketua, 'showPemantauanSidebar'));
  measure('load a complaint (Disposisi)', () =>
    expectOk(office.call(PEOPLE.kadis, 'openWorkflowComplaint', 'disposisi', 'DUMAS-2026-9001'), 'load'),
  );
  const disposeVersion = version('DUMAS-2026-9001');
  measure('one disposition', () =>
    expectOk(
      office.call(PEOPLE.kadis, 'runWorkflowAction', {
        sidebar: 'disposisi',
        regNumber: 'DUMAS-2026-9001',
        version: disposeVersion,
        action: 'dispose',
        input: { unit: 'Bidang Koperasi', instruction: 'Mohon ditindaklanjuti.' },
      }),
      'disposition',
    ),
  );
  // CS records a complaint in Catat Pengaduan.
  const record = (what: string, fields: Record<string, unknown>) => () =>
    expectOk(office.call(PEOPLE.cs, 'recordComplaint', fields), what);
  measure(
    'record a walk-in (Tatap Muka)',
    record('walk-in', {
      channel: 'Tatap Muka',
      name: 'I Wayan Sudarma',
      nik: '5102011203850003',
      phone: '081337001122',
      email: '',
      address: 'Br. Dinas Delod Peken, Tabanan',
      subject: 'Bantuan modal usaha mikro',
      description: 'Menanyakan syarat bantuan modal untuk usaha warung.',
      privacy: 'biasa',
      ktpSeen: true,
      letterPresent: false,
      // Connected to the unit that will handle it, on a day agreed with the complainant (the SOP's walk-in).
      unit: 'Bidang Koperasi',
      agreedDate: '2026-12-18',
    }),
  );
  measure(
    'record a letter (Surat, with its receipt email)',
    record('letter', {
      channel: 'Surat',
      name: 'Ni Made Ayu Lestari',
      nik: '5102014507900002',
      phone: '081999201188',
      email: 'ayu.lestari@example.org',
      address: 'Jl. Gunung Agung No. 12, Tabanan',
      subject: 'Pendampingan pendirian koperasi wanita tani',
      description: 'Kelompok wanita tani kami ingin mendirikan koperasi dan memohon pendampingan.',
      privacy: 'biasa',
      ktpSeen: true,
      letterPresent: true,
    }),
  );
  measure('print the receipt (PDF for the counter)', () =>
    expectOk(office.call(PEOPLE.cs, 'printReceipt', 'DUMAS-2026-9000'), 'print receipt'),
  );
  // Drafted before the measured one, as most drafts of a month are: the month's letters folder is then known.
  expectOk(
    office.as(PEOPLE.koperasi, 'runLetterAction', {
      regNumber: 'DUMAS-2026-9003',
      version: version('DUMAS-2026-9003'),
      action: 'draft',
      answer: 'Jawaban unit atas pengaduan lain.',
    }),
    'the earlier draft',
  );
  // The page's request, made before the measure (the harness's read of the version is not the call's).
  const letterStep = (who: string, reg: string, action: string, extra: Record<string, unknown> = {}) => {
    const payload = { regNumber: reg, version: version(reg), action, ...extra };
    return () => expectOk(office.call(who, 'runLetterAction', payload), action);
  };
  const followUp = (who: string, reg: string, what: string) => () => {
    const r = office.call<{ ok: boolean; pending?: boolean }>(who, 'runLetterWork', reg);
    if (r.pending) throw new Error(`bench (split): ${what}: the follow-up found the step still queued`);
    expectOk(r, what);
  };
  const reg = 'DUMAS-2026-9002';
  const draft = letterStep(PEOPLE.koperasi, reg, 'draft', { answer: 'Jawaban unit atas pengaduan.' });
  measure('reply draft: the answer (the step queued)', draft, false);
  measure(
    "reply draft: the Doc made (the page's follow-up, under a progress notice)",
    followUp(PEOPLE.koperasi, reg, 'draft'),
  );
  letterStep(PEOPLE.koperasi, reg, 'submit')();
  const sign = letterStep(PEOPLE.kadis, reg, 'sign');
  measure('approval: the answer (the step queued)', sign, false);
  measure(
    "approval: number, Doc and PDF made (the page's follow-up, under a progress notice)",
    followUp(PEOPLE.kadis, reg, 'sign'),
  );
  return out;
}
