// The split deployment through the built bundle (docs/security.md §1 and "Where the core keeps its data"): the
// standalone core's setup makes the vault and the office, shares the vault and the letters folder with no one, keeps
// the register view without identity and without rahasia content, row for row, protected for the core alone.
import { describe, expect, it } from 'vitest';
import { SHEET_HOMES, SHEET_NAMES, VAULT_ID_KEY, type SheetKey } from '../../src/gas/workbook';
import { VIEW_HEADERS } from '../../src/gas/registerView';
import { VIEW_RAHASIA_TEXT } from '../../src/messages/domain';
import { REGISTER_HEADER_TEXT } from '../../src/messages/sheets';
import { formAnswers, person, type Person } from './publicHelpers';
import { filesOpenedBy, found, openSplitWorld, PEOPLE, type SplitWorld } from './splitWorld';

const ANONIM = 'anonim — identitas saya hanya diketahui Tim Pengaduan';
const RAHASIA = 'rahasia — identitas dan isi pengaduan hanya untuk Tim Pengaduan dan unit yang menangani';
const MEMBERS = [PEOPLE.cs, PEOPLE.sekretaris, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi, PEOPLE.ukm];

function identityOf(p: Person): string[] {
  return [p.name, p.nik, p.phone, `+62${p.phone.slice(1)}`, p.email, p.address];
}

function submit(w: SplitWorld, p: Person, privacy?: string): string {
  const answers = privacy ? { ...formAnswers(p), 'Kerahasiaan Identitas': privacy } : formAnswers(p);
  w.emu.forms.submit(w.setting('id_formulir'), answers);
  const rows = w.values(w.vault(), SHEET_NAMES.register);
  return String(rows.at(-1)?.[0]);
}

describe('setup of the split deployment (a standalone core)', () => {
  it('makes the vault and the office, each sheet in its home, and a second run changes nothing', () => {
    const w = openSplitWorld();
    const vault = w.vault();
    const names = (ss: { getSheets(): { getName(): string }[] }) => ss.getSheets().map((s) => s.getName());
    for (const [key, home] of Object.entries(SHEET_HOMES) as [SheetKey, string][]) {
      if (key === 'report') continue; // made by the first monthly report
      expect(names(home === 'vault' ? vault : w.office), `${key} in the ${home}`).toContain(SHEET_NAMES[key]);
      expect(names(home === 'vault' ? w.office : vault), `${key} not elsewhere`).not.toContain(SHEET_NAMES[key]);
    }
    expect(vault.getOwner().getEmail()).toBe(PEOPLE.admin);
    expect(w.core.services.properties.control.scriptStore.get(VAULT_ID_KEY)).toBe(vault.getId());
    const triggers = w.core.services.script.control
      .triggers()
      .map((t) => `${t.handler}:${t.eventType}:${t.owner}`)
      .sort();
    // No edit watch: nobody but the core can edit the vault's register or the view.
    expect(triggers).toEqual([`onFormSubmitted:ON_FORM_SUBMIT:${PEOPLE.admin}`, `runDaily:CLOCK:${PEOPLE.admin}`]);
    const again = w.core.call<string>(PEOPLE.admin, 'setupSystem');
    expect(again).toContain('Tidak ada yang perlu diperbaiki');
  });

  it('shares the vault, the letters folder and its template with no one; the team opens only the office', () => {
    const w = openSplitWorld();
    const folder = w.setting('id_folder_surat');
    const template = w.setting('id_templat_surat');
    expect(folder).not.toBe('');
    for (const member of MEMBERS) {
      const ids = w.emu.drive.accessibleTo(member).map((f) => f.id);
      expect(ids, member).toContain(w.office.getId());
      expect(ids, member).not.toContain(w.vault().getId());
      expect(ids, member).not.toContain(template);
      expect(ids, member).not.toContain(w.setting('id_formulir'));
    }
    const entry = w.emu.ctx.files.get(folder);
    expect(entry?.editors).toEqual([]);
    expect(entry?.viewers).toEqual([]);
    expect(w.emu.ctx.files.get(w.vault().getId())?.editors).toEqual([]);
  });

  it('repairs sharing added by hand to the vault on the next setup', () => {
    const w = openSplitWorld();
    w.emu.ctx.files.get(w.vault().getId())?.editors.push(PEOPLE.ketua);
    const summary = w.core.call<string>(PEOPLE.admin, 'setupSystem');
    expect(summary).toContain('Berbagi dicabut dari 1 akun pada brankas');
    expect(w.emu.drive.accessibleTo(PEOPLE.ketua).map((f) => f.id)).not.toContain(w.vault().getId());
  });

  it('protects the register view for the core alone: a member cannot write it, nor Tim', () => {
    const w = openSplitWorld();
    const view = w.office.getSheetByName(SHEET_NAMES.registerView)!;
    const tim = w.office.getSheetByName(SHEET_NAMES.team)!;
    for (const member of [PEOPLE.ketua, PEOPLE.cs]) {
      w.emu.world.runAs(member, member, member, () => {
        expect(() => view.getRange('A2').setValue('diubah')).toThrow();
        expect(() => tim.getRange('C3').setValue('Administrator')).toThrow();
      });
    }
    expect(view.getRange(1, 1, 1, VIEW_HEADERS.length).getValues()[0]).toEqual([...VIEW_HEADERS]);
  });
});

