// Google as it is: form publish state, protections on script writes, cell and grid limits, the execution time limit,
// web-app sessions, the spreadsheet time zone, one lock per execution, and the Spreadsheet methods samples need.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXCEEDED, TOO_MUCH_TIME } from './core/execution';
import { FormSubmissionRefused } from './forms';
import { createEmulator, webAppActiveUser, type EmulatorOptions } from './index';
import { CELL_TOO_LONG } from './sheets/cells';
import { BLOB_TOO_LARGE, MAX_BLOB_BYTES } from './blob';
import { PROTECTED_EDIT } from './sheets/protection';

const dirs: string[] = [];

/** An emulator whose bundle is `code` (a build folder of its own, no manifest). */
function emulatorWith(code: string, options: EmulatorOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dumas-limits-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'Code.js'), code);
  const emu = createEmulator({ buildDir: dir, ...options });
  const bundle = emu.load();
  return { emu, bundle };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Globals = {
  FormApp: GoogleAppsScript.Forms.FormApp;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
};
const globalsOf = (emu: ReturnType<typeof createEmulator>) => emu.globals as unknown as Globals;

describe('blobs: 50 MB', () => {
  it('holds 52,428,800 bytes; one byte more is refused by newBlob, setBytes and setDataFromString', () => {
    const emu = createEmulator();
    const u = emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    expect(u.newBlob('x'.repeat(MAX_BLOB_BYTES)).getDataAsString().length).toBe(MAX_BLOB_BYTES);
    expect(() => u.newBlob('x'.repeat(MAX_BLOB_BYTES + 1))).toThrow(BLOB_TOO_LARGE);
    const small = u.newBlob('a');
    expect(() => small.setDataFromString('y'.repeat(MAX_BLOB_BYTES + 1))).toThrow(BLOB_TOO_LARGE);
    expect(() => small.setBytes(new Array<number>(MAX_BLOB_BYTES + 1).fill(1))).toThrow(BLOB_TOO_LARGE);
  });
});

describe('forms: publish state', () => {
  it('a form created before 30 June 2026 is published; one created after starts unpublished and refuses responses', () => {
    const before = createEmulator({ now: '2026-06-29T12:00:00+08:00' });
    const old = globalsOf(before).FormApp.create('Lama');
    expect([old.isPublished(), old.isAcceptingResponses()]).toEqual([true, true]);

    const emu = createEmulator({ now: '2026-07-01T09:00:00+08:00' });
    const form = globalsOf(emu).FormApp.create('Baru');
    form.addTextItem().setTitle('Nama');
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([false, false]);
    // setAcceptingResponses alone does not publish (Forms API: accepting is forced to false while unpublished).
    form.setAcceptingResponses(true);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(() => emu.forms.submit(form.getId(), { Nama: 'Ayu' })).toThrow(FormSubmissionRefused);
    expect(() => emu.forms.submit(form.getId(), { Nama: 'Ayu' })).toThrow(/not published/);

    form.setPublished(true);
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([true, true]);
    expect(emu.forms.submit(form.getId(), { Nama: 'Ayu' })).toMatch(/./);

    form.setPublished(false);
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([false, false]);
  });

  it('setRequireLogin(true) refuses a respondent who is not signed in to the domain; a domain may default to it', () => {
    const emu = createEmulator({ now: '2026-01-05T09:00:00+08:00' });
    emu.forms.domainRequiresLogin = true;
    const form = globalsOf(emu).FormApp.create('Domain');
    form.addTextItem().setTitle('Nama');
    expect(form.requiresLogin()).toBe(true);
    expect(() => emu.forms.submit(form.getId(), { Nama: 'Ayu' })).toThrow(/sign-in/);
    expect(emu.forms.submit(form.getId(), { Nama: 'Ayu' }, { signedIn: true })).toMatch(/./);
    form.setRequireLogin(false);
    expect(emu.forms.submit(form.getId(), { Nama: 'Budi' })).toMatch(/./);
  });
});

