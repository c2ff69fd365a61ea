// The diagnostic end to end through the built bundle: administrator only, every case passes in the emulator,
// the scratch sheet and files are gone afterwards, the register and mail are untouched. Needs a fresh build.
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../../src/diagnostics/cases';
import { RESULTS_SHEET } from '../../src/diagnostics/resultsSheet';
import { refusalFor } from '../../src/domain/permissions';
import { SCRATCH_FOLDER, SCRATCH_SHEET } from '../../src/diagnostics/scratch';
import { DIAGNOSTICS_MENU, DIAGNOSTICS_TEXT, RESULT_HEADERS, STATUS_TEXT } from '../../src/messages/diagnostics';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { parseRecord, toCsv } from './record';

function snapshot(office: Office): Record<string, string> {
  return Object.fromEntries(
    office.emu.spreadsheet
      .getSheets()
      .filter((s) => s.getName() !== RESULTS_SHEET)
      .map((s) => [s.getName(), JSON.stringify(office.emu.sheets.peek(s))]),
  );
}

describe('Dumas → Diagnostik Emulator through the built bundle', () => {
  let office: Office;
  let before: Record<string, string>;
  let filesBefore: string[];
  let measured: { calls: number; simulatedMs: number; counts: Record<string, number> };

  beforeAll(() => {
    office = openOffice();
    before = snapshot(office);
    filesBefore = office.emu.drive
      .files()
      .filter((f) => !f.trashed)
      .map((f) => f.id)
      .sort();
    office.emu.setUser(PEOPLE.admin);
    measured = office.emu.calls.measure(() => office.bundle.call('runDiagnostics'));
  });

  it('is in the administrator menu only', () => {
    const menuOf = (email: string) => {
      office.emu.setUser(email);
      office.emu.open();
      return office.emu.ui.menu('Dumas')?.items.map((i) => ('caption' in i ? i.caption : '—'));
    };
    expect(menuOf(PEOPLE.admin)).toContain(DIAGNOSTICS_MENU);
    for (const who of [PEOPLE.cs, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi])
      expect(menuOf(who)).not.toContain(DIAGNOSTICS_MENU);
  });

  it('writes one row per case: every case that can run in one execution passes; those that cannot, or belong to the web app, are skipped', () => {
    const sheet = office.emu.spreadsheet.getSheetByName(RESULTS_SHEET);
    expect(sheet).not.toBeNull();
    const rows = office.emu.sheets.peek(sheet!).display;
    expect(rows[0]).toEqual([...RESULT_HEADERS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(CASES.map((c) => c.id));
    const status = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[4]]));
    const skipped = (c: (typeof CASES)[number]) => Boolean(c.needs) || c.runsIn === 'web-app';
    for (const c of CASES) expect(status[c.id], c.id).toBe(skipped(c) ? STATUS_TEXT.skip : STATUS_TEXT.pass);
    expect(CASES.filter((c) => c.needs).map((c) => c.id)).toEqual([
      'lock.busy',
      'forms.submit-event-shape',
      'sheets.protection.non-editor-write',
      ...CASES.filter((c) => c.needs === 'script-projects').map((c) => c.id),
    ]);
    expect(CASES.filter((c) => c.needs === 'script-projects')).toHaveLength(11);
    const n = CASES.filter(skipped).length;
    expect(office.emu.ui.alerts.at(-1)?.message).toBe(
      DIAGNOSTICS_TEXT.done(CASES.length - n, 0, n, RESULTS_SHEET) + DIAGNOSTICS_TEXT.webNoUrl,
    );
  });

  it('stores expected and observed exactly (plain-text cells): the CSV export reads back as the same JSON', () => {
    const sheet = office.emu.spreadsheet.getSheetByName(RESULTS_SHEET)!;
    const { display, formats } = office.emu.sheets.peek(sheet);
    expect(formats.flat().every((f) => f === '@')).toBe(true);
    const record = parseRecord('export.csv', toCsv(display));
    const equals = record.rows.find((r) => r.id === 'sheets.write.text.leading-equals');
    expect(JSON.parse(equals!.observed)).toEqual({
      appendRow: { display: '=1+1', value: '=1+1' },
      setValue: { display: '=1+1', value: '=1+1' },
      setValues: { display: '=1+1', value: '=1+1' },
    });
  });

  it('cleans up: no scratch sheet, every file it created is trashed, the register and other sheets are unchanged, no mail', () => {
    expect(office.emu.spreadsheet.getSheetByName(SCRATCH_SHEET)).toBeNull();
    const live = office.emu.drive
      .files()
      .filter((f) => !f.trashed)
      .map((f) => f.id)
      .sort();
    expect(live).toEqual(filesBefore);
    expect(
      office.emu.drive
        .files()
        .filter((f) => f.name === SCRATCH_FOLDER)
        .every((f) => f.trashed),
    ).toBe(true);
    expect(snapshot(office)).toEqual(before);
    expect(office.emu.mail.outbox).toHaveLength(0);
    expect(office.emu.lock.holder()).toBeNull();
  });

  it('costs a bounded number of service calls (measured: stated in the report)', () => {
    // Sheet cases write and read single cells on purpose (that is the behaviour under test); the cost is fixed by the case list.
    expect(measured.counts['SpreadsheetApp.create'] ?? 0).toBe(0);
    expect(measured.counts['DocumentApp.create']).toBe(2);
    expect(measured.counts['FormApp.create']).toBe(2);
    expect(measured.counts['MailApp.sendEmail'] ?? 0).toBe(0);
    expect(measured.calls).toBeLessThanOrEqual(470); // 408 when written: 262 Range, 26 Sheet, 34 Body, 11 DriveApp…; 460 with the column move case
    expect(measured.simulatedMs).toBeLessThan(60_000); // ~9 s simulated, far inside the 6-minute execution limit
  });

  it('refuses anyone but the administrator, without creating scratch or results', () => {
    const other = openOffice();
    const sheetsBefore = other.emu.spreadsheet.getSheets().map((s) => s.getName());
    const files = other.emu.drive.files().length;
    other.as(PEOPLE.ketua, 'runDiagnostics');
    expect(other.emu.ui.alerts.at(-1)?.message).toBe(refusalFor('diagnostics', 'KETUA'));
    other.as(PEOPLE.stranger, 'runDiagnostics');
    expect(other.emu.ui.alerts.at(-1)?.message).toContain('belum terdaftar');
    expect(other.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
    expect(other.emu.drive.files()).toHaveLength(files);
  });

  it('a second run replaces the results instead of appending', () => {
    office.as(PEOPLE.admin, 'runDiagnostics');
    const sheet = office.emu.spreadsheet.getSheetByName(RESULTS_SHEET)!;
    expect(sheet.getLastRow()).toBe(CASES.length + 1);
    expect(office.emu.spreadsheet.getSheets().filter((s) => s.getName() === RESULTS_SHEET)).toHaveLength(1);
  });
});

