// Replays a scenario through the built bundle in the emulator: events at their times, daily triggers on the way.
import { SETTING_DEFINITIONS } from '../../src/app/settings';
import { openOffice, type Office, type RunningOffice } from '../../test/bundle/office';
import { openSplitOffice, type SplitOffice } from '../../test/split/world';
import { FormSubmissionRefused } from '../../test/emulator/forms';
import { readBundleCode } from '../../test/emulator/loader';
import type { KnownNames, Scenario, ScenarioEvent } from './scenario';
import { cellText } from '../../src/lib/cells';

export interface StepFailure {
  index: number;
  event: ScenarioEvent;
  problem: string;
}

export interface SimulationRun<O extends RunningOffice = Office> {
  office: O;
  failures: StepFailure[];
  triggerRuns: number;
}

function setting(office: RunningOffice, key: string): string {
  const row = office.sheetValues('Pengaturan').find((r) => r[0] === key);
  return cellText(row?.[1]);
}

/**
 * The signed scan of a complaint's approved letter, as the office's scanner would return it: the letter as
 * approved (its PDF rendered from the Doc) with the wet signature and stamp in the signature space, base64.
 */
export function signedScanOf(office: RunningOffice, regNumber: string): string {
  const [header, ...rows] = office.sheetValues('Register');
  const row = rows.find((r) => r[0] === regNumber);
  const url = row ? String(row[(header as string[]).indexOf('Konsep Surat')]) : '';
  const id = /\/document\/d\/([^/]+)/.exec(url)?.[1];
  if (!id) throw new Error(`no letter Doc for ${regNumber}`);
  const copy = office.emu.docs.model(id)._clone();
  const tables = copy.body.children.filter((b) => b.kind === 'table');
  const signature = tables[tables.length - 1];
  const space = signature?.kind === 'table' ? signature.rows[0]?.[1]?.children.find((p) => p.text === '') : undefined;
  if (!space) throw new Error(`no signature space in the letter of ${regNumber}`);
  space.text = SCAN_SIGNATURE;
  return Buffer.from(copy._pdf(`Surat-Jawaban-${regNumber}`)).toString('base64');
}

/** What the simulated scan shows in the signature space (a real scan shows the signature and the stamp). */
export const SCAN_SIGNATURE = '[tanda tangan basah dan cap dinas]';

/**
 * `{"$version": "DUMAS-2026-0001"}` in call arguments becomes that complaint's current row version;
 * `{"$signedScan": "DUMAS-2026-0001"}` the signed scan of its approved letter (base64 PDF);
 * `{"$template": ["DUMAS-2026-0001", "Judul"]}` the canned reply as the acting person gets it from "Pakai".
 */
function resolveArgs(office: RunningOffice, value: unknown, as = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveArgs(office, v, as));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const tpl = obj.$template;
    if (Array.isArray(tpl) && tpl.length === 2 && Object.keys(obj).length === 1) {
      const filled = office.as<{ ok: boolean; text?: string; message: string }>(
        as,
        'fillReplyTemplate',
        tpl[0],
        tpl[1],
      );
      if (!filled.ok || filled.text === undefined) throw new Error(`template "${String(tpl[1])}": ${filled.message}`);
      return filled.text;
    }
    if (typeof obj.$signedScan === 'string' && Object.keys(obj).length === 1)
      return signedScanOf(office, obj.$signedScan);
    if (typeof obj.$version === 'string' && Object.keys(obj).length === 1) {
      const [header, ...rows] = office.sheetValues('Register');
      const row = rows.find((r) => r[0] === obj.$version);
      if (!row) throw new Error(`no complaint ${obj.$version} in the register`);
      return row[(header as string[]).indexOf('Versi')];
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveArgs(office, v, as)]));
  }
  return value;
}

function outcomeOf(result: unknown): 'ok' | 'refused' {
  if (result && typeof result === 'object' && 'ok' in result) return (result as { ok: boolean }).ok ? 'ok' : 'refused';
  return 'ok';
}

function describe(result: unknown): string {
  if (result && typeof result === 'object' && 'message' in result) return String(result.message);
  return JSON.stringify(result);
}

/** The names a scenario may use: the built bundle's entry points (scripts/build.mjs's footer) and setting keys. */
export function knownNames(code: string = readBundleCode()): KnownNames {
  const functions = new Set(
    [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(\) \{ return __dumas\./gm)].map((m) => m[1]),
  );
  return { functions, settingKeys: new Set(SETTING_DEFINITIONS.map((d) => d.key)) };
}

/** Replays `scenario` in the one-project office (the bound spreadsheet running the whole bundle). */
export function runScenario(
  scenario: Scenario,
  onProgress?: (done: number, total: number, at: string) => void,
): SimulationRun {
  return replay(openOffice({ now: scenario.start, user: scenario.admin, team: scenario.team }), scenario, onProgress);
}

/**
 * Replays `scenario` in the split deployment (the core, a standalone project of the Administrator deployed as the web
 * app; the shell bound to the team's spreadsheet; Drive access enforced): each call goes through the shell to the
 * core with the person's identity token, each trigger is the core's.
 */
export function runSplitScenario(
  scenario: Scenario,
  onProgress?: (done: number, total: number, at: string) => void,
): SimulationRun<SplitOffice> {
  const office = openSplitOffice({ now: scenario.start, admin: scenario.admin, team: scenario.team });
  return replay(office, scenario, onProgress);
}

/**
 * Replays `scenario` in an office already set up with its team at its start (one project, or the core and its
 * shell): form submissions reach whichever project installed the form's trigger.
 */
export function replay<O extends RunningOffice>(
  office: O,
  scenario: Scenario,
  onProgress?: (done: number, total: number, at: string) => void,
): SimulationRun<O> {
  const formId = setting(office, 'id_formulir');
  const failures: StepFailure[] = [];
  let triggerRuns = 0;
  scenario.events.forEach((event, index) => {
    triggerRuns += office.fireTimeTriggers(event.at);
    try {
      switch (event.type) {
        case 'form':
          office.emu.forms.submit(formId, event.answers);
          break;
        case 'form-missed':
          office.emu.forms.submitWithoutTrigger(formId, event.answers);
          break;
        case 'call': {
          const result = office.as(
            event.as,
            event.fn,
            ...((resolveArgs(office, event.args ?? [], event.as) as unknown[]) ?? []),
          );
          const expected = event.expect ?? 'ok';
          if (outcomeOf(result) !== expected)
            failures.push({ index, event, problem: `expected ${expected}, got: ${describe(result)}` });
          break;
        }
        case 'setting':
          office.writeSetting(event.key, event.value);
          break;
        case 'run':
          office.trigger(event.handler);
          break;
      }
    } catch (error) {
      const problem =
        error instanceof FormSubmissionRefused ? error.message : error instanceof Error ? error.message : String(error);
      failures.push({ index, event, problem });
    }
    onProgress?.(index + 1, scenario.events.length, event.at);
  });
  triggerRuns += office.fireTimeTriggers(scenario.end);
  for (const f of office.triggerFailures()) {
    failures.push({ index: -1, event: { at: f.at, type: 'run', handler: f.handler }, problem: f.error });
  }
  return { office, failures, triggerRuns };
}
