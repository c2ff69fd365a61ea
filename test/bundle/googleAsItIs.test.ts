// The add-on against Google as it is, through the built bundle: new forms start unpublished, protections refuse a
// member setup has not listed yet, a cell holds 50,000 characters, and the web app may not see the spreadsheet.
import { describe, expect, it } from 'vitest';
import { SETTING_DEFINITIONS } from '../../src/app/settings';
import { FORM_HEALTH } from '../../src/messages/formHealth';
import { PUBLIC } from '../../src/messages/public';
import { TEXT } from '../../src/messages/ui';
import { openOffice, PEOPLE, TEAM_ROWS } from './office';
import { formAnswers, getEvent } from './publicHelpers';
import { act, INPUTS, letterAt, recordLetter, registerRow } from './workflowOffice';

const formIdOf = (office: ReturnType<typeof openOffice>): string => {
  const key = SETTING_DEFINITIONS.find((d) => d.field === 'formId')?.key;
  const value = office.sheetValues('Pengaturan').find((r) => r[0] === key)?.[1];
  return typeof value === 'string' ? value : '';
};

const CITIZEN = {
  name: 'Ni Made Ayu Lestari',
  nik: '5102014506900002',
  address: 'Jl. Gunung Agung No. 7, Tabanan',
  phone: '081234567890',
  email: 'ayu@example.com',
  subject: 'Izin koperasi',
  description: 'Permohonan kami belum dijawab.',
};

describe('the public form after 30 June 2026', () => {
  it('setup publishes the new form, opens it to anyone, and a citizen’s submission is registered', () => {
    const office = openOffice({ now: '2026-11-30T09:00:00+08:00' });
    const form = office.emu.forms.form(formIdOf(office));
    expect([form.published, form.accepting, form.requireLogin]).toEqual([true, true, false]);
    expect(office.emu.ui.alerts.some((a) => a.message.includes(FORM_HEALTH.published))).toBe(true);
    office.emu.forms.submit(form.id, formAnswers(CITIZEN));
    expect(
      office
        .sheetValues('Register')
        .slice(1)
        .map((r) => r[0]),
    ).toHaveLength(1);
  });

  it('a Workspace default of domain-only forms is undone by setup', () => {
    const office = openOffice({ now: '2026-11-30T09:00:00+08:00' });
    const form = office.emu.forms.form(formIdOf(office));
    form.requireLogin = true; // the domain's admin setting, or someone in the Form editor
    office.as(PEOPLE.admin, 'setupSystem');
    expect(form.requireLogin).toBe(false);
    expect(office.emu.ui.alerts.at(-1)?.message).toContain(FORM_HEALTH.loginDropped);
  });

  it('the daily run catches a form that stopped accepting and emails the Administrator, every day until fixed', () => {
    const office = openOffice({ now: '2026-11-30T09:00:00+08:00' });
    const form = office.emu.forms.form(formIdOf(office));
    form.published = false; // unpublished by hand in the Form editor
    office.emu.mail.clear();
    office.emu.fireTimeTriggers('2026-12-01T08:00:00+08:00');
    const alerts = () => office.emu.mail.outbox.filter((m) => m.subject.startsWith('PENTING: formulir'));
    expect(alerts().map((m) => m.to)).toEqual([PEOPLE.admin]);
    expect(alerts()[0].body).toContain(FORM_HEALTH.closedNow);
    office.emu.fireTimeTriggers('2026-12-02T08:00:00+08:00');
    expect(alerts()).toHaveLength(2);
    office.as(PEOPLE.admin, 'setupSystem'); // the fix the email names
    expect([form.published, form.accepting]).toEqual([true, true]);
    office.emu.fireTimeTriggers('2026-12-03T08:00:00+08:00');
    expect(alerts()).toHaveLength(2);
  });
});

