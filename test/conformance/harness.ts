// Runs the conformance cases against the emulator's globals directly, arranging what one execution cannot (see Need).
import { CASES } from '../../src/diagnostics/cases';
import { runCases, runWebAppCases, type Harness, type RunReport } from '../../src/diagnostics/runner';
import type { WebAppFacts } from '../../src/diagnostics/cases/webApp';
import type { ProjectsFixture } from '../../src/diagnostics/cases/projects';
import type { GasServices, Json } from '../../src/diagnostics/types';
import { createEmulator, type Emulator } from '../emulator';

export const NOW = '2026-11-30T09:00:00+08:00';

export function servicesOf(emu: Emulator): GasServices {
  return emu.globals as unknown as GasServices;
}

/** Plays the other execution (lock held) and the member of the public (a form submission caught by a trigger). */
/** The account that owns the other project and the files shared with no one (script-projects cases). */
const OTHER_OWNER = 'pemilik.lain@example.com';
const ECHO =
  'function doPost(e) { return ContentService.createTextOutput(JSON.stringify(e)).setMimeType(ContentService.MimeType.JSON); }';

/** A second project deployed as a web app, and another account's files (made once per emulator). */
function projectsFixture(emu: Emulator): ProjectsFixture {
  const g = servicesOf(emu);
  const me = emu.ctx.users.effective;
  return emu.world.runAs(OTHER_OWNER, OTHER_OWNER, OTHER_OWNER, () => {
    const echo = emu.world.addProject({
      name: 'Diagnostik echo',
      kind: 'standalone',
      owner: OTHER_OWNER,
      code: ECHO,
      scopes: null,
    });
    echo.load();
    const folder = g.DriveApp.createFolder('Berkas akun lain');
    folder.addViewer(me);
    return {
      ScriptApp: emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp,
      UrlFetchApp: emu.globals.UrlFetchApp as GoogleAppsScript.URL_Fetch.UrlFetchApp,
      echoUrl: echo.deployWebApp(OTHER_OWNER, { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' }).url,
      privateUrl: echo.deployWebApp(OTHER_OWNER, { executeAs: 'USER_DEPLOYING', access: 'MYSELF' }).url,
      othersFiles: {
        spreadsheet: g.SpreadsheetApp.create('Berkas akun lain').getId(),
        document: g.DocumentApp.create('Berkas akun lain').getId(),
        form: g.FormApp.create('Berkas akun lain').getId(),
        file: g.DriveApp.createFile('berkas-akun-lain.txt', 'rahasia').getId(),
      },
      sharedFolderFile: folder.createFile('di-folder-berbagi.txt', 'isi').getId(),
      editableFile: g.DriveApp.createFile('disunting-bersama.txt', 'isi').addEditor(me).getId(),
    };
  });
}

export function emulatorHarness(emu: Emulator): Harness {
  const g = servicesOf(emu);
  let fixture: ProjectsFixture | null = null;
  return {
    provide(need, scratch) {
      if (need === 'script-projects') {
        // Drive access as Google enforces it, for the case only (the default world lets everyone open everything).
        fixture ??= projectsFixture(emu);
        emu.ctx.access.enforced = true;
        return { value: fixture, release: () => void (emu.ctx.access.enforced = false) };
      }
      if (need === 'concurrent-execution') {
        emu.lock.holdBy('another-execution');
        return { value: undefined, release: () => emu.lock.release() };
      }
      if (need === 'another-user') {
        // The sheet is protected for its owner alone; someone else's script then writes to it.
        const protection = scratch.sheet.protect();
        protection.removeEditors(protection.getEditors());
        const me = { ...emu.ctx.users };
        const write = () => {
          emu.ctx.users = { active: 'orang.lain@example.com', effective: 'orang.lain@example.com' };
          try {
            scratch.block(1, 1, 'general').setValue('ditolak?');
          } finally {
            emu.ctx.users = { ...me };
          }
        };
        return { value: write, release: () => protection.remove() };
      }
      const form = g.FormApp.create('Dumas — diagnostik formulir');
      form.setPublished(true); // from 30 June 2026 a new form accepts nothing until published
      form.addTextItem().setTitle('Nama');
      const captured: Record<string, unknown>[] = [];
      emu.triggers.setInvoker((_handler, event) => void captured.push(event));
      const ScriptApp = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
      const trigger = ScriptApp.newTrigger('onFormSubmitted').forForm(form).onFormSubmit().create();
      emu.forms.submit(form.getId(), { Nama: 'Ni Made Ayu' });
      return {
        value: captured[0],
        release: () => {
          ScriptApp.deleteTrigger(trigger);
          g.DriveApp.getFileById(form.getId()).setTrashed(true);
        },
      };
    },
  };
}

/**
 * The web-app cases as the diagnostics page runs them: once signed in as the owner, once anonymous (a private window),
 * in the emulator's web app with `activeSpreadsheet` as given (default: the emulator's default, null).
 */
export function runWebAppOnEmulator(emu: Emulator, activeSpreadsheet?: 'bound' | 'none'): RunReport['results'] {
  const owner = emu.spreadsheet.getOwner().getEmail();
  const visit = (anonymous: boolean) => {
    const facts: WebAppFacts = { spreadsheetOwner: owner, anonymous };
    const cases = CASES.filter((c) => (c.id === 'webapp.active-user-anonymous') === anonymous);
    return emu.asWebApp({ visitor: anonymous ? null : owner, activeSpreadsheet }, () =>
      runWebAppCases(servicesOf(emu), cases, facts),
    );
  };
  return [...visit(false), ...visit(true)];
}

/** A fresh emulator and a run of every case (needs arranged; web-app cases in its web app); for cleanup checks too. */
export function runOnEmulator(): { emu: Emulator; report: RunReport } {
  const emu = createEmulator({ now: NOW });
  const menu = runCases(servicesOf(emu), CASES, emulatorHarness(emu));
  const web = new Map(runWebAppOnEmulator(emu).map((r) => [r.id, r]));
  const results = menu.results.map((r) => web.get(r.id) ?? r);
  return { emu, report: { ...menu, results } };
}

/** Observations by case id, for comparison with a recorded run. */
export function observationsOf(report: RunReport): Map<string, Json> {
  return new Map(report.results.filter((r) => r.status !== 'skip').map((r) => [r.id, r.observed]));
}
