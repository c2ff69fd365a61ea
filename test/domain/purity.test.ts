// The domain stays pure: no Apps Script globals, no imports from adapters/use cases/UI, no host-time-zone Date calls.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN_DIR = join(__dirname, '../../src/domain');
const FILES = [
  ...readdirSync(DOMAIN_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(DOMAIN_DIR, f)),
  join(__dirname, '../../src/messages/domain.ts'),
];

const GAS_GLOBALS = [
  'SpreadsheetApp',
  'Utilities',
  'Session',
  'DriveApp',
  'DocumentApp',
  'MailApp',
  'GmailApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'ScriptApp',
  'HtmlService',
  'UrlFetchApp',
  'FormApp',
  'CalendarApp',
  'ContentService',
  'Logger',
  'Browser',
  'google',
];

const RULES: [RegExp, string][] = [
  [new RegExp(`\\b(${GAS_GLOBALS.join('|')})\\s*\\.`), 'Apps Script global'],
  [/\bfrom\s+['"][^'"]*\/(gas|app|ui)(\/[^'"]*)?['"]/, 'import from gas/app/ui'],
  [/\bimport\s*\(\s*['"][^'"]*\/(gas|app|ui)\b/, 'dynamic import from gas/app/ui'],
  [/\.(get|set)(FullYear|Year|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\s*\(/, 'local-time getter/setter'],
  [/\.getTimezoneOffset\s*\(/, 'host time-zone offset'],
  [/\.to(Locale(Date|Time)?String|DateString|TimeString)\s*\(/, 'locale/local formatting'],
  [/\bnew\s+Date\s*\(\s*\)/, 'reads the clock (now must come from ctx)'],
  [/\bDate\.now\s*\(/, 'reads the clock (now must come from ctx)'],
  // new Date(y, m, d…) reads its fields in host time; new Date(Date.UTC(y, m, d…)) is fine.
  [/\bnew\s+Date\s*\(\s*(?!Date\.UTC\b)[^()]*,/, 'multi-argument Date constructor (local time)'],
  [/\bnew\s+Date\s*\(\s*['"`]/, 'Date parsed from a string'],
  [/\bDate\.parse\s*\(/, 'Date parsed from a string'],
  [/\bIntl\./, 'Intl depends on the host'],
];

/** Drops comments so the words in them do not count. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function violations(source: string): string[] {
  const found: string[] = [];
  const lines = code(source).split('\n');
  lines.forEach((line, i) => {
    for (const [re, why] of RULES) if (re.test(line)) found.push(`${i + 1}: ${why}: ${line.trim()}`);
  });
  return found;
}

describe('domain purity', () => {
  it('scans a non-empty set of files', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FILES.map((f) => [f.split('/src/')[1] ?? f, f]))('%s has no impure call', (_name, file) => {
    expect(violations(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the scanner itself catches each kind of violation', () => {
    const bad = [
      'const s = SpreadsheetApp.getActive();',
      "import { x } from '../gas/sheets';",
      "import { y } from '../app';",
      'const h = d.getHours();',
      'd.setDate(1);',
      'const t = d.toLocaleString();',
      'const now = new Date();',
      'const t = Date.now();',
      'const d = new Date(2026, 0, 1);',
      "const d = new Date('2026-01-01');",
      'const o = d.getTimezoneOffset();',
      'Utilities.formatDate(d, "x", "y");',
    ];
    for (const line of bad) expect(violations(line), line).not.toEqual([]);
    const good = [
      'const h = d.getUTCHours();',
      'const d = new Date(t + WITA_OFFSET_MS);',
      'const u = Date.UTC(2026, 0, 1);',
      'const v = new Date(Date.UTC(y, mo - 1, d + n));',
      '// SpreadsheetApp.getActive() in a comment',
      "import { dayKeyOf } from './time';",
    ];
    for (const line of good) expect(violations(line), line).toEqual([]);
  });
});
