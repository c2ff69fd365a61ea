// The office as the agency deploys it: the Dumas core (build/) as a standalone project of the Administrator's
// account, deployed as the web app; the shell (build/shell/) bound to the team's spreadsheet; every member an
// editor of that spreadsheet (and so of the shell) and of nothing else. Access is enforced as Google enforces it.
import { createEmulator, type Emulator } from '../emulator';
import type { ScriptProject } from '../emulator/world';
import { PEOPLE, TEAM_ROWS } from '../bundle/office';

export const MEMBERS = [PEOPLE.cs, PEOPLE.sekretaris, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi, PEOPLE.ukm];

export interface SplitOffice {
  emu: Emulator;
  core: ScriptProject;
  shell: ScriptProject;
  /** The core's web app URL (also the public pages' address). */
  url: string;
  /** A menu item or a sidebar's call in the team's spreadsheet, as `email`. */
  as<T>(email: string, fn: string, ...args: unknown[]): T;
  /** A sheet of the team's spreadsheet as its owner reads it ("Register": the team's view of it, as staff see it). */
  sheetValues(name: string): unknown[][];
  /** Every sheet of the vault (the core's own spreadsheet), as its owner reads it. */
  vault(): Record<string, unknown[][]>;
  /** Runs one of the core's installed triggers now, as Apps Script would (its owner, an event with its uid). */
  trigger(handler: string, event?: Record<string, unknown>): unknown;
}

export function openSplitOffice(now = '2026-11-30T09:00:00+08:00'): SplitOffice {
  const emu = createEmulator({ access: 'enforced', now, user: PEOPLE.admin });
  const shell = emu.world.addProject({ name: 'Dumas', kind: 'bound', owner: PEOPLE.admin, buildDir: 'build/shell' });
  shell.load();
  const core = emu.world.addProject({ name: 'Dumas Inti', kind: 'standalone', owner: PEOPLE.admin, buildDir: 'build' });
  core.load();
  const url = core.deployWebApp(PEOPLE.admin, { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' }).url;
  // The Administrator opens the team's spreadsheet, runs setup and pastes the core's URL when asked.
  shell.services.ui.control.answerNext({ button: 'OK', text: url });
  shell.call(PEOPLE.admin, 'setupSystem');
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
  const team = emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, () => office.getSheetByName('Tim'));
  if (!team) throw new Error('setup made no Tim sheet in the team spreadsheet');
  emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, () =>
    team.getRange(3, 1, TEAM_ROWS.length, TEAM_ROWS[0].length).setValues(TEAM_ROWS),
  );
  for (const member of MEMBERS) office.addEditor(member);
  shell.call(PEOPLE.admin, 'setupSystem');
  setupNow();
  return {
    emu,
    core,
    shell,
    url,
    as<T>(email: string, fn: string, ...args: unknown[]): T {
      // Sidebars get results through google.script.run: JSON-shaped, as the tests see them.
      return JSON.parse(JSON.stringify(shell.call<T>(email, fn, ...args) ?? null)) as T;
    },
    sheetValues(name: string): unknown[][] {
      return emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, () => {
        const sheet = office.getSheetByName(name === 'Register' ? 'Tampilan Register' : name);
        if (!sheet) throw new Error(`no sheet ${name} in the team spreadsheet`);
        return sheet.getDataRange().getValues();
      });
    },
    vault(): Record<string, unknown[][]> {
      const id = core.readScriptProperties(PEOPLE.admin).DUMAS_VAULT_ID;
      return emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, () => {
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
  };
}
