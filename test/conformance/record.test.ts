// The record of a run: CSV parsing as Google exports it, and the check of the emulator against a recorded run
// (tested on a fixture made from the emulator's own output; real runs are results-*.csv next to this file).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../../src/diagnostics/cases';
import type { Json } from '../../src/diagnostics/types';
import { STATUS_TEXT } from '../../src/messages/diagnostics';
import { observationsOf, runOnEmulator } from './harness';
import { FIXTURE_PATH } from './fixturePath';
import { confirmedIds, disagreements, parseCsv, parseRecord, realRecords, toCsv, type RunRecord } from './record';

const ids = new Set(CASES.map((c) => c.id));
let emulator: Map<string, Json>;
let fixture: RunRecord;

beforeAll(() => {
  emulator = observationsOf(runOnEmulator().report);
  fixture = parseRecord('emulator-run.fixture.csv', readFileSync(FIXTURE_PATH, 'utf8'));
});

describe('CSV as Google Sheets exports it', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, with or without a BOM', () => {
    const text = '\uFEFFKasus,Teramati\r\na,"{""x"":""1,2""}"\nb,"baris 1\nbaris 2"\r\nc,';
    expect(parseCsv(text)).toEqual([
      ['Kasus', 'Teramati'],
      ['a', '{"x":"1,2"}'],
      ['b', 'baris 1\nbaris 2'],
      ['c', ''],
    ]);
    expect(() => parseCsv('a,"open')).toThrow(/not closed/);
  });

  it('round-trips any table of strings through toCsv and parseCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', '=', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });
});

describe('checking the emulator against a recorded run (fixture made from the emulator, not a real run)', () => {
  it('has one row per case', () => {
    expect(fixture.rows.map((r) => r.id)).toEqual(CASES.map((c) => c.id));
  });

  it('finds no disagreement between the emulator and its own recorded output', () => {
    expect(disagreements(fixture, emulator, ids)).toEqual([]);
  });

  it('reports a case whose recorded Google observation differs from the emulator', () => {
    const tampered: RunRecord = {
      name: 'tampered.csv',
      rows: fixture.rows.map((r) =>
        r.id === 'sheets.write.text.leading-apostrophe'
          ? { ...r, observed: '{"setValue":{"value":"0812","display":"0812"}}', status: STATUS_TEXT.fail }
          : r,
      ),
    };
    const found = disagreements(tampered, emulator, ids);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(
      'sheets.write.text.leading-apostrophe: Google observed {"setValue":{"display":"0812","value":"0812"}}',
    );
  });

  it('reports unknown cases, unknown results and unreadable observations; ignores skipped rows', () => {
    const odd: RunRecord = {
      name: 'odd.csv',
      rows: [
        { id: 'gone.case', expected: '1', observed: '1', status: STATUS_TEXT.pass },
        { id: 'env.script-timezone', expected: '"Asia/Makassar"', observed: 'Asia/Makassar', status: STATUS_TEXT.pass },
        { id: 'env.spreadsheet-locale', expected: '"en_US"', observed: '"en_US"', status: 'OK' },
        { id: 'lock.busy', expected: '{}', observed: 'Dilewati', status: STATUS_TEXT.skip },
      ],
    };
    const found = disagreements(odd, emulator, ids);
    expect(found).toHaveLength(3);
    expect(found[0]).toContain('gone.case: the suite has no such case');
    expect(found[1]).toContain('env.script-timezone: observed value is not JSON');
    expect(found[2]).toContain('env.spreadsheet-locale: unknown result "OK"');
  });

  it('confirms exactly the cases a run passed with the expectation the suite still has', () => {
    const expected = new Map(CASES.map((c) => [c.id, c.expected]));
    expect(confirmedIds(fixture, expected)).toEqual(CASES.filter((c) => !c.needs && !c.runsIn).map((c) => c.id));
    const changed = new Map(expected).set('utilities.formatDate.wita', 'something else');
    expect(confirmedIds(fixture, changed)).not.toContain('utilities.formatDate.wita');
  });
});

describe('committed records of real runs (test/conformance/results-*.csv)', () => {
  it('the emulator observes what Google observed in every committed real run', () => {
    const problems = realRecords().flatMap((record) => disagreements(record, emulator, ids));
    expect(problems).toEqual([]);
  });
});
