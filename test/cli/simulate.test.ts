// `npm run simulate` never destroys and never surprises: --out writes only into its own folder, and every mistake
// of the person running it (flags, files, JSON, names in the scenario) is one line plus usage, exit 2.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mistakeLine, ROOT, runNpm, runScript } from './run';

const SIM = 'scripts/simulate.ts';
const EXAMPLE = 'scenarios/contoh-satu-surat.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'dumas-cli-'));

function scenarioWith(change: (s: { events: Record<string, unknown>[] }) => void): string {
  const s = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as { events: Record<string, unknown>[] };
  change(s);
  const file = join(tmp(), 'scenario.json');
  writeFileSync(file, JSON.stringify(s, null, 1));
  return file;
}

describe.concurrent('npm run simulate: the output folder', () => {
  it('refuses a folder holding foreign files and leaves them as they were, before running anything', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'skripsi.docx'), 'bab 1');
    mkdirSync(join(dir, 'emails'));
    writeFileSync(join(dir, 'emails', 'penting.txt'), 'jangan hapus');
    const ran = await runNpm('simulate', ['--scenario', EXAMPLE, '--out', dir]);
    expect(mistakeLine(ran)).toBe(
      `simulate: refusing to write into ${dir}: it holds files a simulation did not write (no .dumas-simulation marker); choose a new or empty folder`,
    );
    expect(ran.stdout).not.toMatch(/Dumas simulation/); // refused before the run
    expect(readdirSync(dir).sort()).toEqual(['emails', 'skripsi.docx']);
    expect(readFileSync(join(dir, 'emails', 'penting.txt'), 'utf8')).toBe('jangan hapus');
  });

  it('refuses the checkout itself (--out .) and a file', async () => {
    const dot = await runScript(SIM, ['--scenario', EXAMPLE, '--out', '.']);
    expect(mistakeLine(dot)).toMatch(/^simulate: refusing to write into \.: /);
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
    const file = await runScript(SIM, ['--scenario', EXAMPLE, '--out', 'package.json']);
    expect(mistakeLine(file)).toBe('simulate: --out package.json is a file, not a folder');
  });

  it('creates a new folder with its marker, and on a second run replaces only what it wrote', async () => {
    const dir = join(tmp(), 'hasil');
    const first = await runScript(SIM, ['--scenario', EXAMPLE, '--out', dir]);
    expect(first.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      ['.dumas-simulation', 'audit.csv', 'emails', 'letters', 'ratings.csv', 'register.csv'].sort(),
    );
    writeFileSync(join(dir, 'catatan-saya.txt'), 'tetap');
    writeFileSync(join(dir, 'emails', 'stale.txt'), 'from an older run');
    const second = await runScript(SIM, ['--scenario', EXAMPLE, '--out', dir]);
    expect(second.code).toBe(0);
    expect(readFileSync(join(dir, 'catatan-saya.txt'), 'utf8')).toBe('tetap');
    expect(existsSync(join(dir, 'emails', 'stale.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'register.csv'), 'utf8')).toMatch(/^No\. Registrasi,/);
  });
});

describe.concurrent('npm run simulate: each mistake is one line, the usage, exit 2', () => {
  const cases: [string, () => string[], string | RegExp][] = [
    ['unknown flag', () => ['--outt', 'x'], 'simulate: unknown flag --outt'],
    ['missing value at the end', () => ['--out'], 'simulate: --out needs a value'],
    ['missing value before a flag', () => ['--scenario', '--out', 'x'], 'simulate: --scenario needs a value'],
    ['stray word', () => ['out'], 'simulate: unexpected argument "out" (flags start with --)'],
    [
      'missing file',
      () => ['--scenario', 'scenarios/tidak-ada.json'],
      'simulate: scenarios/tidak-ada.json: no such file',
    ],
    ['a folder as the file', () => ['--scenario', 'scenarios'], 'simulate: scenarios: is a folder, not a file'],
    [
      'bad JSON, with file:line:column',
      () => {
        const file = join(tmp(), 'rusak.json');
        writeFileSync(
          file,
          '{\n  "name": "x",\n  "events": [\n    {"at": "2026-12-07T08:00:00+08:00", type: "form"}\n  ]\n}\n',
        );
        return ['--scenario', file];
      },
      /^simulate: \/.*\/rusak\.json:4:41: bad JSON: expected a property name in double quotes$/,
    ],
    [
      'unknown event type',
      () => ['--scenario', scenarioWith((s) => (s.events[0].type = 'kirim'))],
      /, event #1, field "type": unknown type "kirim" \(form, form-missed, call, setting, run\)$/,
    ],
    [
      'unknown fn, found before the run',
      () => {
        const file = scenarioWith((s) => {
          const last = s.events.filter((e) => e.type === 'call').pop() as Record<string, unknown>;
          last.fn = 'runLetterActoin';
        });
        return ['--scenario', file];
      },
      /field "fn": unknown server function "runLetterActoin" \(did you mean runLetterAction\?\)$/,
    ],
    [
      'unknown setting key',
      () => [
        '--scenario',
        scenarioWith((s) =>
          s.events.push({ at: '2026-12-09T09:00:00+08:00', type: 'setting', key: 'jam_bukaa', value: '08:00' }),
        ),
      ],
      /field "key": unknown setting "jam_bukaa" \(did you mean jam_buka\?\)$/,
    ],
  ];
  it.each(cases)('%s', async (_name, args, expected) => {
    const ran = await runScript(SIM, args());
    expect(ran.stdout).toBe(''); // nothing ran
    const line = mistakeLine(ran);
    if (typeof expected === 'string') expect(line).toBe(expected);
    else expect(line).toMatch(expected);
  });

  it('--help prints the usage and exits 0', async () => {
    const ran = await runScript(SIM, ['--help']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^usage: npm run simulate/);
  });
});

describe('npm run bench: flags', () => {
  it('refuses an unknown flag and a bad --sizes before measuring anything', async () => {
    expect(mistakeLine(await runScript('scripts/bench.ts', ['--jsn']))).toBe('bench: unknown flag --jsn');
    expect(mistakeLine(await runScript('scripts/bench.ts', ['--sizes', '100,seribu']))).toBe(
      'bench: --sizes 100,seribu: expected whole numbers of at least 3',
    );
  });
});
