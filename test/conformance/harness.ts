// Runs the conformance cases against the emulator's globals directly, arranging what one execution cannot (see Need).
import { CASES } from '../../src/diagnostics/cases';
import { runCases, type Harness, type RunReport } from '../../src/diagnostics/runner';
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
    provide(need) {
      if (need === 'concurrent-execution') {
        emu.lock.holdBy('another-execution');
        return { value: undefined, release: () => emu.lock.release() };
      }
      const form = g.FormApp.create('Dumas — diagnostik formulir');
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

/** A fresh emulator and a run of every case (needs arranged); the emulator is returned for cleanup checks. */
export function runOnEmulator(): { emu: Emulator; report: RunReport } {
  const emu = createEmulator({ now: NOW });
  const report = runCases(servicesOf(emu), CASES, emulatorHarness(emu));
  return { emu, report };
}

/** Observations by case id, for comparison with a recorded run. */
export function observationsOf(report: RunReport): Map<string, Json> {
  return new Map(report.results.filter((r) => r.status !== 'skip').map((r) => [r.id, r.observed]));
}
