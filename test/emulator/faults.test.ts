// The fault injector: the k-th service call of an armed span fails as Google words it (core/faults.ts).
import { describe, expect, it } from 'vitest';
import { createEmulator } from './index';
import { EXCEEDED_TIME, serviceOf } from './core/faults';

type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup() {
  const emu = createEmulator();
  const app = emu.globals.SpreadsheetApp as SS;
  const sheet = app.getActiveSpreadsheet().getSheets()[0];
  return { emu, app, sheet };
}

describe('fault injector', () => {
  it('counts only service calls (not local getters) and fails exactly the k-th with the Spreadsheets wording', () => {
    const { emu, sheet } = setup();
    emu.faults.arm();
    sheet.getRange('A1').setValue('x');
    sheet.getRange('A1').getValue();
    const n = emu.faults.counted();
    expect(n).toBeGreaterThan(0);
    emu.faults.arm({ at: n, kind: 'error' });
    sheet.getRange('A1').setValue('y');
    expect(() => {
      sheet.getRange('A1').getValue();
    }).toThrow(`Exception: Service Spreadsheets failed while accessing document with id ${emu.spreadsheet.getId()}.`);
    // One failure only: the next call works, and what was written before the failure stays.
    expect(sheet.getRange('A1').getValue()).toBe('y');
    expect(emu.faults.fired).toHaveLength(1);
  });

  it("'time' stops the execution: the k-th call and every later one throw until disarmed", () => {
    const { emu, sheet } = setup();
    emu.faults.arm({ at: 1, kind: 'time' });
    expect(() => sheet.getRange('A1').setValue('a')).toThrow(EXCEEDED_TIME);
    expect(() => {
      sheet.getRange('B1').getValue();
    }).toThrow(EXCEEDED_TIME);
    expect(emu.faults.timedOut).toBe(true);
    emu.faults.disarm();
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it("'quota' on MailApp is the daily email quota error; lock calls fail with the lock timeout", () => {
    const emu = createEmulator();
    const mail = emu.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    emu.faults.arm({ at: 1, kind: 'quota' });
    expect(() => mail.sendEmail('a@example.com', 's', 'b')).toThrow(
      'Exception: Service invoked too many times for one day: email.',
    );
    expect(emu.mail.outbox).toHaveLength(0);
    const locks = emu.globals.LockService as GoogleAppsScript.Lock.LockService;
    const lock = locks.getScriptLock();
    emu.faults.arm({ at: 1, kind: 'error' });
    expect(() => lock.tryLock(1000)).toThrow('Exception: Lock timeout: another process was holding the lock');
  });

  it("'interleave' runs another execution before the k-th call, whose calls are not counted", () => {
    const { emu, sheet } = setup();
    let ran = 0;
    emu.faults.arm({
      at: 2,
      kind: 'interleave',
      run: () => {
        ran += 1;
        sheet.getRange('C1').setValue('other');
      },
    });
    sheet.getRange('A1').setValue('1');
    sheet.getRange('A2').setValue('2');
    expect(ran).toBe(1);
    expect(sheet.getRange('C1').getValue()).toBe('other');
    expect(sheet.getRange('A2').getValue()).toBe(2);
  });

  it('names services as Google does', () => {
    expect(serviceOf('Range.getValues')).toBe('Spreadsheets');
    expect(serviceOf('Body.replaceText')).toBe('Documents');
    expect(serviceOf('DriveApp.getFileById')).toBe('Drive');
    expect(serviceOf('MailApp.sendEmail')).toBe('Mail');
  });
});

describe('another execution interleaved at a call boundary', () => {
  it('sees the lock this execution holds as busy, and leaves it held when it ends', () => {
    const emu = createEmulator();
    const locks = emu.globals.LockService as GoogleAppsScript.Lock.LockService;
    const mine = locks.getScriptLock();
    expect(mine.tryLock(1000)).toBe(true);
    const other = emu.lock.asOtherExecution(() => locks.getScriptLock().tryLock(1000));
    expect(other).toBe(false);
    expect(mine.hasLock()).toBe(true);
    mine.releaseLock();
    expect(emu.lock.asOtherExecution(() => locks.getScriptLock().tryLock(1000))).toBe(true);
    expect(emu.lock.holder()).toBeNull();
  });
});
