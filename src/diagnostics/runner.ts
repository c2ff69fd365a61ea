// Runs conformance cases in a scratch space and compares each observation with its expectation.
import { sameJson } from './observe';
import { ScratchSpace } from './scratch';
import type { CaseResult, DiagnosticCase, GasServices, Json, Need, Scratch } from './types';

/** What a local harness can arrange that one Apps Script execution cannot (see `Need`). */
export interface Harness {
  /** Arranges `need` and returns what the case receives as `scratch.provided`, or null if it cannot. */
  provide(need: Need, scratch: Scratch): { value: unknown; release(): void } | null;
}

export interface RunReport {
  results: CaseResult[];
  /** Scratch files or sheets that could not be removed (empty when cleanup succeeded). */
  cleanupProblems: string[];
}

/** An observation as it will read after a JSON round trip (undefined dropped, -0 as 0). */
function normalised(value: Json): Json {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as Json);
}

function observe(c: DiagnosticCase, scratch: Scratch): Json {
  try {
    return normalised(c.run(scratch));
  } catch (error) {
    // A case that throws where it should observe is a failure worth reading, not a crash of the run.
    return { unexpectedError: error instanceof Error ? error.message : String(error) };
  }
}

function runOne(c: DiagnosticCase, scratch: ScratchSpace, harness: Harness | undefined): CaseResult {
  const base = { id: c.id, title: c.title, source: c.source, expected: c.expected };
  if (c.runsIn === 'web-app') return { ...base, observed: null, status: 'skip' }; // the web-app page runs it
  let observed: Json;
  if (c.needs) {
    const arranged = harness?.provide(c.needs, scratch) ?? null;
    if (!arranged) return { ...base, observed: null, status: 'skip' };
    scratch.provided = arranged.value;
    try {
      observed = observe(c, scratch);
    } finally {
      scratch.provided = undefined;
      arranged.release();
    }
  } else {
    observed = observe(c, scratch);
  }
  return { ...base, observed, status: sameJson(observed, c.expected) ? 'pass' : 'fail' };
}

/** Opens a scratch space, runs every case in order, and always cleans up. */
export function runCases(services: GasServices, cases: readonly DiagnosticCase[], harness?: Harness): RunReport {
  const scratch = ScratchSpace.open(services);
  let results: CaseResult[];
  let cleanupProblems: string[];
  try {
    results = cases.map((c) => runOne(c, scratch, harness));
  } finally {
    cleanupProblems = scratch.close();
  }
  return { results, cleanupProblems };
}

/** A scratch for the web app: no sheet, no files (the bound spreadsheet may not even be reachable there). */
class WebAppScratch implements Scratch {
  constructor(
    readonly services: GasServices,
    readonly provided: unknown,
  ) {}
  private none(): never {
    throw new Error('no scratch space in the web app');
  }
  get sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.none();
  }
  block(): GoogleAppsScript.Spreadsheet.Range {
    return this.none();
  }
  appendTarget(): GoogleAppsScript.Spreadsheet.Range {
    return this.none();
  }
  doc(): GoogleAppsScript.Document.Document {
    return this.none();
  }
  newDoc(): GoogleAppsScript.Document.Document {
    return this.none();
  }
  newForm(): GoogleAppsScript.Forms.Form {
    return this.none();
  }
  newTextFile(): GoogleAppsScript.Drive.File {
    return this.none();
  }
}

/** Runs the web-app cases (only those) from inside the web app; `facts` is what each case receives as `provided`. */
export function runWebAppCases(services: GasServices, cases: readonly DiagnosticCase[], facts: unknown): CaseResult[] {
  const scratch = new WebAppScratch(services, facts);
  return cases
    .filter((c) => c.runsIn === 'web-app')
    .map((c) => {
      const observed = observe(c, scratch);
      return {
        id: c.id,
        title: c.title,
        source: c.source,
        expected: c.expected,
        observed,
        status: sameJson(observed, c.expected) ? 'pass' : 'fail',
      };
    });
}
