// The office as the agency deploys it: the Dumas core (build/) as a standalone project of the Administrator's
// account, deployed as the web app; the shell (build/shell/) bound to the team's spreadsheet; every member an
// editor of that spreadsheet (and so of the shell) and of nothing else. Access is enforced as Google enforces it.
import { createEmulator, type Emulator } from '../emulator';
import type { ScriptProject } from '../emulator/world';
import type { TriggerFailure } from '../emulator/script';
import { QUEUED_WORK_HANDLER } from '../../src/gas/queuedWork';
import { PEOPLE, TEAM_ROWS, writeSettingCell, type RunningOffice } from '../bundle/office';

export const MEMBERS = [PEOPLE.cs, PEOPLE.sekretaris, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi, PEOPLE.ukm];

export interface SplitOffice extends RunningOffice {
  emu: Emulator;
  core: ScriptProject;
  shell: ScriptProject;
  /** The core's web app URL (also the public pages' address). */
  url: string;
  /**
   * A menu item or a sidebar's call in the team's spreadsheet, as `email`; then, a second later, the one-off trigger
   * that sends the mail the call queued (gas/outbox.ts), when it made one.
   */
  as<T>(email: string, fn: string, ...args: unknown[]): T;
  /** The call alone: what the person waits for (the bench measures this). */
  call<T>(email: string, fn: string, ...args: unknown[]): T;
  /** Fires the queued work's one-off trigger at its time if one waits (the clock moves there); how many ran. */
  runQueuedWork(): number;
  /** A sheet of the team's spreadsheet as its owner reads it ("Register": the team's view of it, as staff see it). */
  sheetValues(name: string): unknown[][];
  /** Every sheet of the vault (the core's own spreadsheet), as its owner reads it. */
  vault(): Record<string, unknown[][]>;
  /** Runs one of the core's installed triggers now, as Apps Script would (its owner, an event with its uid). */
  trigger(handler: string, event?: Record<string, unknown>): unknown;
}

export interface SplitOfficeOptions {
  now?: string;
  /** The Administrator: owner of the core, the vault and the team's spreadsheet (default PEOPLE.admin). */
  admin?: string;
  /** Rows typed into "Tim"; every row's email becomes an editor of the team's spreadsheet (default TEAM_ROWS). */
  team?: string[][];
}

export function openSplitOffice(options: string | SplitOfficeOptions = {}): SplitOffice {
  const o = typeof options === 'string' ? { now: options } : options;
  const admin = o.admin ?? PEOPLE.admin;
  const rows = o.team ?? TEAM_ROWS;
  const emu = createEmulator({ access: 'enforced', now: o.now ?? '2026-11-30T09:00:00+08:00', user: admin });
  const shell = emu.world.addProject({ name: 'Dumas', kind: 'bound', owner: admin, buildDir: 'build/shell' });
  shell.load();
  const core = emu.world.addProject({ name: 'Dumas Inti', kind: 'standalone', owner: admin, buildDir: 'build' });
  core.load();
  const url = core.deployWebApp(admin, { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' }).url;
  // The Administrator opens the team's spreadsheet, runs setup and pastes the core's URL when asked.
  shell.services.ui.control.answerNext({ button: 'OK', text: url });
  shell.call(admin, 'setupSystem');
  const setupNow = () => {
    const installed = core.services.script.control.triggers().find((t) => t.handler === 'setupInBackground');
    if (!installed) throw new Error('setup through the shell scheduled no background run');
    emu.world.runAs(installed.owner, installed.owner, null, () =>
      core.services.ui.control.withoutUi(() =>
        core.bundle().call('setupInBackground', { authMode: 'FULL', triggerUid: installed.uid }),
      ),
    );
  };
  setupNow();
  const office = shell.container;
  if (!office) throw new Error('the shell has no spreadsheet');
  const asAdmin = <T>(fn: () => T): T => emu.world.runAs(admin, admin, null, fn);
  const team = asAdmin(() => office.getSheetByName('Tim'));
  if (!team) throw new Error('setup made no Tim sheet in the team spreadsheet');
  if (rows.length > 0) asAdmin(() => team.getRange(3, 1, rows.length, rows[0].length).setValues(rows));
  for (const row of rows) office.addEditor(row[0]);
  shell.call(admin, 'setupSystem');
  setupNow();
  return {
    emu,
    core,
    shell,
    url,
    as<T>(email: string, fn: string, ...args: unknown[]): T {
      const result = this.call<T>(email, fn, ...args);
      this.runQueuedWork();
      return result;
    },
    call<T>(email: string, fn: string, ...args: unknown[]): T {
      // Sidebars get results through google.script.run: JSON-shaped, as the tests see them.
      return JSON.parse(JSON.stringify(shell.call<T>(email, fn, ...args) ?? null)) as T;
    },
    runQueuedWork(): number {
      const waiting = core.services.script.control.triggers().find((t) => t.handler === QUEUED_WORK_HANDLER);
      const due = waiting?.clock?.at;
      return due === undefined ? 0 : emu.world.fireTimeTriggers(Math.max(due, emu.clock.now()));
    },
    sheetValues(name: string): unknown[][] {
      return emu.world.runAs(admin, admin, null, () => {
        const sheet = office.getSheetByName(name === 'Register' ? 'Tampilan Register' : name);
        if (!sheet) throw new Error(`no sheet ${name} in the team spreadsheet`);
        return sheet.getDataRange().getValues();
      });
    },
    vault(): Record<string, unknown[][]> {
      const id = core.readScriptProperties(admin).DUMAS_VAULT_ID;
      return emu.world.runAs(admin, admin, null, () => {
        const g = core.globals as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
        const vault = g.SpreadsheetApp.openById(id);
        return Object.fromEntries(vault.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]));
      });
    },
    trigger(handler: string, event: Record<string, unknown> = {}): unknown {
      const installed = core.services.script.control.triggers().find((t) => t.handler === handler);
      if (!installed) throw new Error(`no installed trigger for ${handler}`);
      return emu.world.runAs(installed.owner, installed.owner, null, () =>
        core.services.ui.control.withoutUi(() =>
          core.bundle().call(handler, { authMode: 'FULL', ...event, triggerUid: installed.uid }),
        ),
      );
    },
    writeSetting(key: string, value: string): void {
      const sheet = asAdmin(() => office.getSheetByName('Pengaturan'));
      if (!sheet) throw new Error('no Pengaturan sheet in the team spreadsheet');
      asAdmin(() => writeSettingCell(sheet, key, value));
    },
    fireTimeTriggers(at: Date | string | number): number {
      // The core's time triggers (and any other project's), each run as its owner, in time order.
      return emu.world.fireTimeTriggers(at);
    },
    triggerFailures(): readonly TriggerFailure[] {
      return emu.world.projects.flatMap((p) => p.services.script.control.failures);
    },
  };
}
