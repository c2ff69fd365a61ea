// `npm run bench [-- --json] [-- --sizes 100,1000] [-- --only report]`: service calls and simulated Apps Script time of each everyday
// operation through the built bundle in the emulator, at several register sizes; plus host CPU time of the pure
// domain over 100,000 complaints and the bundle's size. Reports only: nothing here asserts on time.
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildReport, monthPeriod } from '../src/domain/report';
import { deadlineFacts } from '../src/domain/deadline';
import { slaWatch } from '../src/domain/sla';
import { instantAt } from '../src/domain/time';
import { parseFlags, printUsage, runCommand, UsageError } from './cli';
import { openOffice, PEOPLE, type Office } from '../test/bundle/office';
import { benchComplaints, calendar, prng, randomRegister, seedRegister } from '../test/bundle/registerSeed';
import { REPORT_SUMMARY_HEADER } from '../src/gas/registerColumns';
import { cellText } from '../src/lib/cells';
import { floorOf, splitFloorOf } from './benchFloors';
import { benchSplitSize, isFollowUp } from './benchSplit';

const TODAY = '2026-12-16'; // a Wednesday, an ordinary working day
const FORM_ANSWERS = {
  'Nama Lengkap': 'Ni Made Ayu Lestari',
  NIK: '5102014506900002',
  Alamat: 'Jl. Gunung Agung No. 7, Tabanan',
  'Nomor HP/WhatsApp': '081234567890',
  Email: 'ayu.lestari@example.com',
  Perihal: 'Pendampingan koperasi',
  'Uraian Pengaduan': 'Permohonan pendampingan belum dijawab.',
  'Kerahasiaan Identitas': 'biasa — identitas saya dapat dilihat petugas yang menangani',
  'Persetujuan Data Pribadi': [
    'Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.',
  ],
};

interface Measure {
  operation: string;
  size: number;
  calls: number;
  simulatedMs: number;
  counts: Record<string, number>;
  /** The documented floor (scripts/benchFloors.ts), when the operation has one. */
  floorMs: number | null;
  floorCalls: number | null;
}

/** Targets at 50,000 complaints, in simulated seconds (calibrated latency). */
const TARGETS: Record<string, number> = {
  'daily run (07:00 trigger)': 30,
  'open Pemantauan (sidebar, first page)': 3,
  'monthly report (Laporan sheet + recap)': 30,
  'form submission': 3,
};

/** The split deployment's target, every sidebar action through the shell, the call to the core included. */
const SPLIT_TARGET_S = 3;

/** The split deployment's measures, with their floors (the round trip + the operation's own). */
function benchSplit(size: number, only: string): Measure[] {
  const office = { grid: { settings: 0, units: 0, holidays: 0 }, teamRows: 0 };
  return benchSplitSize(size, TODAY, only, (grid, teamRows) => {
    office.grid = grid;
    office.teamRows = teamRows;
  }).map((m) => {
    const floor = splitFloorOf(m.operation, {
      rows: m.rows,
      grid: office.grid,
      teamRows: office.teamRows,
      records: m.records,
      cost: m.cost,
    });
    return {
      operation: m.operation,
      size,
      calls: m.calls,
      simulatedMs: m.simulatedMs,
      counts: m.counts,
      floorMs: floor ? Math.round(floor.ms) : null,
      floorCalls: floor ? floor.calls : null,
    };
  });
}

function version(office: Office, reg: string): number {
  const [header, ...rows] = office.sheetValues('Register');
  const row = rows.find((r) => r[0] === reg);
  return Number(row?.[(header as string[]).indexOf('Versi')]);
}

function setting(office: Office, key: string): string {
  return cellText(office.sheetValues('Pengaturan').find((r) => r[0] === key)?.[1]);
}

function expectOk(result: unknown, what: string): void {
  if (!result || typeof result !== 'object' || !(result as { ok?: boolean }).ok) {
    throw new Error(`bench: ${what} failed: ${JSON.stringify(result).slice(0, 300)}`);
  }
}

