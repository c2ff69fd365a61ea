// Replays a scenario through the built bundle in the emulator: events at their times, daily triggers on the way.
import { SETTING_DEFINITIONS } from '../../src/app/settings';
import { openOffice, type Office } from '../../test/bundle/office';
import { FormSubmissionRefused } from '../../test/emulator/forms';
import { readBundleCode } from '../../test/emulator/loader';
import type { KnownNames, Scenario, ScenarioEvent } from './scenario';
import { cellText } from '../../src/lib/cells';

export interface StepFailure {
  index: number;
  event: ScenarioEvent;
  problem: string;
}

export interface SimulationRun {
  office: Office;
  failures: StepFailure[];
  triggerRuns: number;
}

function setting(office: Office, key: string): string {
  const row = office.sheetValues('Pengaturan').find((r) => r[0] === key);
  return cellText(row?.[1]);
}

/** `{"$version": "DUMAS-2026-0001"}` in call arguments becomes that complaint's current row version. */
function resolveArgs(office: Office, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveArgs(office, v));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.$version === 'string' && Object.keys(obj).length === 1) {
      const [header, ...rows] = office.sheetValues('Register');
      const row = rows.find((r) => r[0] === obj.$version);
      if (!row) throw new Error(`no complaint ${obj.$version} in the register`);
      return row[(header as string[]).indexOf('Versi')];
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveArgs(office, v)]));
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

function writeSetting(office: Office, key: string, value: string): void {
  const sheet = office.emu.spreadsheet.getSheetByName('Pengaturan');
  if (!sheet) throw new Error('no Pengaturan sheet');
  const keys = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  const index = keys.indexOf(key);
  if (index < 0) throw new Error(`unknown setting key "${key}"`);
  sheet.getRange(index + 1, 2).setValue(value);
}

/** The names a scenario may use: the built bundle's entry points (scripts/build.mjs's footer) and setting keys. */
export function knownNames(code: string = readBundleCode()): KnownNames {
  const functions = new Set(
    [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(\) \{ return __dumas\./gm)].map((m) => m[1]),
  );
  return { functions, settingKeys: new Set(SETTING_DEFINITIONS.map((d) => d.key)) };
}

export function runScenario(
  scenario: Scenario,
  onProgress?: (done: number, total: number, at: string) => void,
): SimulationRun {
  const office = openOffice({ now: scenario.start, user: scenario.admin, team: scenario.team });
  const formId = setting(office, 'id_formulir');
  const failures: StepFailure[] = [];
  let triggerRuns = 0;
  scenario.events.forEach((event, index) => {
    triggerRuns += office.emu.fireTimeTriggers(event.at);
    try {
      switch (event.type) {
        case 'form':
          office.emu.forms.submit(formId, event.answers);
          break;
        case 'form-missed':
          office.emu.forms.submitWithoutTrigger(formId, event.answers);
          break;
        case 'call': {
          const result = office.as(event.as, event.fn, ...((resolveArgs(office, event.args ?? []) as unknown[]) ?? []));
          const expected = event.expect ?? 'ok';
          if (outcomeOf(result) !== expected)
            failures.push({ index, event, problem: `expected ${expected}, got: ${describe(result)}` });
          break;
        }
        case 'setting':
          office.emu.setUser(scenario.admin);
          writeSetting(office, event.key, event.value);
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
  triggerRuns += office.emu.fireTimeTriggers(scenario.end);
  for (const f of office.emu.triggers.failures) {
    failures.push({ index: -1, event: { at: f.at, type: 'run', handler: f.handler }, problem: f.error });
  }
  return { office, failures, triggerRuns };
}
