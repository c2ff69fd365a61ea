// A failed write of the register view loses nothing (split deployment, through the built bundle): a fault at each
// Sheets write of a workflow step and of an intake; whatever the step's outcome, the vault holds the truth, a view
// row the fault missed is journalled, and the next daily run re-projects it, so the view equals the vault's projection.
import { describe, expect, it } from 'vitest';
import { VIEW_REPAIR_KEY } from '../../src/gas/registerView';
import { SHEET_NAMES } from '../../src/gas/workbook';
import { openOffice } from './office';
import { formAnswers, person, setting } from './publicHelpers';
import { openSplitWorld, PEOPLE, viewMatchesVault, type SplitWorld } from './splitWorld';

function submitted(w: SplitWorld, i: number): string {
  w.emu.forms.submit(w.setting('id_formulir'), formAnswers(person(i)));
  return String(w.values(w.vault(), SHEET_NAMES.register).at(-1)?.[0]);
}

const journal = (w: SplitWorld) => w.core.services.properties.control.scriptStore.get(VIEW_REPAIR_KEY);

describe('a fault at the register view write', () => {
  for (const call of ['Range.setNumberFormats', 'Range.setValues']) {
    it(`a workflow step, a failure at each ${call}: the daily run repairs the view`, () => {
      let hitView = 0;
      for (let at = 1; at <= 4; at++) {
        const w = openSplitWorld();
        const reg = submitted(w, 50 + at);
        w.emu.faults.arm({ call, at, kind: 'error' });
        const r = w.act(PEOPLE.sekretaris, 'agenda', reg, 'agenda', {
          agendaNumber: 'SM-2026-0500',
          agendaDate: '2026-11-30',
        });
        const fired = w.emu.faults.fired.length;
        w.emu.faults.disarm();
        const status = w.registerRow(reg)['Status'];
        expect(status, `${call} #${at}: ${r.message}`).toBe(r.ok ? 'Diagendakan' : 'Diterima');
        if (fired > 0 && r.ok && journal(w)) hitView += 1;
        w.emu.clock.set('2026-12-01T07:00:00+08:00');
        w.trigger('runDaily');
        viewMatchesVault(w);
        expect(journal(w) ?? null).toBeNull();
      }
      expect(hitView, 'one of the faults hit the view').toBeGreaterThan(0);
    });
  }

  it('an intake, a failure at each setValues: the vault has the complaint, the view gets it the next morning', () => {
    let hitView = 0;
    for (let at = 1; at <= 5; at++) {
      const w = openSplitWorld();
      submitted(w, 60);
      w.emu.faults.arm({ call: 'Range.setValues', at, kind: 'error' });
      w.emu.forms.submit(w.setting('id_formulir'), formAnswers(person(61)));
      w.emu.faults.disarm();
      if (journal(w)) {
        // The view's write failed after the vault's: the complaint is registered, its view row waits for repair.
        hitView += 1;
        expect(JSON.parse(journal(w) ?? '[]')).toEqual([3]);
        expect(w.values(w.vault(), SHEET_NAMES.register)).toHaveLength(3);
        expect(w.values(w.office, SHEET_NAMES.registerView)).toHaveLength(2);
      }
      // The daily run registers a submission the fault stopped (reconcile) and repairs the view.
      w.emu.clock.set('2026-12-01T07:00:00+08:00');
      w.trigger('runDaily');
      expect(w.values(w.vault(), SHEET_NAMES.register), `setValues #${at}`).toHaveLength(3);
      viewMatchesVault(w);
      expect(journal(w) ?? null).toBeNull();
    }
    expect(hitView, 'one of the faults hit the view').toBeGreaterThan(0);
  });

  it('an execution stopped between the vault write and the view write: the daily run projects the missing row', () => {
    let hitView = 0;
    for (let at = 1; at <= 4; at++) {
      const w = openSplitWorld();
      submitted(w, 62);
      w.emu.faults.arm({ call: 'Range.setNumberFormats', at, kind: 'time' });
      try {
        w.emu.forms.submit(w.setting('id_formulir'), formAnswers(person(63)));
      } catch {
        // the execution was stopped: Apps Script records it as failed
      }
      w.emu.faults.disarm();
      const stopped = w.values(w.vault(), SHEET_NAMES.register).length === 3;
      if (stopped && w.values(w.office, SHEET_NAMES.registerView).length === 2) hitView += 1;
      w.emu.clock.set('2026-12-01T07:00:00+08:00');
      w.trigger('runDaily');
      viewMatchesVault(w);
    }
    expect(hitView, 'one stop fell between the two writes').toBeGreaterThan(0);
  });

  it('a register write costs the view two calls: its number formats and values', () => {
    const input = { agendaNumber: 'SM-2026-0700', agendaDate: '2026-11-30' };
    const request = (reg: string) => ({ sidebar: 'agenda', regNumber: reg, version: 1, action: 'agenda', input });
    const w = openSplitWorld();
    const reg = submitted(w, 70);
    const split = w.emu.calls.measure(() =>
      w.as<{ ok: boolean }>(PEOPLE.sekretaris, 'runWorkflowAction', request(reg)),
    );
    // The same step in a bound project (today's deployment).
    const office = openOffice();
    office.emu.forms.submit(setting(office, 'id_formulir'), formAnswers(person(70)));
    const bound = office.emu.calls.measure(() =>
      office.as<{ ok: boolean }>(PEOPLE.sekretaris, 'runWorkflowAction', request(reg)),
    );
    expect(split.result.ok && bound.result.ok).toBe(true);
    const names = new Set([...Object.keys(split.counts), ...Object.keys(bound.counts)]);
    const extra: Record<string, number> = {};
    for (const k of names) {
      const n = (split.counts[k] ?? 0) - (bound.counts[k] ?? 0);
      if (n !== 0) extra[k] = n;
    }
    // Per execution: the office's id read, the vault and the office opened by id (one more getSheets); per row run
    // written: the view's two calls. Saved: the audit sheet's protection check (the vault is the core's own).
    expect(extra).toEqual({
      'Properties.getProperties': 1,
      'SpreadsheetApp.openById': 2,
      'Spreadsheet.getSheets': 1,
      'Range.setNumberFormats': 1,
      'Range.setValues': 1,
      'Sheet.getProtections': -1,
      'Protection.canEdit': -1,
    });
    console.info(
      `a workflow step: split ${split.calls} calls, ${(split.simulatedMs / 1000).toFixed(2)} s simulated; bound ${bound.calls} calls, ${(bound.simulatedMs / 1000).toFixed(2)} s`,
    );
  });
});