describe('sheets: protections refuse writes by non-editors', () => {
  it('a protected sheet refuses a non-editor: values, appendRow, formats, rows, clear, delete; editors and warning-only pass', () => {
    const emu = createEmulator({ user: 'owner@x.go.id' });
    const ss = emu.spreadsheet;
    const log = ss.insertSheet('Log');
    log.protect().addEditor('member@x.go.id');
    emu.setUser('member@x.go.id');
    log.appendRow(['ok', 'member']);
    emu.setUser('newcomer@x.go.id');
    expect(() => log.appendRow(['no'])).toThrow(PROTECTED_EDIT);
    expect(() => log.getRange('A5').setValue('no')).toThrow(PROTECTED_EDIT);
    expect(() => log.getRange('A5').setNumberFormat('@')).toThrow(PROTECTED_EDIT);
    expect(() => log.insertRowsAfter(1, 2)).toThrow(PROTECTED_EDIT);
    expect(() => log.deleteRow(1)).toThrow(PROTECTED_EDIT);
    expect(() => log.clearContents()).toThrow(PROTECTED_EDIT);
    expect(() => ss.deleteSheet(log)).toThrow(PROTECTED_EDIT);
    // ...nor may they add themselves to the protection.
    expect(() => log.getProtections(SpreadsheetAppProtection.SHEET)[0].addEditor('newcomer@x.go.id')).toThrow(
      PROTECTED_EDIT,
    );
    expect(log.getRange('A1:B1').getValues()).toEqual([['ok', 'member']]);
    expect(log.getLastRow()).toBe(1);
    // Reads are allowed; another sheet is not affected.
    ss.getSheetByName('Sheet1')?.getRange('A1').setValue('bebas');
    // A warning-only protection never refuses.
    emu.setUser('owner@x.go.id');
    log.getProtections(SpreadsheetAppProtection.SHEET)[0].setWarningOnly(true);
    emu.setUser('newcomer@x.go.id');
    log.appendRow(['warned']);
    expect(log.getLastRow()).toBe(2);
  });

  it('a protected range refuses only writes that touch it; unprotected ranges of a sheet protection are free', () => {
    const emu = createEmulator({ user: 'owner@x.go.id' });
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.getRange('A1:A3').protect();
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('C1:C10')]);
    emu.setUser('other@x.go.id');
    expect(() => sheet.getRange('A2:B2').setValues([['x', 'y']])).toThrow(PROTECTED_EDIT);
    expect(() => sheet.getRange('B5').setValue('x')).toThrow(PROTECTED_EDIT);
    sheet.getRange('C4').setValue('boleh');
    expect(sheet.getRange('C4').getValue()).toBe('boleh');
  });
});

const SpreadsheetAppProtection = { SHEET: 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType };

describe('sheets: size limits', () => {
  it('a cell holds at most 50,000 characters: setValue, setValues and appendRow refuse more, and nothing is written', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getSheets()[0];
    const max = 'x'.repeat(50_000);
    sheet.getRange('A1').setValue(max);
    expect(String(sheet.getRange('A1').getValue()).length).toBe(50_000);
    expect(() => sheet.getRange('A2').setValue(max + 'y')).toThrow(CELL_TOO_LONG);
    expect(() => sheet.getRange('A2:B2').setValues([['ok', max + 'y']])).toThrow(CELL_TOO_LONG);
    expect(sheet.getRange('A2').getValue()).toBe('');
    expect(() => sheet.appendRow(['ok', max + 'y'])).toThrow(CELL_TOO_LONG);
    expect(sheet.getLastRow()).toBe(1);
  });

  it('a spreadsheet holds at most 10,000,000 cells, counting every sheet’s whole grid (used or not)', () => {
    const emu = createEmulator();
    const ss = emu.spreadsheet;
    // A default sheet is 1000 × 26 = 26,000 cells: 384 of them make 9,984,000; a 385th would pass the limit.
    for (let i = 0; i < 382; i++) ss.insertSheet(`S${i}`);
    expect(() => ss.insertSheet('Terakhir')).not.toThrow();
    expect(() => ss.insertSheet('Lebih')).toThrow(/above the limit of 10000000 cells/);
    const last = ss.getSheetByName('Terakhir');
    expect(() => last?.insertRowsAfter(1000, 1000)).toThrow(/limit of 10000000 cells/);
    // Trimming a sheet frees room.
    last?.deleteColumns(2, 25);
    expect(() => ss.insertSheet('Lebih')).not.toThrow();
  });
});

