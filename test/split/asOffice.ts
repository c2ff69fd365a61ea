// The split deployment seen through the one-project Office interface, so tests written for a one-project install
// (the fault sweep's operations and invariants) run unchanged against the deployment the agency uses: a person's
// calls go through the shell, the sheets are read where the core keeps them (SHEET_HOMES: the vault or the team's
// spreadsheet), the Script Properties, the lock and the triggers are the core's, the web app is the core's.
import { SHEET_HOMES, SHEET_NAMES, type SheetKey } from '../../src/gas/workbook';
import type { Office } from '../bundle/office';
import { observe, type Observed } from '../fault/invariants';
import { PEOPLE } from '../bundle/office';
import { openSplitOffice, type SplitOffice } from './world';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SplitAsOffice extends Office {
  split: SplitOffice;
}

const homeOfName = (name: string): 'vault' | 'office' => {
  const key = (Object.keys(SHEET_NAMES) as SheetKey[]).find((k) => SHEET_NAMES[k] === name);
  return key ? SHEET_HOMES[key] : 'office';
};

export function asOffice(split: SplitOffice): SplitAsOffice {
  const { emu, core } = split;
  const admin = <T>(fn: () => T): T => emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, fn);
  const vault = (): Spreadsheet => {
    const id = core.services.properties.control.scriptStore.get('DUMAS_VAULT_ID') ?? '';
    const g = core.globals as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
    return admin(() => g.SpreadsheetApp.openById(id));
  };
  const team = (): Spreadsheet => {
    if (!split.shell.container) throw new Error('no team spreadsheet');
    return split.shell.container as unknown as Spreadsheet;
  };
  const sheetByName = (name: string): Sheet | null =>
    (homeOfName(name) === 'vault' ? vault() : team()).getSheetByName(name);
  /** The sheets Dumas keeps, for the tests that look a sheet up by name or scan them all. */
  const spreadsheet = {
    getSheetByName: sheetByName,
    getSheets: (): Sheet[] => [...vault().getSheets(), ...team().getSheets()],
  };
  const coreEmu = new Proxy(emu, {
    get(target, prop, receiver) {
      if (prop === 'properties') return core.services.properties.control;
      if (prop === 'lock') return core.services.lock.control;
      if (prop === 'spreadsheet') return spreadsheet;
      if (prop === 'triggers') return core.services.script.control;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  const office: SplitAsOffice = {
    split,
    emu: coreEmu,
    bundle: core.bundle(),
    webAppSpreadsheet: 'none',
    as: (email, fn, ...args) => split.as(email, fn, ...args),
    web<T>(fn: string, ...args: unknown[]): T {
      // The core's web app: executing as its owner for an anonymous visitor, no active spreadsheet, no UI.
      const out = emu.world.runAs(PEOPLE.admin, PEOPLE.admin, '', () =>
        emu.world.asWebAppRuntime(core, () => core.bundle().call<T>(fn, ...args)),
      );
      return JSON.parse(JSON.stringify(out ?? null)) as T;
    },
    sheetValues(name: string): unknown[][] {
      return admin(() => {
        const sheet = sheetByName(name);
        if (!sheet) throw new Error(`no sheet ${name}`);
        return sheet.getDataRange().getValues();
      });
    },
    trigger: (handler, event) => split.trigger(handler, event),
    writeSetting: (key, value) => split.writeSetting(key, value),
    fireTimeTriggers: (at) => split.fireTimeTriggers(at),
    triggerFailures: () => split.triggerFailures(),
  };
  return office;
}

export function openSplitAsOffice(options: { now?: string } = {}): SplitAsOffice {
  return asOffice(openSplitOffice(options.now));
}

/** What the fault sweep's invariants read, from where the core keeps it (test/fault/invariants.ts). */
export function observeSplit(office: SplitAsOffice): Observed {
  return observe(office, (read) => office.emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, read));
}