/**
 * `only`: measure just the operations whose name contains it (case-insensitive). The others still run, unmeasured,
 * so the register, the clock and the folders are what the full bench gives the measured ones.
 */
function benchSize(size: number, only = ''): Measure[] {
  let staleRows: number[] = [];
  const office = openOffice({ now: `${TODAY}T06:30:00+08:00` });
  const { waiting, disposed, earlier } = benchComplaints();
  seedRegister(office.emu, [...randomRegister(size - 3, TODAY, 2026), waiting, disposed, earlier]);
  const formId = setting(office, 'id_formulir');
  // This morning's daily run has happened (it writes Pemantauan's index of open deadlines), as on any working day.
  if (office.emu.fireTimeTriggers(`${TODAY}T08:05:00+08:00`) < 1)
    throw new Error("bench: the morning's daily run did not fire");
  office.emu.clock.set(`${TODAY}T08:30:00+08:00`);
  const out: Measure[] = [];
  const gridRows = (name: string) => office.emu.spreadsheet.getSheetByName(name)?.getMaxRows() ?? 0;
  const grid = { settings: gridRows('Pengaturan'), units: gridRows('Unit'), holidays: gridRows('Hari Libur') };
  const teamRows = gridRows('Tim');
  const measure = (operation: string, fn: () => unknown) => {
    if (!operation.toLowerCase().includes(only.toLowerCase())) {
      fn();
      return;
    }
    const registerRows = (office.emu.spreadsheet.getSheetByName('Register')?.getLastRow() ?? 1) - 1;
    const m = office.emu.calls.measure(fn);
    const auditRows = (office.emu.spreadsheet.getSheetByName('Log Audit')?.getLastRow() ?? 1) - 1;
    const floor = floorOf(operation, {
      rows: registerRows,
      auditRows,
      grid,
      teamRows,
      records: m.records,
      staleRows: operation === STALE_REPORT ? staleRows : [],
      cost: (r) => office.emu.calls.costOf(r),
    });
    out.push({
      operation,
      size,
      calls: m.calls,
      simulatedMs: Math.round(m.simulatedMs),
      counts: m.counts,
      floorMs: floor ? Math.round(floor.ms) : null,
      floorCalls: floor ? floor.calls : null,
    });
  };
  const as =
    (email: string, fn: string, ...args: unknown[]) =>
    () =>
      office.as(email, fn, ...args);

  // The team hears of the first online submission of each hour (README, Costs): that one sends two messages, the
  // others of the hour one (the receipt).
  measure('form submission, first of the hour (receipt + team notice)', () =>
    office.emu.forms.submit(formId, FORM_ANSWERS),
  );
  office.emu.clock.set(`${TODAY}T08:40:00+08:00`);
  measure('form submission', () => office.emu.forms.submit(formId, FORM_ANSWERS));
  // The sidebar arrives with its first page (50 lines); "Semua" and later pages come page by page.
  measure('open Pemantauan (sidebar, first page)', () => office.as(PEOPLE.ketua, 'showPemantauanSidebar'));
  measure('Pemantauan "Semua", page 3', () =>
    expectOk(office.as(PEOPLE.ketua, 'monitoringList', { includeClosed: true, page: 2 }), 'monitoring page'),
  );
  // A workflow sidebar opens with its picker: the complaints its actions can start from.
  measure('open Disposisi (sidebar with its picker)', () => office.as(PEOPLE.kadis, 'showDisposisiSidebar'));
  // The version each person saw is read before measuring: the harness's whole-sheet read is not the add-on's cost.
  const disposeVersion = version(office, 'DUMAS-2026-9001');
  measure('one disposition', () =>
    expectOk(
      as(PEOPLE.kadis, 'runWorkflowAction', {
        sidebar: 'disposisi',
        regNumber: 'DUMAS-2026-9001',
        version: disposeVersion,
        action: 'dispose',
        input: { unit: 'Bidang Koperasi', instruction: 'Mohon ditindaklanjuti.' },
      })(),
      'disposition',
    ),
  );
  const letter = (email: string, action: string, extra: Record<string, string> = {}) => {
    const seen = version(office, 'DUMAS-2026-9002');
    return () =>
      expectOk(
        office.as(email, 'runLetterAction', { regNumber: 'DUMAS-2026-9002', version: seen, action, ...extra }),
        `letter ${action}`,
      );
  };
  expectOk(
    office.as(PEOPLE.koperasi, 'runLetterAction', {
      regNumber: 'DUMAS-2026-9003',
      version: version(office, 'DUMAS-2026-9003'),
      action: 'draft',
      answer: 'Jawaban unit atas pengaduan lain.',
    }),
    'the earlier draft',
  );
  measure(
    'reply draft (Doc from template)',
    letter(PEOPLE.koperasi, 'draft', { answer: 'Jawaban unit atas pengaduan.' }),
  );
  letter(PEOPLE.koperasi, 'submit')();
  measure('approval and signature (number, PDF)', letter(PEOPLE.kadis, 'sign'));
  // Default signing mode: the signed scan is uploaded before the letter may leave (not part of either measure).
  letter(PEOPLE.sekretaris, 'upload', {
    fileBase64: Buffer.from('%PDF-1.4\n% pindaian\n%%EOF\n').toString('base64'),
  })();
  measure('delivery (email with PDF, Selesai)', letter(PEOPLE.sekretaris, 'deliver', { method: 'email' }));
  office.emu.clock.set(`${TODAY}T23:00:00+08:00`);
  measure('daily run (07:00 trigger)', () => office.emu.fireTimeTriggers('2026-12-17T08:00:00+08:00'));
  measure('monthly report (Laporan sheet + recap)', () => office.as(PEOPLE.ketua, 'buildReport'));
  // Rows whose report summary is stale (written by something other than Dumas, or edited unseen by the edit watch):
  // 10 % of the register, scattered; the report reads their fields themselves.
  staleRows = staleSummaries(office, 0.1);
  measure(STALE_REPORT, () => office.as(PEOPLE.ketua, 'buildReport'));
  return out;
}