describe("the web app's Administrator-only diagnostics page through the built bundle", () => {
  const URL_KEY = 'url_halaman_status';
  const EXEC = 'https://script.google.com/macros/s/AKfycbDUMAS/exec';

  function linksAfterMenuRun(office: Office): { signedIn: string; anonymous: string } {
    office.emu.setUser(PEOPLE.admin);
    const sheet = office.emu.spreadsheet.getSheetByName('Pengaturan')!;
    const rows = sheet.getDataRange().getValues();
    sheet.getRange(rows.findIndex((r) => r[0] === URL_KEY) + 1, 2).setValue(EXEC);
    office.as(PEOPLE.admin, 'runDiagnostics');
    const links = [...(office.emu.ui.alerts.at(-1)?.message ?? '').matchAll(/https:\/\/\S+halaman=diagnostik\S+/g)];
    expect(links).toHaveLength(2);
    return { signedIn: links[0][0], anonymous: links[1][0] };
  }
  const page = (office: Office, link: string) => {
    const params = Object.fromEntries(new URL(link).searchParams.entries());
    return office
      .web<{ getContent(): string }>('doGet', { parameter: params, parameters: {}, queryString: '' })
      .getContent();
  };
  const rowsOf = (html: string) =>
    [...html.matchAll(/<tr><td>([^<]+)<\/td>(?:<td>[^<]*<\/td>){3}<td>([A-Z]+)<\/td>/g)].map((m) => [m[1], m[2]]);

  it('runs the web-app cases for a live token: all pass in the emulator (getActiveSpreadsheet null)', () => {
    const office = openOffice();
    const links = linksAfterMenuRun(office);
    office.webAppSpreadsheet = 'none';
    const web = CASES.filter((c) => c.runsIn === 'web-app').map((c) => c.id);
    expect(rowsOf(page(office, links.signedIn))).toEqual(
      web.filter((id) => id !== 'webapp.active-user-anonymous').map((id) => [id, STATUS_TEXT.pass]),
    );
    expect(rowsOf(page(office, links.anonymous))).toEqual([['webapp.active-user-anonymous', STATUS_TEXT.pass]]);
  });

  it('if Google did give the web app the spreadsheet, the case would say so (GAGAL) and the emulator must follow', () => {
    const office = openOffice();
    const links = linksAfterMenuRun(office);
    office.webAppSpreadsheet = 'bound';
    expect(rowsOf(page(office, links.signedIn))).toContainEqual(['webapp.active-spreadsheet', STATUS_TEXT.fail]);
  });

  it('refuses a missing, forged or expired token with a plain page and runs nothing', () => {
    const office = openOffice();
    const links = linksAfterMenuRun(office);
    const forged = links.signedIn.replace(/t=[^&]+/, 't=palsu');
    for (const link of [`${EXEC}?halaman=diagnostik`, forged]) {
      const html = page(office, link);
      expect(html).toContain(DIAGNOSTICS_TEXT.webLinkInvalid);
      expect(rowsOf(html)).toEqual([]);
    }
    office.emu.clock.advance(15 * 60 * 1000 + 1000);
    expect(page(office, links.signedIn)).toContain(DIAGNOSTICS_TEXT.webLinkInvalid);
  });
});
