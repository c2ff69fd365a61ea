// Every workflow server function called by every role and by an unknown email, through the built bundle:
// the allowed calls succeed, every other call is refused in Indonesian and leaves the register untouched.
import { describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from './office';
import { INPUTS, act, letterAt } from './workflowOffice';

const EVERYONE = ['cs', 'sekretaris', 'ketua', 'kadis', 'koperasi', 'ukm', 'admin', 'stranger'] as const;
type Person = (typeof EVERYONE)[number];

/** Indonesian refusals all say who may, who may not, or what is missing. */
const INDONESIAN = /(tidak|hanya|belum|bukan|Anda)/;

function snapshot(office: Office): string {
  return JSON.stringify([office.sheetValues('Register'), office.sheetValues('Log Audit')]);
}

function selectRegisterRow2(office: Office): void {
  const sheet = office.emu.spreadsheet.getSheetByName('Register');
  if (!sheet) throw new Error('no register');
  office.emu.sheets.select(sheet, 'B2');
}

interface ActionCase {
  sidebar: string;
  action: string;
  from: 'Diterima' | 'Diagendakan' | 'Menunggu Disposisi' | 'Didisposisikan';
  allowed: Person[];
}

const ACTIONS: ActionCase[] = [
  { sidebar: 'agenda', action: 'agenda', from: 'Diterima', allowed: ['sekretaris'] },
  { sidebar: 'agenda', action: 'forwardToHead', from: 'Diagendakan', allowed: ['sekretaris', 'ketua'] },
  { sidebar: 'disposisi', action: 'dispose', from: 'Menunggu Disposisi', allowed: ['kadis'] },
  { sidebar: 'tindakLanjut', action: 'followUp', from: 'Didisposisikan', allowed: ['koperasi', 'ketua'] },
  { sidebar: 'tindakLanjut', action: 'requestInfo', from: 'Didisposisikan', allowed: ['koperasi'] },
  { sidebar: 'perpanjangan', action: 'extend', from: 'Didisposisikan', allowed: ['ketua', 'kadis'] },
  { sidebar: 'alihkan', action: 'forward', from: 'Didisposisikan', allowed: ['ketua'] },
];

describe('runWorkflowAction as every role', () => {
  for (const c of ACTIONS) {
    it(`${c.action}: only ${c.allowed.join(', ')}`, () => {
      const office = openOffice();
      // One complaint per person, all in the status the action starts from (disposed to Bidang Koperasi).
      const regs = new Map<Person, string>(EVERYONE.map((p) => [p, letterAt(office, c.from)]));
      const outcome: Record<string, boolean> = {};
      EVERYONE.forEach((person, i) => {
        const reg = regs.get(person) as string;
        const input =
          c.action === 'agenda' ? { ...INPUTS.agenda, agendaNumber: `SM-2026-${900 + i}` } : INPUTS[c.action];
        const before = snapshot(office);
        const result = act(office, PEOPLE[person], c.sidebar, reg, c.action, input);
        outcome[person] = result.ok;
        if (!result.ok) {
          expect(result.message, `${person}`).toMatch(INDONESIAN);
          expect(snapshot(office), `${person} changed the register`).toBe(before);
        } else {
          expect(snapshot(office)).not.toBe(before);
        }
      });
      expect(outcome).toEqual(Object.fromEntries(EVERYONE.map((p) => [p, c.allowed.includes(p)])));
    });
  }

  it('refuses an action the sidebar does not offer, even to a role that may take it elsewhere', () => {
    const office = openOffice();
    const reg = letterAt(office, 'Didisposisikan');
    const before = snapshot(office);
    const r = act(office, PEOPLE.ketua, 'perpanjangan', reg, 'forward', INPUTS.forward);
    expect(r).toMatchObject({
      ok: false,
      message: 'Tindakan "forward" tidak tersedia di "Perpanjangan Kasus Khusus".',
    });
    expect(snapshot(office)).toBe(before);
  });
});

/** Which people may call each read-only function on a complaint disposed to Bidang Koperasi. */
const SIDEBARS: { sidebar: string; show: string; allowed: Person[]; readers: Person[] }[] = [
  { sidebar: 'agenda', show: 'showAgendaSidebar', allowed: ['sekretaris', 'ketua'], readers: ['sekretaris', 'ketua'] },
  { sidebar: 'disposisi', show: 'showDisposisiSidebar', allowed: ['kadis'], readers: ['kadis'] },
  {
    sidebar: 'tindakLanjut',
    show: 'showTindakLanjutSidebar',
    allowed: ['ketua', 'koperasi', 'ukm'],
    readers: ['ketua', 'koperasi'],
  },
  {
    sidebar: 'perpanjangan',
    show: 'showPerpanjanganSidebar',
    allowed: ['ketua', 'kadis'],
    readers: ['ketua', 'kadis'],
  },
  { sidebar: 'alihkan', show: 'showAlihkanSidebar', allowed: ['ketua'], readers: ['ketua'] },
  { sidebar: 'bukaKembali', show: 'showBukaKembaliSidebar', allowed: ['ketua'], readers: ['ketua'] },
  {
    sidebar: 'riwayat',
    show: 'showRiwayatSidebar',
    allowed: ['cs', 'sekretaris', 'ketua', 'kadis', 'koperasi', 'ukm', 'admin'],
    readers: ['cs', 'sekretaris', 'ketua', 'kadis', 'koperasi', 'admin'],
  },
];

describe('the read-only server functions as every role', () => {
  it('opening each sidebar, loading a complaint by number and by selected row', () => {
    const office = openOffice();
    const reg = letterAt(office, 'Didisposisikan');
    for (const s of SIDEBARS) {
      for (const person of EVERYONE) {
        const before = snapshot(office);
        const sidebars = office.emu.ui.sidebars.length;
        const alerts = office.emu.ui.alerts.length;
        selectRegisterRow2(office);
        office.as(PEOPLE[person], s.show);
        const shown = office.emu.ui.sidebars.length === sidebars + 1;
        expect(shown, `${s.show} as ${person}`).toBe(s.allowed.includes(person));
        if (!shown) {
          expect(office.emu.ui.alerts.length).toBe(alerts + 1);
          expect(office.emu.ui.alerts[alerts].message).toMatch(INDONESIAN);
        }
        for (const fn of ['openWorkflowComplaint', 'openSelectedComplaint'] as const) {
          selectRegisterRow2(office);
          const args = fn === 'openWorkflowComplaint' ? [s.sidebar, reg] : [s.sidebar];
          const r = office.as<{ ok: boolean; message?: string }>(PEOPLE[person], fn, ...args);
          expect(r.ok, `${fn}(${s.sidebar}) as ${person}: ${r.message ?? ''}`).toBe(s.readers.includes(person));
          if (!r.ok) expect(r.message).toMatch(INDONESIAN);
        }
        expect(snapshot(office)).toBe(before);
      }
    }
  });

  it('monitoring (list and sidebar) and selecting a row', () => {
    const office = openOffice();
    const reg = letterAt(office, 'Didisposisikan');
    const monitors: Person[] = ['ketua', 'kadis'];
    const selectors: Person[] = ['cs', 'sekretaris', 'ketua', 'kadis', 'koperasi', 'admin'];
    for (const person of EVERYONE) {
      const before = snapshot(office);
      const list = office.as<{ ok: boolean; message?: string }>(PEOPLE[person], 'monitoringList', {
        includeClosed: true,
      });
      expect(list.ok, `monitoringList as ${person}`).toBe(monitors.includes(person));
      if (!list.ok) expect(list.message).toMatch(INDONESIAN);
      const sidebars = office.emu.ui.sidebars.length;
      office.as(PEOPLE[person], 'showPemantauanSidebar');
      expect(office.emu.ui.sidebars.length === sidebars + 1, `showPemantauanSidebar as ${person}`).toBe(
        monitors.includes(person),
      );
      const pick = office.as<{ ok: boolean; message: string }>(PEOPLE[person], 'selectRegisterRow', reg);
      expect(pick.ok, `selectRegisterRow as ${person}`).toBe(selectors.includes(person));
      if (!pick.ok) expect(pick.message).toMatch(INDONESIAN);
      expect(snapshot(office)).toBe(before);
    }
  });
});