describe('a member added to "Tim" without re-running setup', () => {
  const NEWCOMER = 'anggota.baru@diskopumkm.tabanankab.go.id';

  it('is refused before anything is written, with the fix named; after setup every action writes its audit row', () => {
    const office = openOffice();
    const reg = letterAt(office, 'Didisposisikan');
    const team = office.emu.spreadsheet.getSheetByName('Tim')!;
    office.emu.setUser(PEOPLE.admin); // Tim is the Administrators' to edit
    const row = [...TEAM_ROWS[4]];
    row[0] = NEWCOMER;
    row[1] = 'Putu Baru';
    team.getRange(team.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    const register = () => JSON.stringify(office.sheetValues('Register'));
    const audit = () => office.sheetValues('Log Audit').length;
    const [registerBefore, auditBefore, mailBefore] = [register(), audit(), office.emu.mail.outbox.length];

    for (const action of ['followUp', 'requestInfo']) {
      const refused = act(office, NEWCOMER, 'tindakLanjut', reg, action, INPUTS[action]);
      expect(refused.ok, action).toBe(false);
      expect(refused.message).toBe(TEXT.auditNotEditor(NEWCOMER));
      expect(refused.message).toContain('Siapkan / Perbaiki Sistem');
      expect([register(), audit(), office.emu.mail.outbox.length]).toEqual([registerBefore, auditBefore, mailBefore]);
    }

    // A complaint recorded by a CS officer added the same way is refused too, and no number is used up.
    const cs = 'cs.baru@diskopumkm.tabanankab.go.id';
    const csRow = [...TEAM_ROWS[0]];
    csRow[0] = cs;
    office.emu.setUser(PEOPLE.admin);
    team.getRange(team.getLastRow() + 1, 1, 1, csRow.length).setValues([csRow]);
    const recorded = office.as<{ ok: boolean; message: string }>(cs, 'recordComplaint', {
      channel: 'Surat',
      name: 'Budi',
      nik: '5102014506900003',
      phone: '081234567891',
      subject: 'Tes',
      description: 'Tes',
      privacy: 'biasa',
      ktpSeen: true,
      letterPresent: true,
    });
    expect(recorded).toMatchObject({ ok: false, message: TEXT.auditNotEditor(cs) });
    expect([register(), audit()]).toEqual([registerBefore, auditBefore]);

    office.as(PEOPLE.admin, 'setupSystem');
    const ok = act(office, NEWCOMER, 'tindakLanjut', reg, 'followUp', INPUTS.followUp);
    expect(ok.ok).toBe(true);
    const log = office.sheetValues('Log Audit');
    expect(log.at(-1)?.slice(1, 5)).toEqual([NEWCOMER, 'ANGGOTA', expect.any(String), reg]);
    expect(recordLetter(office)).toMatch(/./);
  });
});

describe('cells stay under 50,000 characters', () => {
  it('40 follow-up notes of 2,000 characters on one complaint: every register cell < 50,000, every note in the audit log', () => {
    const office = openOffice();
    const reg = letterAt(office, 'Ditindaklanjuti');
    for (let i = 1; i <= 40; i++) {
      const note = `Catatan ${i}: ${'tindak lanjut '.repeat(200)}`.slice(0, 2000);
      const r = act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', { note });
      expect(r.ok, r.message).toBe(true);
    }
    const cells = office
      .sheetValues('Register')
      .flat()
      .map((v) => String(v));
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThan(50_000);
    const notes = String(registerRow(office, reg)['Catatan Tindak Lanjut']);
    expect(notes).toContain('Catatan 40:');
    expect(notes).toMatch(/^\[… \d+ catatan lama tidak ditampilkan/);
    const audited = office.sheetValues('Log Audit').filter((r) => r[4] === reg && String(r[7]).startsWith('Catatan '));
    expect(audited).toHaveLength(40);
  });
});

describe('the web app in both outcomes of getActiveSpreadsheet()', () => {
  it('with the bound spreadsheet the status page works; without it a clear Indonesian page, and lookups refuse politely', () => {
    const office = openOffice();
    const reg = recordLetter(office);
    expect(reg).toMatch(/./);
    office.webAppSpreadsheet = 'bound';
    const ok = office.web<{ getContent(): string }>('doGet', getEvent({})).getContent();
    expect(ok).toContain('id="lookup"');
    office.webAppSpreadsheet = 'none';
    const down = office.web<{ getContent(): string; getTitle(): string }>('doGet', getEvent({}));
    expect(down.getContent()).toContain(PUBLIC.webAppUnavailable);
    expect(down.getTitle()).toBe(PUBLIC.statusTitle);
    expect(office.web<{ ok: boolean; message: string }>('checkStatus', reg, 'ABCDEF')).toEqual({
      ok: false,
      message: PUBLIC.unavailable,
    });
  });
});