describe('the execution time limit (simulated clock)', () => {
  it('stops an execution past 6 minutes, even inside try/catch, and lets the next execution start afresh', () => {
    const { emu, bundle } = emulatorWith(`
      function lama() {
        var n = 0;
        try {
          for (var i = 0; i < 100; i++) { Utilities.sleep(10000); n++; }
        } catch (e) { Logger.log('caught: ' + e.message); }
        SpreadsheetApp.getActiveSheet().getRange('A1').setValue(n);
        return n;
      }
      function singkat() { Utilities.sleep(1000); return 'ok'; }
    `);
    expect(() => bundle.call('lama')).toThrow(EXCEEDED);
    expect(emu.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe(''); // the script did not go on
    expect(bundle.call('singkat')).toBe('ok');
  });

  it('counts the priced cost of service calls, and gives a simple trigger 30 seconds', () => {
    const { emu } = emulatorWith(`
      function onOpen() { for (var i = 0; i < 40; i++) Utilities.sleep(1000); }
    `);
    expect(() => emu.open()).toThrow(EXCEEDED);
  });
});

describe('ARRAYFORMULA is refused with an error value, never a wrong number', () => {
  it('open-ended ranges give #ERROR!, closed ones #NAME? (the function is not emulated)', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('B1').setFormula('=ArrayFormula(A1:A+1)');
    sheet.getRange('C1').setFormula('=ARRAYFORMULA(A1:A2*2)');
    expect(sheet.getRange('B1:C1').getDisplayValues()).toEqual([['#ERROR!', '#NAME?']]);
    expect(sheet.getRange('B2:C2').getValues()).toEqual([['', '']]); // nothing spills
  });
});

describe("triggers' daily runtime quota", () => {
  it('after 90 minutes of trigger runtime in a day the owner’s triggers stop starting, until the next day', () => {
    const { emu, bundle } = emulatorWith(
      `
      function kerja() { Utilities.sleep(240000); Utilities.sleep(60000); }
      function pasang() { ScriptApp.newTrigger('kerja').timeBased().everyMinutes(10).create(); }
    `,
      { now: '2026-12-01T00:00:00+08:00' },
    );
    bundle.call('pasang');
    emu.fireTimeTriggers('2026-12-01T07:00:00+08:00'); // 42 firings of 5 minutes each: 18 fit in 90 minutes
    const failed = emu.triggers.failures.map((f) => f.error);
    expect(emu.triggers.fired.length - failed.length).toBe(18);
    expect(new Set(failed)).toEqual(new Set([TOO_MUCH_TIME]));
    const before = emu.triggers.failures.length;
    emu.fireTimeTriggers('2026-12-02T00:15:00+08:00');
    expect(emu.triggers.failures.slice(before).filter((f) => f.at >= '2026-12-01T16:00')).toEqual([]);
  });
});

