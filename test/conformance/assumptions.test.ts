// The emulator README's "Conformance cases" list and the suite match one to one, and each case's mark
// (unverified / verified by results-*.csv) agrees with the committed records of real runs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASES } from '../../src/diagnostics/cases';
import { confirmedIds, realRecords } from './record';

const README = fileURLToPath(new URL('../emulator/README.md', import.meta.url));

interface Mark {
  id: string;
  verifiedBy: string | null;
}

/** The bullet list of the "## Conformance cases" section: "- `id` — unverified" or "- `id` — verified by results-….csv". */
function readMarks(markdown: string): Mark[] {
  const start = markdown.indexOf('\n## Conformance cases');
  if (start < 0) throw new Error('README has no "## Conformance cases" section');
  const rest = markdown.slice(start + 1);
  const next = rest.indexOf('\n## ', 1);
  const section = next < 0 ? rest : rest.slice(0, next);
  return section
    .split('\n')
    .filter((line) => line.startsWith('- `'))
    .map((line) => {
      const m = /^- `([^`]+)` — (unverified|verified by (results-[^\s]+\.csv))\s*$/.exec(line);
      if (!m) throw new Error(`README: cannot read the line "${line}"`);
      return { id: m[1], verifiedBy: m[3] ?? null };
    });
}

describe('README "Conformance cases"', () => {
  const marks = readMarks(readFileSync(README, 'utf8'));

  it('lists every case of the suite once, in the same order, and nothing else', () => {
    expect(marks.map((m) => m.id)).toEqual(CASES.map((c) => c.id));
  });

  it('marks a case verified exactly when a committed real run confirms it (none yet: all unverified)', () => {
    const expected = new Map(CASES.map((c) => [c.id, c.expected]));
    const confirmedBy = new Map<string, string>();
    for (const record of realRecords())
      for (const id of confirmedIds(record, expected)) if (!confirmedBy.has(id)) confirmedBy.set(id, record.name);
    for (const m of marks) {
      if (m.verifiedBy)
        expect(
          realRecords().map((r) => r.name),
          `${m.id} cites a record that is not committed`,
        ).toContain(m.verifiedBy);
      expect(
        m.verifiedBy !== null,
        `${m.id}: README says ${m.verifiedBy ? `verified by ${m.verifiedBy}` : 'unverified'}`,
      ).toBe(confirmedBy.has(m.id));
    }
  });

  it('reads both kinds of mark and refuses a line it cannot read', () => {
    const md =
      '# x\n\n## Conformance cases\n\n- `a.b` — unverified\n- `c.d` — verified by results-2026-12-01.csv\n\n## Next\n- `e.f` — unverified\n';
    expect(readMarks(md)).toEqual([
      { id: 'a.b', verifiedBy: null },
      { id: 'c.d', verifiedBy: 'results-2026-12-01.csv' },
    ]);
    expect(() => readMarks('# x\n## Conformance cases\n- `a.b` — maybe\n')).toThrow(/cannot read/);
  });
});
