// Runs the conformance cases against the emulator's globals directly, arranging what one execution cannot (see Need).
import { CASES } from '../../src/diagnostics/cases';
import { runCases, runWebAppCases, type Harness, type RunReport } from '../../src/diagnostics/runner';
import type { WebAppFacts } from '../../src/diagnostics/cases/webApp';
import type { GasServices, Json } from '../../src/diagnostics/types';
import { createEmulator, type Emulator } from '../emulator';

export const NOW = '2026-11-30T09:00:00+08:00';

export function servicesOf(emu: Emulator): GasServices {
  return emu.globals as unknown as GasServices;
}

/** Plays the other execution (lock held) and the member of the public (a form submission caught by a trigger). */
export function emulatorHarness(emu: Emulator): Harness {
  const g = servicesOf(emu);
  return {
    provide(need, scratch) {
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
