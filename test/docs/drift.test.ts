// The figures and names the docs state, checked against the code they describe, so a change that moves one
// fails here until README.md and docs/ say the new truth.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_DEFINITIONS } from '../../src/app/settings';
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import { normalDeadline, specialDeadline } from '../../src/domain/deadline';
import { instantAt } from '../../src/domain/time';
import { maskNik } from '../../src/domain/validation';
import { CASES } from '../../src/diagnostics/cases';
import { ROLE_LABELS, ROLES, type Role } from '../../src/domain/roles';
import { formatNumber } from '../../src/domain/numbering';
import { transitionOf } from '../../src/domain/workflow';
import { REGISTER_HEADERS } from '../../src/gas/registerColumns';
import { menuFor } from '../../src/ui/menu';
import { openOffice } from '../bundle/office';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ');
const README = flat(read('README.md'));
const DOCS = ['panduan', 'rules', 'letters', 'web-app', 'scenarios', 'conformance'].map((d) => `docs/${d}.md`);
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** Every number written before `noun` (digits or an English word), e.g. "55 columns", "three triggers". */
function figures(text: string, noun: string): number[] {
  return [...text.matchAll(new RegExp(`\\b(\\d[\\d,]*|${Object.keys(WORDS).join('|')}) ${noun}\\b`, 'gi'))].map((m) =>
    m[1].toLowerCase() in WORDS ? WORDS[m[1].toLowerCase()] : Number(m[1].replace(/,/g, '')),
  );
}

/** The role labels a piece of text names, in the code's order. */
function rolesNamed(text: string): Role[] {
  return ROLES.filter((r) => text.includes(ROLE_LABELS[r]));
}