describe('the register view', () => {
  it('has no identity column, and holds no identity nor rahasia text, row for row with the vault', async () => {
    const w = openSplitWorld();
    const biasa = person(31);
    const anonim = person(32);
    const rahasia = {
      ...person(33),
      description: `Uraian rahasia 33: pengurus menahan simpanan, hubungi 081234569999`,
    };
    const regs = [submit(w, biasa), submit(w, anonim, ANONIM), submit(w, rahasia, RAHASIA)];
    const headers = w.values(w.office, SHEET_NAMES.registerView)[0] as string[];
    for (const field of ['name', 'nik', 'phone', 'email', 'address', 'accessCode', 'phoneCanonical'] as const)
      expect(headers).not.toContain(REGISTER_HEADER_TEXT[field]);
    const vaultRows = w.values(w.vault(), SHEET_NAMES.register);
    const viewRows = w.values(w.office, SHEET_NAMES.registerView);
    expect(viewRows.map((r) => r[0])).toEqual(vaultRows.map((r) => r[0]));
    expect(viewRows.slice(1).map((r) => r[0])).toEqual(regs);
    const description = headers.indexOf(REGISTER_HEADER_TEXT.description);
    expect(viewRows[3][description]).toBe(VIEW_RAHASIA_TEXT);
    expect(viewRows[1][description]).toBe(biasa.description);
    for (const member of MEMBERS) {
      const files = await filesOpenedBy(w.emu, member);
      const leaks = found(files, [
        ...[biasa, anonim, rahasia].flatMap(identityOf),
        rahasia.description,
        rahasia.subject,
      ]);
      expect(leaks, member).toEqual([]);
    }
    // The vault itself holds them all (so the scan above could fail).
    expect(JSON.stringify(vaultRows)).toContain(rahasia.description);
    expect(JSON.stringify(vaultRows)).toContain(anonim.nik);
  });

  it('the core serves the status page from the vault, and staff emails link to the office', () => {
    const w = openSplitWorld();
    const p = person(34);
    const reg = submit(w, p);
    const code = String(w.registerRow(reg)['Kode Akses']);
    const lookup = (number: string, access: string) =>
      w.emu.world.runAs(PEOPLE.admin, PEOPLE.admin, '', () =>
        w.emu.world.asWebAppRuntime(w.core, () => w.core.bundle().call<{ ok: boolean }>('checkStatus', number, access)),
      );
    expect(lookup(reg, code).ok).toBe(true);
    expect(lookup(reg, 'SALAH1').ok).toBe(false);
    const page = w.emu.world.runAs(PEOPLE.admin, PEOPLE.admin, '', () =>
      w.emu.world.asWebAppRuntime(w.core, () =>
        w.core.bundle().call<{ getContent(): string }>('doGet', { parameter: {}, parameters: {}, queryString: '' }),
      ),
    );
    expect(page.getContent()).not.toContain('tidak dapat membuka data pengaduan');
    const vaultId = w.vault().getId();
    const mail = JSON.stringify(w.emu.mail.outbox);
    expect(mail).not.toContain(vaultId);
    // The team's notice of the new complaint links to the office, the spreadsheet the team can open.
    expect(mail).toContain(w.office.getId());
  });

  it('the monthly recap (figures only) in the private letters folder is shared with the Kepala Dinas alone', () => {
    const w = openSplitWorld();
    submit(w, person(35));
    w.emu.clock.set('2026-12-01T07:00:00+08:00');
    w.trigger('runDaily');
    const recaps = w.emu.drive.files().filter((f) => f.name.startsWith('Rekap Pengaduan') && !f.trashed);
    expect(recaps.map((f) => f.mimeType).sort()).toEqual(['application/pdf', 'application/vnd.google-apps.document']);
    for (const member of MEMBERS) {
      const ids = w.emu.drive.accessibleTo(member).map((f) => f.id);
      for (const r of recaps) expect(ids.includes(r.id), `${member} ${r.name}`).toBe(member === PEOPLE.kadis);
    }
  });
});
