// A ready office for end-to-end tests: the built bundle in the emulator, set up by the administrator,
// with a complete team typed into the "Tim" sheet as staff would.
import { createEmulator, type Bundle, type Emulator, type EmulatorOptions } from '../emulator';
import type { TriggerFailure } from '../emulator/script';
import type { Sheet } from '../emulator/sheets';
import { acrossScriptRun } from './wire';

export const PEOPLE = {
  admin: 'admin@diskopumkm.tabanankab.go.id',
  cs: 'cs@diskopumkm.tabanankab.go.id',
  sekretaris: 'sekretaris@diskopumkm.tabanankab.go.id',
  ketua: 'ketua@diskopumkm.tabanankab.go.id',
  kadis: 'kadis@diskopumkm.tabanankab.go.id',
  koperasi: 'anggota.koperasi@diskopumkm.tabanankab.go.id',
  ukm: 'anggota.ukm@diskopumkm.tabanankab.go.id',
  stranger: 'orang.lain@gmail.com',
} as const;

export const TEAM_ROWS: string[][] = [
  [
    PEOPLE.cs,
    'Ni Luh Putu Sari',
    'Petugas CS',
    '',
    '199001012015032001',
    'Penata Muda / III.a',
    'Petugas Pelayanan',
    'Ya',
  ],
  [
    PEOPLE.sekretaris,
    'I Made Wirawan',
    'Sekretaris Tim',
    'Sekretariat',
    '198805052010011002',
    'Penata / III.c',
    'Kasubbag Umum',
    'Ya',
  ],
  [
    PEOPLE.ketua,
    'I Gusti Ayu Rai',
    'Ketua Tim',
    'Sekretariat',
    '197902022005012003',
    'Pembina / IV.a',
    'Sekretaris Dinas',
    'Ya',
  ],
  [
    PEOPLE.kadis,
    'Drs. I Wayan Sudiarta, M.Si.',
    'Kepala Dinas',
    '',
    '196912121994031005',
    'Pembina Utama Muda / IV.c',
    'Kepala Dinas',
    'Ya',
  ],
  [
    PEOPLE.koperasi,
    'Kadek Dwi Antari',
    'Anggota Tim',
    'Bidang Koperasi',
    '199203032018012004',
    'Penata Muda Tk. I / III.b',
    'Analis Koperasi',
    'Ya',
  ],
  [
    PEOPLE.ukm,
    'Komang Adi Putra',
    'Anggota Tim',
    'Bidang Usaha Kecil dan Menengah',
    '199104042019031006',
    'Penata Muda / III.a',
    'Analis UMKM',
    'Ya',
  ],
];

/**
 * What a scenario (and a scan after it) needs of a running office, however it is deployed: one project bound to the
 * spreadsheet (`openOffice`) or the core and its shell (test/split/world.ts `openSplitOffice`).
 */
export interface RunningOffice {
  emu: Emulator;
  /** A menu item or a sidebar's call as `email`, its result as google.script.run hands it over. */
  as<T>(email: string, fn: string, ...args: unknown[]): T;
  /** Runs an installed trigger of the project holding the rules, now, as Apps Script would. */
  trigger(handler: string, event?: Record<string, unknown>): unknown;
  /** A sheet of the team's spreadsheet as its owner reads it ("Register": what the team sees of the register). */
  sheetValues(name: string): unknown[][];
  /** The Administrator types `value` as the setting `key` in "Pengaturan". */
  writeSetting(key: string, value: string): void;
  /** Moves the clock to `at`, firing every project's time-driven triggers due on the way; returns how many ran. */
  fireTimeTriggers(at: Date | string | number): number;
  /** The installed triggers' failures so far (Apps Script's execution log), every project's. */
  triggerFailures(): readonly TriggerFailure[];
}

export interface Office extends RunningOffice {
  bundle: Bundle;
  /**
   * Runs an entry point as the deployed web app ("execute as me": the owner) for an anonymous visitor, with
   * `getActiveSpreadsheet()` as `webAppSpreadsheet` says (default: the bound spreadsheet; see the emulator README).
   */
  web<T>(fn: string, ...args: unknown[]): T;
  /** What getActiveSpreadsheet() returns in the web app for `web` (both outcomes are tested). */
  webAppSpreadsheet: 'bound' | 'none';
}

export interface OfficeOptions extends EmulatorOptions {
  /** Rows typed into "Tim" under the administrator (default TEAM_ROWS). */
  team?: string[][];
}

export function openOffice(options: OfficeOptions = {}): Office {
  const emu = createEmulator({ now: '2026-11-30T09:00:00+08:00', user: PEOPLE.admin, ...options });
  const admin = options.user ?? PEOPLE.admin;
  const bundle = emu.load();
  bundle.call('setupSystem');
  const team = emu.spreadsheet.getSheetByName('Tim');
  if (!team) throw new Error('setup made no Tim sheet');
  const rows = options.team ?? TEAM_ROWS;
  if (rows.length > 0) team.getRange(3, 1, rows.length, rows[0].length).setValues(rows);
  // As the README tells the administrator: after filling "Tim", run setup again (audit-log editors follow the team).
  bundle.call('setupSystem');
  const office: Office = {
    emu,
    bundle,
    webAppSpreadsheet: 'bound',
    web<T>(fn: string, ...args: unknown[]): T {
      return emu.asWebApp({ visitor: null, activeSpreadsheet: office.webAppSpreadsheet }, (b) =>
        acrossScriptRun(b.call<T>(fn, ...args)),
      ) as T;
    },
    as<T>(email: string, fn: string, ...args: unknown[]): T {
      emu.setUser(email);
      // Sidebars get results through google.script.run, so tests see them the same way (Dates become null).
      return acrossScriptRun(bundle.call<T>(fn, ...args)) as T;
    },
    trigger(handler: string, event: Record<string, unknown> = {}): unknown {
      const installed = emu.triggers.triggers().find((t) => t.handler === handler);
      if (!installed) throw new Error(`no installed trigger for ${handler}`);
      emu.setUser(installed.owner);
      return emu.ui.withoutUi(() => bundle.call(handler, { authMode: 'FULL', ...event, triggerUid: installed.uid }));
    },
    sheetValues(name: string): unknown[][] {
      const sheet = emu.spreadsheet.getSheetByName(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      return sheet.getDataRange().getValues();
    },
    writeSetting(key: string, value: string): void {
      emu.setUser(admin);
      const sheet = emu.spreadsheet.getSheetByName('Pengaturan');
      if (!sheet) throw new Error('no Pengaturan sheet');
      writeSettingCell(sheet, key, value);
    },
    fireTimeTriggers(at: Date | string | number): number {
      return emu.fireTimeTriggers(at);
    },
    triggerFailures(): readonly TriggerFailure[] {
      return emu.triggers.failures;
    },
  };
  return office;
}

/** Types `value` next to `key` in a "Pengaturan" sheet, as the Administrator would. */
export function writeSettingCell(sheet: Sheet, key: string, value: string): void {
  const keys = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  const index = keys.indexOf(key);
  if (index < 0) throw new Error(`unknown setting key "${key}"`);
  sheet.getRange(index + 1, 2).setValue(value);
}
