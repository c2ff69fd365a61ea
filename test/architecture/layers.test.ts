// The layer rules of src/, checked on every import of every file (not only the domain's purity).
// A value import is code that runs; a type-only import (`import type`, or every name marked `type`)
// vanishes from the bundle and may point at any layer whose shapes a module describes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';

/** Who may run whose code. `main` is src/main.ts, `ports` is src/ports.ts. */
const ALLOWED: Record<string, readonly string[]> = {
  lib: [], // pure helpers (within lib only) with no dependency: escaping, cell text
  messages: ['lib'], // every Indonesian text; renders with lib's escaping
  domain: ['messages', 'lib'], // the SOP's rules; no Google global (purity.test.ts)
  ports: [],
  app: ['domain', 'messages', 'lib', 'ports'], // use cases on ports
  gas: ['app', 'domain', 'messages', 'lib', 'ports'], // adapters: implement the ports with Google's services
  ui: ['app', 'domain', 'messages'], // menu definitions and the pages' templates
  server: ['app', 'domain', 'gas', 'messages', 'lib', 'ports', 'ui', 'diagnostics'], // what entry points call
  diagnostics: ['messages', 'server'], // conformance cases, runnable in real Apps Script
  main: ['server', 'diagnostics'], // the bundle's entry points, one line each
  // The team spreadsheet's project: menu, pages and the call to the core; never server/ (rules, writes, secrets).
  shell: ['ui', 'app', 'gas', 'domain', 'messages', 'lib'],
};

function layerOf(file: string): string {
  const rel = relative(SRC, file);
  if (rel === 'main.ts') return 'main';
  if (rel === 'ports.ts') return 'ports';
  if (rel === 'shell/main.ts') return 'shell';
  return rel.split('/')[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  from: string;
  target: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const re = /^(import|export)\s+(type\s+)?([^'"]*?)\s*from\s*'([^']+)'/gms;
  for (const m of text.matchAll(re)) {
    const [, , typeKeyword, clause, spec] = m;
    if (!spec.startsWith('.')) continue;
    const names = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const allTyped =
      names.trim() !== '' &&
      !/^\s*[\w$]+\s*,/.test(clause) &&
      names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith('type '));
    found.push({
      from: file,
      target: normalize(join(dirname(file), spec)),
      typeOnly: Boolean(typeKeyword) || allTyped,
    });
  }
  return found;
}

const FILES = sourceFiles(SRC);
const IMPORTS = FILES.flatMap(importsOf);

describe('layer rules', () => {
  it('knows every folder of src/', () => {
    const layers = new Set(FILES.map(layerOf));
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it('reads the imports it checks (the scan is not blind)', () => {
    expect(IMPORTS.length).toBeGreaterThan(300);
    expect(IMPORTS.some((i) => layerOf(i.from) === 'gas' && layerOf(i.target) === 'app')).toBe(true);
    expect(IMPORTS.some((i) => i.typeOnly)).toBe(true);
  });

  it('every value import goes to the same layer or one the table allows', () => {
    const broken = IMPORTS.filter((i) => !i.typeOnly)
      .filter((i) => layerOf(i.target) !== layerOf(i.from))
      .filter((i) => !ALLOWED[layerOf(i.from)]?.includes(layerOf(i.target)))
      .map((i) => `${i.from} → ${i.target}`);
    expect(broken).toEqual([]);
  });

  it('no layer reaches outside src/ (no test or script code in the bundle)', () => {
    const outside = IMPORTS.filter((i) => !i.target.startsWith(`${SRC}/`)).map((i) => `${i.from} → ${i.target}`);
    expect(outside).toEqual([]);
  });

  it('the rule catches a forbidden import (a domain file running an adapter)', () => {
    const fake = importsOf('src/domain/workflow.ts').concat({
      from: 'src/domain/x.ts',
      target: 'src/gas/mailer',
      typeOnly: false,
    });
    const broken = fake.filter(
      (i) => !i.typeOnly && !ALLOWED.domain.includes(layerOf(i.target)) && layerOf(i.target) !== 'domain',
    );
    expect(broken.map((i) => i.target)).toEqual(['src/gas/mailer']);
  });
});