describe('the web app', () => {
  const owner = 'admin@diskopumkm.tabanankab.go.id';
  const code = `
    function who() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      return {
        active: Session.getActiveUser().getEmail(),
        effective: Session.getEffectiveUser().getEmail(),
        spreadsheet: ss ? ss.getName() : null,
        documentLock: LockService.getDocumentLock() === null ? 'null' : 'lock',
      };
    }`;

  it('executes as the owner; the active user is empty for anonymous and consumer visitors, shown for the same domain', () => {
    const { emu } = emulatorWith(code, { user: owner });
    const visit = (visitor: string | null, activeSpreadsheet?: 'bound' | 'none') =>
      emu.asWebApp({ visitor, activeSpreadsheet }, (b) => b.call('who'));
    expect(visit(null)).toEqual({ active: '', effective: owner, spreadsheet: null, documentLock: 'null' });
    expect(visit('warga@gmail.com')).toMatchObject({ active: '', effective: owner });
    expect(visit('cs@diskopumkm.tabanankab.go.id')).toMatchObject({ active: 'cs@diskopumkm.tabanankab.go.id' });
    expect(visit(owner, 'bound')).toEqual({
      active: owner,
      effective: owner,
      spreadsheet: 'Dumas',
      documentLock: 'null',
    });
    // Outside the web app everything is as before.
    expect(emu.globals.Session && globalsOf(emu).Session.getEffectiveUser().getEmail()).toBe(owner);
    expect(globalsOf(emu).SpreadsheetApp.getActiveSpreadsheet()?.getName()).toBe('Dumas');
  });

  it('webAppActiveUser: consumer owners never see other accounts', () => {
    expect(webAppActiveUser('me@gmail.com', 'you@gmail.com')).toBe('');
    expect(webAppActiveUser('me@gmail.com', 'me@gmail.com')).toBe('me@gmail.com');
    expect(webAppActiveUser('a@kab.go.id', 'b@kab.go.id')).toBe('b@kab.go.id');
  });
});

describe('spreadsheet time zone, locks, and the methods Google samples use', () => {
  it('changing the spreadsheet time zone keeps the wall time of date cells (the instant moves)', () => {
    const emu = createEmulator({ timeZone: 'Asia/Makassar' });
    const ss = emu.spreadsheet;
    const cell = ss.getSheets()[0].getRange('A1');
    cell.setValue(new Date('2026-12-01T09:00:00+08:00'));
    const shown = cell.getDisplayValue();
    ss.setSpreadsheetTimeZone('Asia/Jakarta');
    expect(cell.getDisplayValue()).toBe(shown);
    expect((cell.getValue() as Date).toISOString()).toBe('2026-12-01T02:00:00.000Z'); // 09:00 WIB
  });

  it('two getScriptLock() objects of one execution are one lock: neither steals it, either releases it', () => {
    const emu = createEmulator();
    const { LockService } = globalsOf(emu);
    const a = LockService.getScriptLock();
    const b = LockService.getScriptLock();
    expect(a.tryLock(100)).toBe(true);
    expect(b.tryLock(100)).toBe(true);
    expect([a.hasLock(), b.hasLock()]).toEqual([true, true]);
    a.releaseLock();
    expect([a.hasLock(), b.hasLock()]).toEqual([false, false]);
    expect(emu.lock.holder()).toBeNull();
  });

  it('Spreadsheet.getFormUrl and Sheet.getFormUrl name the linked form; Spreadsheet.appendRow appends to the active sheet', () => {
    const emu = createEmulator();
    const { FormApp } = globalsOf(emu);
    const ss = emu.spreadsheet;
    expect(ss.getFormUrl()).toBeNull();
    const form = FormApp.create('Permintaan');
    form.addTextItem().setTitle('Nama');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const url = ss.getFormUrl() as string;
    expect(FormApp.openByUrl(url).getId()).toBe(form.getId());
    const responses = ss.getSheets().filter((s) => s.getFormUrl() === url);
    expect(responses.map((s) => s.getName())).toEqual(['Form Responses 1']);
    expect(ss.getSheetByName('Sheet1')?.getFormUrl()).toBeNull();
    ss.setActiveSheet(ss.getSheetByName('Sheet1') as never);
    const sheet = ss.appendRow(['a', 'b']);
    expect(sheet.getName()).toBe('Sheet1');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['a', 'b']]);
  });
});
