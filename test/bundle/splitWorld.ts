// The split deployment in an enforced-access emulator (docs/security.md §1): the core, a standalone project owned by
// the Administrator running the built bundle, with the team's office spreadsheet named in its Script Properties, set
// up by the Administrator and with the month scenario's team in "Tim". A person's call reaches the core as its web app
// runs it (the core's owner executes, Session shows the caller), without the shell in between: these tests are about
// where the data lives and who can open it (test/split/ goes through the shell).
import { pdfText, readNow } from '../split/leakScan';
import { createEmulator, type Bundle, type Emulator, type ScriptProject } from '../emulator';
import type { Spreadsheet } from '../emulator/sheets';
import { OFFICE_ID_KEY, SHEET_NAMES, VAULT_ID_KEY } from '../../src/gas/workbook';
import { viewCells } from '../../src/gas/registerView';
import { expect } from 'vitest';
import { cellText } from '../../src/lib/cells';
import { PEOPLE, TEAM_ROWS } from './office';
import { acrossScriptRun } from './wire';

export { PEOPLE };

export interface SplitWorld {
  emu: Emulator;
  core: ScriptProject;
  bundle: Bundle;
  /** The team's spreadsheet (menu and sidebars later; configuration and the register view now). */
  office: Spreadsheet;
  /** The core's vault (made by setup). */
  vault(): Spreadsheet;
  /** A server function of the core called by `caller` (what the shell forwards with the caller's identity). */
  as<T>(caller: string, fn: string, ...args: unknown[]): T;
  /** An installed trigger of the core, run now as Apps Script would (its owner, no UI, an event with its uid). */
  trigger(handler: string, event?: Record<string, unknown>): unknown;
  /** A setting of the office's "Pengaturan". */
  setting(key: string): string;
  /** The Administrator types a setting's value into the office's "Pengaturan". */
  setSetting(key: string, value: string): void;
  /** A vault register row by registration number, by header. */
  registerRow(regNumber: string): Record<string, unknown>;
  /** A workflow step of a sidebar (runWorkflowAction) by `caller`, at the row's current version. */
  act(caller: string, sidebar: string, regNumber: string, action: string, input?: Record<string, string>): StepResult;
  /** A letter step of the Surat sidebar (runLetterAction) by `caller`, at the row's current version. */
  letter(caller: string, action: string, regNumber: string, extra?: Record<string, unknown>): StepResult;
  /** A sheet's values, in the vault or the office. */
  values(spreadsheet: Spreadsheet, name: string): unknown[][];
}

export interface StepResult {
  ok: boolean;
  message: string;
}

export interface SplitOptions {
  now?: string;
  /** Rows typed into "Tim" under the administrator (default: the month scenario's team). */
  team?: string[][];
}