const STALE_REPORT = 'monthly report, 10 % of rows with a stale summary';

/** Clears the report summary of a share of the rows, at random (one read and one write of the column). */
function staleSummaries(office: Office, share: number): number[] {
  const sheet = office.emu.spreadsheet.getSheetByName('Register');
  if (!sheet) throw new Error('bench: no Register sheet');
  const column = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(REPORT_SUMMARY_HEADER);
  const rnd = prng(10);
  const range = sheet.getRange(2, column + 1, sheet.getLastRow() - 1, 1);
  const stale: number[] = [];
  range.setValues(
    range.getValues().map(([cell], i) => {
      if (rnd() >= share) return [cell];
      stale.push(i + 2);
      return [''];
    }),
  );
  return stale;
}

function domainCpu(n: number): { complaints: number; ms: number } {
  const complaints = randomRegister(n, TODAY, 99);
  const now = instantAt(TODAY, 7);
  const start = performance.now();
  for (const c of complaints) deadlineFacts(c, now, calendar);
  slaWatch(
    complaints.map((complaint, i) => ({ complaint, row: i + 2 })),
    now,
    calendar,
  );
  buildReport(complaints, monthPeriod('2026-12'), TODAY, calendar);
  return { complaints: n, ms: Math.round(performance.now() - start) };
}

const USAGE = `usage: npm run bench [-- --json] [--counts] [--sizes 100,1000,10000,50000] [--only TEXT]
  --json          print the measures as JSON
  --counts        also list the calls of each operation at the largest size
  --sizes N,N,…   register sizes to measure (whole numbers of at least 3, comma-separated)
  --only TEXT     measure only the operations whose name contains TEXT (the others still run, unmeasured)
  --help          this text`;
