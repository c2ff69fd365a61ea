// The conformance suite against the emulator: every case, with the emulator playing what one execution cannot arrange.
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../../src/diagnostics/cases';
import { canonical } from '../../src/diagnostics/observe';
import { runCases } from '../../src/diagnostics/runner';
import { SCRATCH_FOLDER, SCRATCH_SHEET } from '../../src/diagnostics/scratch';
import type { CaseResult, DiagnosticCase } from '../../src/diagnostics/types';
import { createEmulator, type Emulator } from '../emulator';
import { NOW, runOnEmulator, servicesOf } from './harness';

let emu: Emulator;
let byId: Map<string, CaseResult>;
let cleanupProblems: string[];

beforeAll(() => {
  const run = runOnEmulator();
  emu = run.emu;
  byId = new Map(run.report.results.map((r) => [r.id, r]));
  cleanupProblems = run.report.cleanupProblems;
});

describe('the cases', () => {
  it('have unique ids, a title and a source each', () => {
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) {
      expect(c.id).toMatch(/^[a-z]+(\.[a-zA-Z0-9-]+)+$/);
      expect(c.title.length).toBeGreaterThan(10);
      expect(c.source).toMatch(/^(https:\/\/|unverified: )/);
    }
  });

  it('cover every behaviour the issue lists', () => {
    const ids = CASES.map((c) => c.id);
    for (const key of [
      'leading-equals',
      'leading-plus-phone',
      'leading-minus',
      'leading-at',
      'leading-apostrophe',
      'leading-zero',
      'sixteen-digits',
      'iso-date',
      'line-break',
    ]) {
      expect(ids).toContain(`sheets.write.general.${key}`);
      expect(ids).toContain(`sheets.write.text.${key}`);
    }
    for (const id of [
      'sheets.date.general',
      'sheets.shape.too-many-rows',
      'docs.replace.dollar-missing-group',
      'docs.replace.unescaped-dot',
      'utilities.formatDate.wita',
      'lock.tryLock.free',
      'lock.busy',
      'mail.quota-type',
      'html.print-escapes',
      'forms.submit-event-shape',
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe('every case against the emulator', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c: DiagnosticCase) => {
    const result = byId.get(c.id);
    expect(
      result?.status,
      `${c.title}\nexpected ${canonical(c.expected)}\nobserved ${canonical(result?.observed ?? null)}`,
    ).toBe('pass');
    expect(canonical(result?.observed ?? null)).toBe(canonical(c.expected));
  });

  it('left no scratch behind: no sheet, every scratch file and the folder trashed', () => {
    expect(cleanupProblems).toEqual([]);
    expect(emu.spreadsheet.getSheetByName(SCRATCH_SHEET)).toBeNull();
    const scratch = emu.drive
      .files()
      .filter((f) => f.name.startsWith('Dumas — diagnostik') || f.name === SCRATCH_FOLDER);
    expect(scratch.map((f) => f.name).sort()).toEqual(
      [
        'Dumas — diagnostik',
        'Dumas — diagnostik berkas',
        'Dumas — diagnostik dokumen baru',
        'Dumas — diagnostik formulir',
        'Dumas — diagnostik formulir',
        'Dumas — diagnostik formulir',
        SCRATCH_FOLDER,
      ].sort(),
    );
    expect(scratch.every((f) => f.trashed)).toBe(true);
    expect(emu.mail.outbox).toHaveLength(0);
  });
});

describe('the runner', () => {
  it('reports a wrong expectation as a failure with what it observed, and a throwing case as an unexpected error', () => {
    const fresh = createEmulator({ now: NOW });
    const wrong: DiagnosticCase = {
      id: 'x.wrong',
      title: 'a deliberately wrong expectation',
      source: 'unverified: test',
      expected: 'GMT',
      run: (s) => s.services.Session.getScriptTimeZone(),
    };
    const throwing: DiagnosticCase = {
      id: 'x.throws',
      title: 'a case that throws',
      source: 'unverified: test',
      expected: null,
      run: () => {
        throw new Error('boom');
      },
    };
    const { results } = runCases(servicesOf(fresh), [wrong, throwing]);
    expect(results.map((r) => [r.id, r.status, r.observed])).toEqual([
      ['x.wrong', 'fail', 'Asia/Makassar'],
      ['x.throws', 'fail', { unexpectedError: 'boom' }],
    ]);
  });

  it('skips a case whose need no harness provides (as in Apps Script) and still cleans up', () => {
    const fresh = createEmulator({ now: NOW });
    const busy = CASES.find((c) => c.id === 'lock.busy') as DiagnosticCase;
    const report = runCases(servicesOf(fresh), [busy]);
    expect(report.results[0]).toMatchObject({ id: 'lock.busy', status: 'skip', observed: null });
    expect(fresh.spreadsheet.getSheetByName(SCRATCH_SHEET)).toBeNull();
    expect(fresh.lock.holder()).toBeNull();
  });

  it('removes the leftovers of an interrupted run before starting', () => {
    const fresh = createEmulator({ now: NOW });
    const g = servicesOf(fresh);
    g.SpreadsheetApp.getActiveSpreadsheet().insertSheet(SCRATCH_SHEET).getRange(1, 1).setValue('sisa');
    g.DriveApp.createFolder(SCRATCH_FOLDER);
    const report = runCases(
      g,
      CASES.filter((c) => c.id === 'env.script-timezone'),
    );
    expect(report.results[0].status).toBe('pass');
    expect(fresh.spreadsheet.getSheetByName(SCRATCH_SHEET)).toBeNull();
    expect(fresh.drive.files().filter((f) => f.name === SCRATCH_FOLDER && !f.trashed)).toHaveLength(0);
  });
});
