// The deploy path as README writes it: .clasp.json is never shipped (so `clasp create` can write it), the file
// `npm run clasp:setup` writes is one the installed clasp accepts, and every clasp command and flag the docs
// give exists in that clasp (its own --help).
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mistakeLine, ROOT, runScript } from './run';

const CLASP = join(ROOT, 'node_modules/.bin/clasp');
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghijklmnopqrs';
const run = promisify(execFile);

interface ClaspCommand {
  name(): string;
  aliases(): string[];
  options: { short?: string; long?: string }[];
  commands: ClaspCommand[];
}

describe('deploying with clasp', () => {
  it('ships no .clasp.json (git-ignored), only the example', () => {
    expect(execFileSync('git', ['ls-files', '.clasp.json', '.clasp.example.json'], { cwd: ROOT }).toString()).toBe(
      '.clasp.example.json\n',
    );
    expect(execFileSync('git', ['check-ignore', '.clasp.json'], { cwd: ROOT }).toString()).toBe('.clasp.json\n');
  });

  it('npm run clasp:setup writes a .clasp.json that clasp reads: it would push build/, every file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dumas-clasp-'));
    cpSync(join(ROOT, 'build'), join(dir, 'build'), { recursive: true });
    const url = `https://script.google.com/home/projects/${ID}/edit`;
    const wrote = await runScript('scripts/claspProject.ts', ['--script-id', url, '--to', join(dir, '.clasp.json')]);
    expect(wrote.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toEqual({ scriptId: ID, rootDir: 'build' });
    // show-file-status reads .clasp.json exactly as push does, without signing in.
    const { stdout } = await run(CLASP, ['show-file-status', '--json'], {
      cwd: dir,
      env: { ...process.env, HOME: dir },
    });
    const status = JSON.parse(stdout) as { filesToPush: string[] };
    expect(status.filesToPush).toEqual(
      expect.arrayContaining(['build/Code.js', 'build/appsscript.json', 'build/Surat.html']),
    );
    expect(status.filesToPush.every((f) => f.startsWith('build/'))).toBe(true);
  });

  it('refuses to point an existing .clasp.json at another script, and deploy without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dumas-clasp-'));
    const file = join(dir, '.clasp.json');
    writeFileSync(file, JSON.stringify({ scriptId: ID, rootDir: 'build' }));
    const other = await runScript('scripts/claspProject.ts', ['--script-id', `${ID}X`, '--to', file]);
    expect(mistakeLine(other)).toBe(`clasp:setup: ${file} already points at script ${ID}; pass --replace to change it`);
    expect(mistakeLine(await runScript('scripts/claspProject.ts', ['--script-id', 'abc', '--to', file]))).toBe(
      'clasp:setup: "abc" is not an Apps Script script id',
    );
    const missing = join(dir, 'none.json');
    expect(mistakeLine(await runScript('scripts/claspProject.ts', ['--check', '--to', missing]))).toBe(
      `clasp:setup: no ${missing}: run npm run clasp:setup -- --script-id ID first (README, Deploy)`,
    );
    writeFileSync(missing, readFileSync(join(ROOT, '.clasp.example.json')));
    expect(mistakeLine(await runScript('scripts/claspProject.ts', ['--check', '--to', missing]))).toMatch(
      /names no real script id \("PUT_YOUR_SCRIPT_ID_HERE"\)/,
    );
    expect(existsSync(join(dir, 'build'))).toBe(false);
  });

  it('every clasp command and flag in README and docs/ exists in the installed clasp', async () => {
    const docs = ['README.md', 'docs/web-app.md', 'docs/panduan.md'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    const commands = [...docs.join('\n').matchAll(/`(?:npx )?clasp ([a-z-]+)([^`]*)`/g)].map((m) => ({
      sub: m[1],
      flags: [...m[2].matchAll(/(?:^|\s)(--?[A-Za-z][\w-]*)/g)].map((f) => f[1]),
    }));
    expect(commands.map((c) => c.sub)).toEqual(expect.arrayContaining(['login', 'create', 'push']));
    // The installed clasp's own command table (commander), the one its --help prints.
    const program = (await import(join(ROOT, 'node_modules/@google/clasp/build/src/commands/program.js'))) as {
      makeProgram(): ClaspCommand;
    };
    const table = program.makeProgram().commands;
    for (const { sub, flags } of commands) {
      const command = table.find((c) => c.name() === sub || c.aliases().includes(sub));
      expect(command, `clasp ${sub}`).toBeDefined();
      const known = (command as ClaspCommand).options.flatMap((o) => [o.short, o.long]);
      for (const flag of flags) expect(known, `clasp ${sub} ${flag}`).toContain(flag);
    }
  });
});