let values: { json: boolean; counts: boolean; sizes: string; only: string; help: boolean } = {
  json: false,
  counts: false,
  sizes: '',
  only: '',
  help: false,
};
let sizes: number[] = [];
await runCommand('bench', USAGE, () => {
  values = parseFlags(process.argv.slice(2), {
    json: { type: 'boolean' },
    counts: { type: 'boolean' },
    sizes: { type: 'string', default: '100,1000,10000,50000' },
    only: { type: 'string', default: '' },
  });
  if (values.help) return printUsage(USAGE);
  sizes = values.sizes.split(',').map((s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN));
  if (sizes.some((n) => !(n > 2)))
    throw new UsageError(`--sizes ${values.sizes}: expected whole numbers of at least 3`);
  return 0;
});
if (process.exitCode !== 0 || values.help) process.exit();
const rows = sizes.flatMap((n) => {
  if (!values.json) process.stderr.write(`register of ${n.toLocaleString('en')} complaints…\n`);
  const one = benchSize(n, values.only);
  if (!values.json) process.stderr.write(`split deployment, ${n.toLocaleString('en')} complaints…\n`);
  return [...one, ...benchSplit(n, values.only)];
});
if (rows.length === 0) {
  process.stderr.write(`bench: --only ${values.only}: no operation's name contains it\n\n${USAGE}\n`);
  process.exit(2);
}
const result = {
  operations: rows,
  domainCpu: domainCpu(100_000),
  bundleBytes: statSync(new URL('../build/Code.js', import.meta.url)).size,
};

if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const ops = [...new Set(rows.map((r) => r.operation))];
  const header = ['operation', ...sizes.map((n) => `${n.toLocaleString('en')} rows`)];
  const table = ops.map((op) => [
    op,
    ...sizes.map((n) => {
      const r = rows.find((x) => x.operation === op && x.size === n);
      return r ? `${r.calls} calls, ${(r.simulatedMs / 1000).toFixed(2)} s` : '';
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const t of table) console.log(line(t));
  const largest = Math.max(...sizes);
  const floored = rows.filter((r) => r.size === largest && r.floorMs !== null);
  if (floored.length > 0) {
    console.log(`\nAgainst the documented floors at ${largest.toLocaleString('en')} complaints (README, Costs):`);
    const fh = ['operation', 'measured', 'floor', 'ratio', 'target'];
    const ft = floored.map((r) => {
      const target = TARGETS[r.operation];
      const s = r.simulatedMs / 1000;
      return [
        r.operation,
        `${r.calls} calls, ${s.toFixed(2)} s`,
        `${r.floorCalls} calls, ${((r.floorMs ?? 0) / 1000).toFixed(2)} s`,
        `${(r.simulatedMs / (r.floorMs || 1)).toFixed(2)}×`,
        r.operation.startsWith('split: ')
          ? isFollowUp(r.operation)
            ? 'no click waits on it (progress shown)'
            : `≤ ${SPLIT_TARGET_S} s: ${s <= SPLIT_TARGET_S ? 'met' : 'not met'}`
          : target === undefined || largest !== 50_000
            ? ''
            : `≤ ${target} s: ${s <= target ? 'met' : 'not met'}`,
      ];
    });
    const fw = fh.map((h, i) => Math.max(h.length, ...ft.map((t) => t[i].length)));
    const fl = (cells: string[]) => cells.map((c, i) => c.padEnd(fw[i])).join(' | ');
    console.log(fl(fh));
    console.log(fw.map((w) => '-'.repeat(w)).join('-|-'));
    for (const t of ft) console.log(fl(t));
  }
  if (values.counts) {
    for (const r of rows.filter((x) => x.size === largest)) {
      const calls = Object.entries(r.counts)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k}×${v}`)
        .join(', ');
      console.log(`\n${r.operation} (${largest.toLocaleString('en')} rows): ${calls}`);
    }
  }
  console.log(
    `\nPure domain (deadline facts, SLA watch, monthly statistics) over ${result.domainCpu.complaints.toLocaleString('en')} complaints: ${result.domainCpu.ms} ms host CPU`,
  );
  console.log(`Bundle build/Code.js: ${(result.bundleBytes / 1024).toFixed(1)} KiB`);
  console.log(
    'Simulated time uses the calibrated latency model (test/emulator/README.md: published measurements of real Apps Script).',
  );
}
