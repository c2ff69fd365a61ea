// The deploy path as README writes it: no project file is ever shipped (so `clasp create` can write one), the files
// `npm run clasp:setup` writes are ones the installed clasp reads as intended — the core's pushes build/ and none
// of build/shell/, the shell's (through -P) only build/shell/ — `npm run deploy` builds once and pushes both in
// order (clasp replaced by a recorder: no network), and every clasp command and flag the docs give exists in
// that clasp (its own --help).
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mistakeLine, ROOT, runNpm, runScript } from './run';

const CLASP = join(ROOT, 'node_modules/.bin/clasp');
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghijklmnopqrs';
const SHELL_ID = '1ShElLsHeLlShElLsHeLlShElLsHeLl0123456789-_abcdefghijk';
const run = promisify(execFile);
const SETUP = 'scripts/claspProject.ts';

interface ClaspCommand {
  name(): string;
  aliases(): string[];
  options: { short?: string; long?: string }[];
  commands: ClaspCommand[];
}

/** clasp's own start-up (what every command runs before acting), loaded from the installed package. */
interface ClaspInstance {
  options: { configFilePath: string; files: { contentDir: string } };
  project: { exists(): boolean; updateSettings(): Promise<void> };
  withScriptId(id: string): ClaspInstance;
  withContentDir(dir: string): ClaspInstance;
}
const claspCore = (await import(join(ROOT, 'node_modules/@google/clasp/build/src/core/clasp.js'))) as {
  initClaspInstance(options: { configFile?: string }): Promise<ClaspInstance>;
};

function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dumas-clasp-'));
  cpSync(join(ROOT, 'build'), join(dir, 'build'), { recursive: true });
  return dir;
}

