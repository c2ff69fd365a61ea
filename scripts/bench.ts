// `npm run bench [-- --json] [-- --sizes 100,1000]`: service calls and simulated Apps Script time of each everyday
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
import { calendar, makeComplaint, randomRegister, seedRegister } from '../test/bundle/registerSeed';
import { cellText } from '../src/lib/cells';

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

function benchSize(size: number): Measure[] {
  const office = openOffice({ now: `${TODAY}T08:30:00+08:00` });
  const received = instantAt('2026-12-15', 9);
  const waiting = makeComplaint({
    regNumber: 'DUMAS-2026-9001',
    receivedAt: received,
    status: 'Menunggu Disposisi',
    agendaNumber: 'SM-2026-9001',
    agendaDate: '2026-12-15',
  });
  const disposed = makeComplaint({
    regNumber: 'DUMAS-2026-9002',
    receivedAt: received,
    status: 'Didisposisikan',
    unit: 'Bidang Koperasi',
    instruction: 'Tindak lanjuti.',
  });
  seedRegister(office.emu, [...randomRegister(size - 2, TODAY, 2026), waiting, disposed]);
  const formId = setting(office, 'id_formulir');
  const out: Measure[] = [];
  const measure = (operation: string, fn: () => unknown) => {
    const m = office.emu.calls.measure(fn);
    out.push({ operation, size, calls: m.calls, simulatedMs: Math.round(m.simulatedMs) });
  };
  const as =
    (email: string, fn: string, ...args: unknown[]) =>
    () =>
      office.as(email, fn, ...args);

  measure('form submission', () => office.emu.forms.submit(formId, FORM_ANSWERS));
  // The sidebar arrives with its list (one register read); "Muat ulang" later costs the same again.
  measure('open Pemantauan (sidebar with its list)', () => office.as(PEOPLE.ketua, 'showPemantauanSidebar'));
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
  return out;
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

const USAGE = `usage: npm run bench [-- --json] [--sizes 100,1000,10000,50000]
  --json          print the measures as JSON
  --sizes N,N,…   register sizes to measure (whole numbers of at least 3, comma-separated)
  --help          this text`;
let values: { json: boolean; sizes: string; help: boolean } = { json: false, sizes: '', help: false };
let sizes: number[] = [];
await runCommand('bench', USAGE, () => {
  values = parseFlags(process.argv.slice(2), {
    json: { type: 'boolean' },
    sizes: { type: 'string', default: '100,1000,10000,50000' },
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
  return benchSize(n);
});
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
  console.log(
    `\nPure domain (deadline facts, SLA watch, monthly statistics) over ${result.domainCpu.complaints.toLocaleString('en')} complaints: ${result.domainCpu.ms} ms host CPU`,
  );
  console.log(`Bundle build/Code.js: ${(result.bundleBytes / 1024).toFixed(1)} KiB`);
  console.log(
    'Simulated time uses the emulator latency model (test/emulator/README.md); it compares designs, it does not predict a run.',
  );
}
