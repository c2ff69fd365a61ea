// The wiring rules of src/, read from the source: one module builds an execution's services (server/wiring.ts),
// every server function runs through its `run(guard, …)`, and each guard names entries of the permission table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSION_NAMES } from '../../src/domain/permissions';

const WIRING = 'src/server/wiring.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const FILES = sourceFiles('src');
const text = (file: string) => readFileSync(file, 'utf8');
/** Where a server function runs: the server layer and the diagnostics' menu action. */
const SERVER = FILES.filter((f) => f.startsWith('src/server/') || f === 'src/diagnostics/server.ts');

function filesWith(pattern: RegExp): string[] {
  return FILES.filter((f) => pattern.test(text(f)));
}

describe('one wiring module', () => {
  it('builds the Google context, the services and the signer, and nothing else does', () => {
    expect(filesWith(/new GasContext\s*\(/)).toEqual([]); // made only as the services' base class
    expect(filesWith(/new Services\s*\(/)).toEqual([WIRING]);
    expect(filesWith(/new HmacSigner\s*\(/)).toEqual([WIRING]);
  });

  it('the scan is not blind: it sees the wiring module itself', () => {
    expect(text(WIRING)).toMatch(/class Services extends GasContext/);
    expect(SERVER.length).toBeGreaterThan(10);
  });

  it('every exported server function runs through run(…): no hand-made context, no own try/catch shell', () => {
    const shells = SERVER.filter((f) => f !== WIRING).filter((f) =>
      /catch \(error\) \{\s*return \{ ok: false, message: messageOf/.test(text(f)),
    );
    expect(shells).toEqual([]);
    // triggerGuard checks an event; core.ts only hands a verified caller to entry points that run(…) themselves.
    const noRun = ['triggerGuard.ts', 'core.ts'];
    for (const f of SERVER.filter((x) => x !== WIRING && !noRun.some((n) => x.endsWith(n)))) {
      expect(text(f), f).toMatch(/\brun\(/);
    }
  });

  it('recognises no error by its text', () => {
    expect(filesWith(/\.message\.(startsWith|includes|indexOf)\(/)).toEqual([]);
    expect(filesWith(/startsWith\('!'\)/)).toEqual([]);
  });
});

/** The guard expressions `run(` is given, with the file they are in. */
function guardsPassedToRun(): { file: string; guard: string }[] {
  return SERVER.filter((f) => f !== WIRING).flatMap((file) =>
    [...text(file).matchAll(/\brun\(\s*([^,]+?),\s*(?:\(|\w+\s*[,)])/g)].map((m) => ({ file, guard: m[1].trim() })),
  );
}

describe('every guard names entries of the permission table', () => {
  const known = new Set<string>(PERMISSION_NAMES);
  const guards = guardsPassedToRun();

  it('finds the guards (the scan is not blind)', () => {
    expect(guards.length).toBeGreaterThanOrEqual(30);
  });

  it('is may(<entry>), a guard built from entries, a sidebar guard, setup, or ANYONE where no role is granted', () => {
    const named = /^may\('([\w.]+)'\)$/;
    const odd: string[] = [];
    for (const { file, guard } of guards) {
      const m = named.exec(guard);
      if (m) {
        if (!known.has(m[1])) odd.push(`${file}: ${guard} is not in the table`);
        continue;
      }
      if (/^sidebarGuard\(/.test(guard) || guard === 'SETUP') continue;
      if (guard === 'ANYONE') continue; // listed below, by file
      // A constant of the same file built by guard([...entries]) or guard(LETTER_STEPS / the WhatsApp entries).
      const def = new RegExp(`const ${guard} = guard\\(\\s*([^,)]+)`).exec(text(file));
      if (!def) {
        odd.push(`${file}: ${guard} is not a guard built from the table`);
        continue;
      }
      for (const name of def[1].matchAll(/'([\w.]+)'/g)) if (!known.has(name[1])) odd.push(`${file}: ${name[1]}`);
    }
    expect(odd).toEqual([]);
  });

  it('grants no role through ANYONE except the menu, the about note, the triggers and the public web app', () => {
    const open = [...new Set(guards.filter((g) => g.guard === 'ANYONE').map((g) => g.file))].sort();
    expect(open).toEqual([
      'src/server/admin.ts', // the menu (built from the table) and "Tentang Dumas"
      'src/server/daily.ts', // installed trigger
      'src/server/directEdit.ts', // installed trigger
      'src/server/intake.ts', // the form-submit trigger only (the sidebar uses may('record'))
      'src/server/public.ts', // the public web app
      'src/server/queuedWork.ts', // the queued work's one-off trigger: mail already queued
    ]);
    expect(text('src/server/intake.ts').match(/run\(ANYONE/g)).toHaveLength(1);
  });
});