/** The files `clasp push` would send, as it reads the project file (show-file-status needs no sign-in). */
async function filesToPush(dir: string, project?: string): Promise<string[]> {
  const args = [...(project ? ['-P', project] : []), 'show-file-status', '--json'];
  const { stdout } = await run(CLASP, args, { cwd: dir, env: { ...process.env, HOME: dir } });
  return (JSON.parse(stdout) as { filesToPush: string[] }).filesToPush;
}

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('deploying with clasp', () => {
  it('ships no project file (git-ignored), only the examples', () => {
    const files = ['.clasp.json', '.clasp.shell.json', '.clasp.example.json', '.clasp.shell.example.json'];
    expect(execFileSync('git', ['ls-files', ...files], { cwd: ROOT }).toString()).toBe(
      '.clasp.example.json\n.clasp.shell.example.json\n',
    );
    expect(execFileSync('git', ['check-ignore', '.clasp.json', '.clasp.shell.json'], { cwd: ROOT }).toString()).toBe(
      '.clasp.json\n.clasp.shell.json\n',
    );
  });

  it("clasp:setup writes the core's file: clasp would push build/, every file, and nothing of build/shell/", async () => {
    const dir = checkout();
    // Without skipSubdirectories clasp descends into build/shell/: a second Code.js and appsscript.json.
    writeFileSync(join(dir, '.clasp.json'), JSON.stringify({ scriptId: ID, rootDir: 'build' }));
    expect(await filesToPush(dir)).toEqual(expect.arrayContaining(['build/shell/Code.js']));
    const url = `https://script.google.com/home/projects/${ID}/edit`;
    const wrote = await runScript(SETUP, ['--script-id', url, '--dir', dir]);
    expect(wrote.code).toBe(0);
    expect(wrote.stdout).toContain('pushing build/ without its subfolders');
    expect(json(join(dir, '.clasp.json'))).toEqual({ scriptId: ID, rootDir: 'build', skipSubdirectories: true });
    const core = await filesToPush(dir);
    expect(core).toEqual(expect.arrayContaining(['build/Code.js', 'build/appsscript.json', 'build/Surat.html']));
    expect(core.every((f) => f.startsWith('build/') && !f.startsWith('build/shell/'))).toBe(true);
  });

  it("clasp:setup --shell writes the shell's file; through -P clasp pushes only build/shell/, resolved from the file", async () => {
    const dir = checkout();
    const wrote = await runScript(SETUP, ['--shell', '--script-id', SHELL_ID, '--dir', dir]);
    expect(wrote.code).toBe(0);
    const file = join(dir, '.clasp.shell.json');
    expect(json(file)).toEqual({ scriptId: SHELL_ID, rootDir: 'build/shell', skipSubdirectories: true });
    const shell = await filesToPush(dir, file);
    expect(shell).toEqual(
      expect.arrayContaining(['build/shell/Code.js', 'build/shell/appsscript.json', 'build/shell/Client.html']),
    );
    expect(shell.every((f) => f.startsWith('build/shell/'))).toBe(true);
    // rootDir is resolved against the project file's folder, not the working directory.
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    expect((await filesToPush(elsewhere, file)).sort()).toEqual(shell.map((f) => `../${f}`).sort());
  });

  it('the shell made by clasp create: an empty file for -P, then clasp:setup --shell adopts what clasp wrote', async () => {
    const dir = checkout();
    const file = join(dir, '.clasp.shell.json');
    // -P on a file that does not exist stops clasp, so create needs one to fill.
    await expect(
      run(CLASP, ['-P', file, 'show-file-status'], { cwd: dir, env: { ...process.env, HOME: dir } }),
    ).rejects.toThrow(/Invalid --project path/);
    const empty = await runScript(SETUP, ['--shell', '--empty', '--dir', dir]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('npx clasp -P .clasp.shell.json create --type sheets');
    // What `clasp -P .clasp.shell.json create --rootDir build/shell` does once Google answers: an empty file is
    // no project yet (create goes on), the content folder is resolved from the file, and the settings land in it.
    const clasp = await claspCore.initClaspInstance({ configFile: file });
    expect(clasp.project.exists()).toBe(false);
    expect(clasp.options.configFilePath).toBe(file);
    clasp.withContentDir('build/shell').withScriptId(SHELL_ID);
    expect(clasp.options.files.contentDir).toBe(join(dir, 'build/shell'));
    await clasp.project.updateSettings();
    expect(json(file)).toMatchObject({ scriptId: SHELL_ID, rootDir: 'build/shell', skipSubdirectories: false });
    const adopted = await runScript(SETUP, ['--shell', '--dir', dir]);
    expect(adopted.code).toBe(0);
    expect(json(file)).toMatchObject({ scriptId: SHELL_ID, rootDir: 'build/shell', skipSubdirectories: true });
    expect(json(file)).toHaveProperty('scriptExtensions');
    expect(mistakeLine(await runScript(SETUP, ['--shell', '--empty', '--dir', dir]))).toBe(
      `clasp:setup: ${file} already points at script ${SHELL_ID}; delete it to create another shell`,
    );
    expect(mistakeLine(await runScript(SETUP, ['--empty', '--dir', dir]))).toBe(
      'clasp:setup: --empty goes with --shell (clasp create writes .clasp.json itself)',
    );
  });

  it('the core made by clasp create: clasp:setup adopts it and sets skipSubdirectories; --check checks both', async () => {
    const dir = checkout();
    const core = join(dir, '.clasp.json');
    // What `clasp create --type standalone --rootDir build` writes, by clasp's own writer (run here on a stand-in
    // file, since without one clasp would use the working directory's).
    writeFileSync(core, '{}');
    const created = await claspCore.initClaspInstance({ configFile: core });
    created.withContentDir('build').withScriptId(ID);
    await created.project.updateSettings();
    expect(mistakeLine(await runScript(SETUP, ['--check', '--dir', dir]))).toBe(
      `clasp:setup: ${core} must say "skipSubdirectories": true, or clasp also pushes build/shell/ into the core; run npm run clasp:setup`,
    );
    expect((await runScript(SETUP, ['--dir', dir])).code).toBe(0);
    expect(json(core)).toMatchObject({ scriptId: ID, rootDir: 'build', skipSubdirectories: true });
    const again = await runScript(SETUP, ['--dir', dir]);
    expect(again.stdout).toBe(`${core} already points at script ${ID}, pushing build/.\n`);
    const checked = await runScript(SETUP, ['--check', '--dir', dir]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toBe(
      `${core}: ready (the core, build/ without subfolders).\n` +
        `No ${join(dir, '.clasp.shell.json')}: only the core is pushed. For the team's spreadsheet: npm run clasp:setup -- --shell --script-id ID (README, Build and deploy).\n`,
    );
    const shell = join(dir, '.clasp.shell.json');
    writeFileSync(shell, JSON.stringify({ scriptId: SHELL_ID, rootDir: 'build' }));
    expect(mistakeLine(await runScript(SETUP, ['--check', '--dir', dir]))).toBe(
      `clasp:setup: ${shell} must say "rootDir": "build/shell" (clasp pushes build/shell/); run npm run clasp:setup -- --shell --script-id ID`,
    );
    writeFileSync(shell, readFileSync(join(ROOT, '.clasp.shell.example.json')));
    expect(mistakeLine(await runScript(SETUP, ['--check', '--dir', dir]))).toMatch(
      /names no real script id \("PUT_THE_SHELL_SCRIPT_ID_HERE"\)/,
    );
  });

  it('refuses to point an existing file at another script, a bad id, and a check without the core', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dumas-clasp-'));
    const file = join(dir, '.clasp.json');
    writeFileSync(file, JSON.stringify({ scriptId: ID, rootDir: 'build' }));
    const other = await runScript(SETUP, ['--script-id', `${ID}X`, '--dir', dir]);
    expect(mistakeLine(other)).toBe(`clasp:setup: ${file} already points at script ${ID}; pass --replace to change it`);
    expect((await runScript(SETUP, ['--script-id', `${ID}X`, '--replace', '--dir', dir])).code).toBe(0);
    expect(json(file)).toEqual({ scriptId: `${ID}X`, rootDir: 'build', skipSubdirectories: true });
    expect(mistakeLine(await runScript(SETUP, ['--script-id', 'abc', '--dir', dir]))).toBe(
      'clasp:setup: "abc" is not an Apps Script script id',
    );
    expect(mistakeLine(await runScript(SETUP, ['--shell', '--dir', dir]))).toBe(
      `clasp:setup: --script-id is required (${join(dir, '.clasp.shell.json')} names no script yet)`,
    );
    const empty = mkdtempSync(join(tmpdir(), 'dumas-clasp-'));
    expect(mistakeLine(await runScript(SETUP, ['--check', '--dir', empty]))).toBe(
      `clasp:setup: no ${join(empty, '.clasp.json')}: run npm run clasp:setup -- --script-id ID first (README, Build and deploy)`,
    );
    writeFileSync(join(empty, '.clasp.json'), readFileSync(join(ROOT, '.clasp.example.json')));
    expect(mistakeLine(await runScript(SETUP, ['--check', '--dir', empty]))).toMatch(
      /names no real script id \("PUT_THE_CORE_SCRIPT_ID_HERE"\)/,
    );
    expect(existsSync(join(dir, 'build'))).toBe(false);
  });

  it('npm run deploy builds once, pushes the core, then the shell; without the shell file it says so in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dumas-deploy-'));
    const log = join(dir, 'clasp.log');
    const fake = join(dir, 'fake-clasp.mjs');
    // A recorder standing in for clasp: one line per call (its arguments), failing when told to.
    writeFileSync(
      fake,
      `#!${process.execPath}\nimport { appendFileSync } from 'node:fs';\n` +
        `appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n` +
        `process.exit(process.env.FAKE_CLASP_FAIL ? 1 : 0);\n`,
    );
    chmodSync(fake, 0o755);
    const env = { DUMAS_CLASP: fake };
    const calls = (): string[][] =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l) as string[])
        : [];
    const core = join(dir, '.clasp.json');
    const shell = join(dir, '.clasp.shell.json');

    expect(mistakeLine(await runNpm('deploy', ['--dir', dir], env))).toBe(
      `deploy: no ${core}: run npm run clasp:setup -- --script-id ID first (README, Build and deploy)`,
    );
    writeFileSync(core, JSON.stringify({ scriptId: ID, rootDir: 'build' }));
    expect(mistakeLine(await runNpm('deploy', ['--dir', dir], env))).toMatch(/"skipSubdirectories": true/);
    expect(calls()).toEqual([]);

    writeFileSync(core, JSON.stringify({ scriptId: ID, rootDir: 'build', skipSubdirectories: true }));
    const coreOnly = await runNpm('deploy', ['--dir', dir], env);
    expect(coreOnly.code).toBe(0);
    expect(coreOnly.stdout).toMatch(/build\/Code\.js: [\d,]+ bytes/);
    expect(coreOnly.stdout.trimEnd().split('\n').at(-1)).toBe(
      `No ${shell}: only the core is pushed. For the team's spreadsheet: npm run clasp:setup -- --shell --script-id ID (README, Build and deploy).`,
    );
    expect(calls()).toEqual([['-P', core, 'push', '--force']]);

    writeFileSync(shell, JSON.stringify({ scriptId: SHELL_ID, rootDir: 'build/shell', skipSubdirectories: true }));
    const both = await runNpm('deploy', ['--dir', dir], env);
    expect(both.code).toBe(0);
    expect(both.stdout.match(/build\/Code\.js: /g)).toHaveLength(1);
    expect(calls().slice(1)).toEqual([
      ['-P', core, 'push', '--force'],
      ['-P', shell, 'push', '--force'],
    ]);

    // A failed core push stops there: the shell would otherwise call a core that is not the one just built.
    const failed = await runNpm('deploy', ['--dir', dir], { ...env, FAKE_CLASP_FAIL: '1' });
    expect(failed.code).toBe(1);
    expect(calls().slice(3)).toEqual([['-P', core, 'push', '--force']]);
  });

  it('--help prints the usage of clasp:setup and deploy and exits 0', async () => {
    for (const [script, first] of [
      [SETUP, 'usage: npm run clasp:setup -- [--shell]'],
      ['scripts/deploy.ts', 'usage: npm run deploy'],
    ]) {
      const ran = await runScript(script, ['--help']);
      expect(ran.code).toBe(0);
      expect(ran.stdout.startsWith(first)).toBe(true);
    }
  });

  it('every clasp command and flag in README and docs/ exists in the installed clasp', async () => {
    const docs = ['README.md', 'docs/web-app.md', 'docs/panduan.md'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    const commands = [...docs.join('\n').matchAll(/`(?:npx )?clasp ((?:-P \S+ )?)([a-z-]+)([^`]*)`/g)].map((m) => ({
      global: m[1],
      sub: m[2],
      flags: [...m[3].matchAll(/(?:^|\s)(--?[A-Za-z][\w-]*)/g)].map((f) => f[1]),
    }));
    expect(commands.map((c) => c.sub)).toEqual(expect.arrayContaining(['login', 'create', 'push']));
    expect(commands.filter((c) => c.global !== '').map((c) => c.sub)).toEqual(
      expect.arrayContaining(['create', 'push']),
    );
    // The installed clasp's own command table (commander), the one its --help prints.
    const program = (await import(join(ROOT, 'node_modules/@google/clasp/build/src/commands/program.js'))) as {
      makeProgram(): ClaspCommand & { options: { short?: string; long?: string }[] };
    };
    const made = program.makeProgram();
    expect(made.options.flatMap((o) => [o.short, o.long])).toContain('-P');
    for (const { sub, flags } of commands) {
      const command = made.commands.find((c) => c.name() === sub || c.aliases().includes(sub));
      expect(command, `clasp ${sub}`).toBeDefined();
      const known = (command as ClaspCommand).options.flatMap((o) => [o.short, o.long]);
      for (const flag of flags) expect(known, `clasp ${sub} ${flag}`).toContain(flag);
    }
  });
});
