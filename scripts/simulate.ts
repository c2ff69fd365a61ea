// `npm run simulate [-- --scenario FILE --out DIR]`: replays a scenario (default: the month in scenarios/) through the
// built bundle in the emulator and writes out/ (register, audit log, emails, letters, report).
import { resolve } from 'node:path';
import { parseFlags, printUsage, runCommand, UsageError } from './cli';
import { knownNames, runScenario } from './simulation/engine';
import { OutputFolderError, prepareOutputFolder, writeOutputs } from './simulation/outputs';
import { loadScenario, ScenarioError, type KnownNames } from './simulation/scenario';

const DEFAULT_SCENARIO = 'scenarios/kantor-desember-2026.json';
const USAGE = `usage: npm run simulate [-- --scenario FILE] [--out DIR]
  --scenario FILE  the scenario to replay (default ${DEFAULT_SCENARIO}; format: docs/scenarios.md)
  --out DIR        where to write the results (default out); a new or empty folder, or one an earlier
                   simulation wrote (it carries a .dumas-simulation marker); any other folder is refused
  --help           this text`;

function main(): number {
  const flags = parseFlags(process.argv.slice(2), {
    scenario: { type: 'string', default: DEFAULT_SCENARIO },
    out: { type: 'string', default: 'out' },
  });
  if (flags.help) return printUsage(USAGE);
  const outDir = resolve(flags.out);
  let known: KnownNames;
  try {
    known = knownNames();
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}`);
  }
  let scenario;
  try {
    scenario = loadScenario(flags.scenario, resolve(flags.scenario), known);
    // Checked before the run, so a refused folder costs no simulation (and nothing in it is touched).
    prepareOutputFolder(outDir, flags.out);
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof OutputFolderError) throw new UsageError(error.message);
    throw error;
  }
  console.log(
    `Dumas simulation: ${scenario.name} (${scenario.events.length} events, ${scenario.start} → ${scenario.end})`,
  );
  const started = Date.now();
  const tty = process.stdout.isTTY;
  const run = runScenario(scenario, (done, total, at) => {
    if (tty) process.stdout.write(`\r  ${done}/${total} events · ${at.slice(0, 16)}   `);
    else if (done % 20 === 0 || done === total) console.log(`  ${done}/${total} events · ${at.slice(0, 16)}`);
  });
  if (tty) process.stdout.write('\n');
  const written = writeOutputs(run.office, outDir);

  const [header, ...rows] = run.office.sheetValues('Register');
  const col = (h: string) => (header as string[]).indexOf(h);
  const byStatus = new Map<string, number>();
  for (const r of rows) byStatus.set(String(r[col('Status')]), (byStatus.get(String(r[col('Status')])) ?? 0) + 1);
  const settled = rows.filter((r) => r[col('Status')] === 'Selesai');
  const onTime = settled.filter((r) => r[col('Tepat Waktu')] === 'Ya').length;
  const late = settled.filter((r) => r[col('Tepat Waktu')] === 'Tidak').length;
  console.log(`Complaints: ${rows.length} — ${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  console.log(`Settled (Selesai) on time: ${onTime}, late: ${late}`);
  console.log(
    `Emails sent: ${written.emails}; letters (PDF): ${written.letters}; daily trigger runs: ${run.triggerRuns}`,
  );
  console.log(
    `Simulated Apps Script time: ${(run.office.emu.calls.simulatedMs() / 1000).toFixed(1)} s over ${run.office.emu.calls.total()} service calls`,
  );
  console.log(
    `Wrote ${flags.out.replace(/\/+$/, '')}/ (${written.files} sheets as CSV, emails/, letters/) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const f of run.failures) {
    console.error(`  step ${f.index + 1} (${f.event.type} at ${f.event.at}): ${f.problem}`);
  }
  if (run.failures.length > 0) {
    console.error(`${run.failures.length} step(s) did not go as the scenario expects.`);
    return 1;
  }
  return 0;
}

await runCommand('simulate', USAGE, main);