export function openSplitWorld(options: SplitOptions = {}): SplitWorld {
  const admin = PEOPLE.admin;
  const emu = createEmulator({ access: 'enforced', now: options.now ?? '2026-11-30T09:00:00+08:00', user: admin });
  // The default project's spreadsheet is the office: owned by the Administrator, shared with the team as editors.
  const office = emu.spreadsheet;
  const team = options.team ?? TEAM_ROWS;
  for (const row of team) office.addEditor(row[0]);
  const core = emu.world.addProject({ name: 'Dumas core', kind: 'standalone', owner: admin });
  const bundle = core.load();
  core.services.properties.control.scriptStore.set(OFFICE_ID_KEY, office.getId());
  const first = core.call<string>(admin, 'setupSystem');
  const tim = office.getSheetByName('Tim');
  if (!tim) throw new Error(`setup made no Tim sheet in the office: ${first} ${JSON.stringify(emu.logs.lines)}`);
  if (team.length > 0) tim.getRange(3, 1, team.length, team[0].length).setValues(team);
  core.call(admin, 'setupSystem');
  const world: SplitWorld = {
    emu,
    core,
    bundle,
    office,
    vault() {
      const id = core.services.properties.control.scriptStore.get(VAULT_ID_KEY) ?? '';
      const g = core.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      return emu.world.runAs(admin, admin, admin, () => g.openById(id)) as unknown as Spreadsheet;
    },
    as<T>(caller: string, fn: string, ...args: unknown[]): T {
      return emu.world.runAs(admin, admin, caller, () =>
        emu.world.asWebAppRuntime(core, () => acrossScriptRun(core.bundle().call<T>(fn, ...args))),
      ) as T;
    },
    trigger(handler: string, event: Record<string, unknown> = {}): unknown {
      const installed = core.services.script.control.triggers().find((t) => t.handler === handler);
      if (!installed) throw new Error(`the core has no installed trigger for ${handler}`);
      return emu.world.runAs(installed.owner, installed.owner, installed.owner, () =>
        core.services.ui.control.withoutUi(() =>
          core.bundle().call(handler, { authMode: 'FULL', ...event, triggerUid: installed.uid }),
        ),
      );
    },
    setting(key: string): string {
      return cellText(world.values(office, 'Pengaturan').find((r) => r[0] === key)?.[1]);
    },
    setSetting(key: string, value: string): void {
      const sheet = office.getSheetByName('Pengaturan');
      const index = world.values(office, 'Pengaturan').findIndex((r) => r[0] === key);
      if (!sheet || index < 0) throw new Error(`no setting ${key}`);
      emu.world.runAs(admin, admin, admin, () => sheet.getRange(index + 1, 2).setValue(value));
    },
    registerRow(regNumber: string): Record<string, unknown> {
      const [header, ...rows] = world.values(world.vault(), 'Register');
      const row = rows.find((r) => r[0] === regNumber);
      if (!row) throw new Error(`no row ${regNumber}`);
      return Object.fromEntries((header as string[]).map((h, i) => [h, row[i]]));
    },
    act(caller, sidebar, regNumber, action, input = {}) {
      const version = Number(world.registerRow(regNumber)['Versi']);
      return world.as<StepResult>(caller, 'runWorkflowAction', { sidebar, regNumber, version, action, input });
    },
    letter(caller, action, regNumber, extra = {}) {
      const version = Number(world.registerRow(regNumber)['Versi']);
      return world.as<StepResult>(caller, 'runLetterAction', { action, regNumber, version, ...extra });
    },
    values(spreadsheet: Spreadsheet, name: string): unknown[][] {
      const sheet = spreadsheet.getSheetByName(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      return emu.world.runAs(admin, admin, admin, () => sheet.getDataRange().getValues());
    },
  };
  return world;
}

export interface OpenedFile {
  id: string;
  name: string;
  /** Everything the file holds as text: each sheet's values and notes, a Doc's text, a PDF's text. */
  text: string;
}

/** Every Drive file `email` can open in the emulated Drive, read whole (the leak scan's reader, test/split/leakScan.ts). */
export async function filesOpenedBy(emu: Emulator, email: string): Promise<OpenedFile[]> {
  const out: OpenedFile[] = [];
  for (const f of emu.drive.accessibleTo(email)) {
    const read = readNow(emu, f);
    out.push('bytes' in read ? await pdfText(read) : read);
  }
  return out;
}

const normal = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();

/** Which of `values` each file holds ("value in file name"). */
export function found(files: readonly OpenedFile[], values: readonly string[]): string[] {
  const hits: string[] = [];
  for (const f of files) {
    const text = normal(f.text);
    for (const v of values) if (v !== '' && text.includes(normal(v))) hits.push(`${v} in ${f.name}`);
  }
  return hits;
}

const iso = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/** The register view holds exactly the vault register's rows, each projected (registerView.ts), row for row. */
export function viewMatchesVault(w: SplitWorld): void {
  const vault = w.values(w.vault(), SHEET_NAMES.register).slice(1);
  const view = w.values(w.office, SHEET_NAMES.registerView).slice(1);
  expect(view.length).toBe(vault.length);
  vault.forEach((row, i) => expect(view[i].map(iso), `row ${i + 2}`).toEqual(viewCells(row).map(iso)));
}