describe('docs agree with the code', () => {
  const office = openOffice();

  it('the number of triggers setup installs', () => {
    const installed = office.emu.triggers.triggers().map((t) => t.handler);
    expect(installed).toHaveLength(3);
    const stated = /Dumas installs (\w+) triggers \(([^)]*)\)/.exec(README);
    expect(stated, 'README: "Dumas installs N triggers (…)"').not.toBeNull();
    const [, count, list] = stated as RegExpExecArray;
    expect(WORDS[count]).toBe(installed.length);
    expect(list.split(/, | and /)).toHaveLength(installed.length);
    const panduan = /Pemicu otomatis \(([^)]*)\)/.exec(flat(read('docs/panduan.md')));
    expect(panduan?.[1].split(', ')).toHaveLength(installed.length);
  });

  it('the register column count', () => {
    const header = office.sheetValues('Register')[0];
    expect(header).toHaveLength(REGISTER_HEADERS.length);
    const stated = [README, ...DOCS.map(read)].flatMap((t) => figures(flat(t), 'columns'));
    expect(stated.length).toBeGreaterThan(0);
    for (const n of stated) expect(n).toBe(REGISTER_HEADERS.length);
  });

  it('the conformance case count, and how many are always skipped in Apps Script', () => {
    const stated = [README, flat(read('docs/conformance.md'))].flatMap((t) => figures(t, 'cases'));
    const skipped = CASES.filter((c) => c.needs !== undefined).length;
    expect(skipped).toBeGreaterThan(0);
    expect(stated).toEqual([CASES.length, CASES.length, skipped]);
  });

  it('the bundle size, in KiB of bytes (not characters)', () => {
    const kib = statSync(join(ROOT, 'build/Code.js')).size / 1024;
    const stated = [...read('README.md').matchAll(/(?:Bundle|Code\.js)[^\n]*?(\d+(?:\.\d+)?) KiB/g)].map((m) =>
      Number(m[1]),
    );
    expect(stated.length).toBeGreaterThanOrEqual(2);
    for (const n of stated)
      // Within 2 KiB: counting characters instead of bytes is already 3 KiB off at this size.
      expect(Math.abs(n - kib), `README says ${n} KiB, the bundle is ${kib}`).toBeLessThan(2);
  });

  it('the numbering examples in rules.md are the default patterns', () => {
    const rules = flat(read('docs/rules.md'));
    const s = DEFAULT_SETTINGS;
    expect(rules).toContain(`Nomor registrasi: \`${formatNumber(s.regPattern, { year: 2026, seq: 1 })}\``);
    expect(rules).toContain(`nomor agenda surat masuk: \`${formatNumber(s.agendaPattern, { year: 2026, seq: 1 })}\``);
    expect(rules).toContain(`jawaban: \`${formatNumber(s.letterPattern, { year: 2026, seq: 15 })}\``);
  });

  it('the yellow "due soon" rule skips the dates in Hari Libur, as the staff guide says', () => {
    const rules = office.emu.spreadsheet.getSheetByName('Register')?.getConditionalFormatRules() ?? [];
    const formulas = rules.map((r) =>
      String((r.getBooleanCondition() as GoogleAppsScript.Spreadsheet.BooleanCondition).getCriteriaValues()[0]),
    );
    expect(formulas[1]).toContain(`WORKDAY(TODAY(),1,INDIRECT("'Hari Libur'!A2:A"))`);
    expect(flat(read('docs/panduan.md'))).toMatch(
      /\*\*kuning\*\* jatuh tempo hari ini atau hari kerja berikutnya \(Sabtu, Minggu dan setiap tanggal di sheet \*\*Hari Libur\*\* dilewati/,
    );
  });

  it('menu items named in the docs exist, and the staff guide names each under a role that has it', () => {
    const configured = [false, true].flatMap((c) =>
      [false, true].flatMap((hidden) => [null, ...ROLES].map((r) => menuFor(r, c, hidden))),
    );
    const captions = new Set(configured.flat().flatMap((e) => (e === 'separator' ? [] : [e.caption])));
    for (const file of ['README.md', ...DOCS]) {
      for (const m of flat(read(file)).matchAll(/Dumas → (?:\*\*)?([^*"\n]+?)(?:\*\*|\*|")/g)) {
        expect(captions, `${file}: "Dumas → ${m[1]}"`).toContain(m[1]);
      }
    }
    const sections = read('docs/panduan.md').split(/^## /m).slice(1);
    const roleOf: Record<string, Role[]> = {
      'Petugas CS': ['CS'],
      'Sekretaris Tim': ['SEKRETARIS'],
      'Kepala Dinas': ['KEPALA_DINAS'],
      'Anggota Tim': ['ANGGOTA'],
      'Ketua Tim': ['KETUA'],
      Administrator: ['ADMIN'],
      'Semua peran': ['CS', 'SEKRETARIS', 'KETUA', 'KEPALA_DINAS', 'ANGGOTA', 'ADMIN'],
    };
    let checked = 0;
    for (const section of sections) {
      const title = Object.keys(roleOf).find((t) => section.startsWith(t));
      if (!title) continue;
      for (const m of flat(section).matchAll(/\*\*Dumas → ([^*]+)\*\*/g)) {
        for (const role of roleOf[title]) {
          const menu = menuFor(role, true).flatMap((e) => (e === 'separator' ? [] : [e.caption]));
          expect(menu, `panduan "${title}": ${m[1]} for ${role}`).toContain(m[1]);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('who may record a special-case extension (Perpanjangan)', () => {
    const roles = transitionOf('extend')?.roles ?? [];
    const panduan = /\*\*Dumas → Perpanjangan \(Kasus Khusus\)\*\* \(([^)]*)\)/.exec(flat(read('docs/panduan.md')));
    expect(rolesNamed(panduan?.[1] ?? '')).toEqual(roles);
    const rules = /tidak berada di tempat, ([^.]*?) dapat mencatat perpanjangan/.exec(flat(read('docs/rules.md')));
    expect(rolesNamed(rules?.[1] ?? '')).toEqual(roles);
    expect(rolesNamed(/\*Perpanjangan\* \(([^)]*)\)/.exec(README)?.[1] ?? '')).toEqual(roles);
    expect(rolesNamed(/granted once by the ([^,]*?) with the absent/.exec(README)?.[1] ?? '')).toEqual(roles);
  });
  it('the worked examples in rules.md are what the domain computes', () => {
    const rules = flat(read('docs/rules.md'));
    const cal = new WorkingCalendar(DEFAULT_HOLIDAYS);
    expect(rules).toContain('Contoh: diterima Selasa 17 Maret 2026 pukul 10.00');
    expect(rules).toContain('maka batas waktunya Selasa 31 Maret 2026');
    expect(normalDeadline(instantAt('2026-03-17', 10), cal)).toBe('2026-03-31');
    expect(rules).toContain('(31 Januari 2026 → Jumat 27 Februari 2026)');
    expect(specialDeadline(instantAt('2026-01-31', 10), cal)).toBe('2026-02-27');
    expect(rules).toContain(`(\`${maskNik('5102014506900001')}\`)`);
  });

  it('every setting key and form question the docs name exists', () => {
    const keys = new Set(SETTING_DEFINITIONS.map((d) => d.key));
    const named = ['README.md', ...DOCS].flatMap((f) =>
      [...read(f).matchAll(/`([a-z]+(?:_[a-z]+)+)`/g)].map((m) => m[1]),
    );
    expect(named.length).toBeGreaterThan(5);
    for (const key of named) expect(keys, key).toContain(key);
    const formId = String(office.sheetValues('Pengaturan').find((r) => r[0] === 'id_formulir')?.[1]);
    const app = office.emu.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const titles = app
      .openById(formId)
      .getItems()
      .map((i) => i.getTitle());
    const listed = /questions \*([^*]+)\*/.exec(README)?.[1].split(', ') ?? [];
    expect(listed).toEqual(titles);
  });

  it('names no issue numbers a reader cannot see (code, tests, scripts, docs)', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(`${dir}/${e.name}`)
          : /\.(ts|mjs|html|md|json)$/.test(e.name)
            ? [`${dir}/${e.name}`]
            : [],
      );
    const found: string[] = [];
    for (const file of ['README.md', ...['src', 'test', 'scripts', 'docs', 'scenarios'].flatMap(files)]) {
      read(file)
        .split('\n')
        .forEach((line, i) => {
          // "issue" with a number, or "#" with a number; not a scenario step ("event #3"), a CSS colour ("#000;") or a
          // cited issue URL.
          if (/\bissues? #?\d+\b/i.test(line) || /(^|[\s(])(?<!event )#\d{1,4}\b(?![;,)])/.test(line))
            found.push(`${file}:${i + 1}`);
        });
    }
    expect(found).toEqual([]);
  });
});
