// Google's own samples, unchanged, in the emulator's loader: what their documentation says they do must happen.
// The files are third-party test data (Apache-2.0), vendored in test/fidelity/samples/ with their hashes.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator';
import { FormSubmissionRefused } from '../emulator/forms';

const SAMPLES = fileURLToPath(new URL('./samples/', import.meta.url));
const EQUIPMENT = join(SAMPLES, 'solutions/automations/equipment-requests');
const TIMESHEETS = join(SAMPLES, 'solutions/automations/timesheets');
const BEFORE_THE_FORMS_CHANGE = '2026-03-02T09:00:00-05:00';
const temp: string[] = [];

afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

describe('the vendored samples are unchanged', () => {
  it('every file has the SHA-256 its README records', () => {
    const table = readFileSync(join(SAMPLES, 'README.md'), 'utf8');
    const rows = [...table.matchAll(/^\| `([^`]+)` \| `([0-9a-f]{64})` \|$/gm)];
    expect(rows.length).toBe(8);
    for (const [, path, hash] of rows)
      expect(
        createHash('sha256')
          .update(readFileSync(join(SAMPLES, path)))
          .digest('hex'),
        path,
      ).toBe(hash);
  });
});

type Globals = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  FormApp: GoogleAppsScript.Forms.FormApp;
};

function sheetNamed(emu: Emulator, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = emu.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

describe('sheets/removingDuplicates/removingDuplicates.gs', () => {
  it('removes duplicate rows from the active sheet, keeping the first of each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sample-dup-'));
    temp.push(dir);
    copyFileSync(join(SAMPLES, 'sheets/removingDuplicates/removingDuplicates.gs'), join(dir, 'Code.js'));
    const emu = createEmulator({ buildDir: dir });
    const bundle = emu.load();
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.getRange(1, 1, 5, 2).setValues([
      ['Nama', 'Kota'],
      ['Ayu', 'Tabanan'],
      ['Budi', 'Denpasar'],
      ['Ayu', 'Tabanan'],
      ['Budi', 'Gianyar'],
    ]);
    bundle.call('removeDuplicates');
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Nama', 'Kota'],
      ['Ayu', 'Tabanan'],
      ['Budi', 'Denpasar'],
      ['Budi', 'Gianyar'],
    ]);
  });
});

describe('solutions/automations/equipment-requests (Code.js and its two templates)', () => {
  function start(now: string) {
    const emu = createEmulator({ buildDir: EQUIPMENT, now, timeZone: 'America/New_York', user: 'it@example.com' });
    const bundle = emu.load();
    // The sample's spreadsheet template has these two sheets; a user copies it before running Set up.
    emu.spreadsheet
      .insertSheet('Pending requests')
      .appendRow(['Status', 'Notes', 'Due date', 'Name', 'Desk', 'Equipment', 'Email']);
    emu.spreadsheet
      .insertSheet('Completed requests')
      .appendRow(['Status', 'Notes', 'Due date', 'Name', 'Desk', 'Equipment', 'Email']);
    bundle.call('setup_');
    const formUrl = emu.spreadsheet.getFormUrl();
    if (!formUrl) throw new Error('setup made no form');
    const form = (emu.globals as unknown as Globals).FormApp.openByUrl(formUrl);
    return { emu, bundle, form };
  }
  const REQUEST = {
    'Employee name': 'Ni Luh Sari',
    'Desk location': 'Lantai 2, meja 14',
    'Due date': '2026-03-16',
    Laptop: '13" lightweight laptop (Windows)',
    Monitor: 'Dual 24"',
  };

  it('Set up makes the linked form, hides its responses sheet, installs the submit and 5-minute triggers', () => {
    const { emu, form } = start(BEFORE_THE_FORMS_CHANGE);
    expect(form.getTitle()).toBe('Equipment Requests');
    expect(form.getItems().map((i) => i.getTitle())).toEqual([
      'Employee name',
      'Desk location',
      'Due date',
      'Laptop',
      'Desktop',
      'Monitor',
    ]);
    const responses = emu.spreadsheet.getSheets().filter((s) => s.getFormUrl() === emu.spreadsheet.getFormUrl());
    expect(responses.map((s) => s.isSheetHidden())).toEqual([true]);
    expect(
      emu.triggers
        .triggers()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['onFormSubmit_', 'processCompletedItems_']);
  });

  it('a request emails the intake address and lands in "Pending requests"; completing it archives it and tells the requester', () => {
    const { emu, form } = start(BEFORE_THE_FORMS_CHANGE);
    emu.forms.submit(form.getId(), REQUEST, { email: 'sari@example.com' });
    expect(emu.triggers.failures).toEqual([]);
    const notice = emu.mail.outbox.at(-1);
    expect(notice).toMatchObject({ to: 'request_intake@example.com', subject: 'New equipment request' });
    expect(notice?.htmlBody).toContain('A new equipment request has been made by sari@example.com.');
    expect(notice?.htmlBody).toContain('Employee name: Ni Luh Sari');
    const pending = sheetNamed(emu, 'Pending requests');
    const row = pending.getRange(2, 1, 1, 7).getValues()[0];
    expect([row[0], row[3], row[4], row[6]]).toEqual(['New', 'Ni Luh Sari', 'Lantai 2, meja 14', 'sari@example.com']);
    expect(String(row[5])).toContain('Dual 24"');

    pending.getRange(2, 1).setValue('Completed');
    emu.fireTimeTriggers(new Date(emu.clock.now() + 5 * 60 * 1000));
    expect(emu.triggers.failures).toEqual([]);
    expect(pending.getLastRow()).toBe(1);
    const done = sheetNamed(emu, 'Completed requests').getRange(2, 1, 1, 7).getValues()[0];
    expect([done[0], done[3], done[6]]).toEqual(['Completed', 'Ni Luh Sari', 'sari@example.com']);
    const completed = emu.mail.outbox.at(-1);
    expect(completed).toMatchObject({ to: 'sari@example.com', subject: 'Equipment request completed' });
    expect(completed?.htmlBody).toContain('Desk location name: Lantai 2, meja 14');
  });

  it('Clean up removes every trigger and closes the form', () => {
    const { emu, bundle, form } = start(BEFORE_THE_FORMS_CHANGE);
    bundle.call('cleanup_');
    expect(emu.triggers.triggers()).toEqual([]);
    expect(form.isAcceptingResponses()).toBe(false);
  });

  it('set up after 30 June 2026, unchanged, its form stays unpublished and refuses every request (Google’s Forms change)', () => {
    const { emu, form } = start('2026-11-30T09:00:00-05:00');
    expect(form.isPublished()).toBe(false);
    expect(() => emu.forms.submit(form.getId(), REQUEST, { email: 'sari@example.com' })).toThrow(FormSubmissionRefused);
    expect(emu.mail.outbox).toEqual([]);
  });
});

describe('solutions/automations/timesheets/Code.js', () => {
  function start() {
    const emu = createEmulator({ buildDir: TIMESHEETS, now: BEFORE_THE_FORMS_CHANGE, timeZone: 'America/New_York' });
    return { emu, bundle: emu.load() };
  }

  it('Form setup links a "Weekly Timesheets" form and installs its submit trigger; a second setup only alerts', () => {
    const { emu, bundle } = start();
    bundle.call('setUpForm');
    const url = emu.spreadsheet.getFormUrl() as string;
    const form = (emu.globals as unknown as Globals).FormApp.openByUrl(url);
    expect(form.getTitle()).toBe('Weekly Timesheets');
    expect(form.collectsEmail()).toBe(true);
    expect(form.getItems()).toHaveLength(7);
    expect(emu.triggers.triggers().map((t) => t.handler)).toEqual(['onFormSubmit']);
    bundle.call('setUpForm');
    expect(emu.ui.alerts.at(-1)?.message).toBe('Form already exists. Unlink the form and try again.');
    expect(emu.triggers.triggers()).toHaveLength(1);
  });

  it('a submitted timesheet is appended as a "New" row of the active sheet (Spreadsheet.appendRow)', () => {
    const { emu, bundle } = start();
    bundle.call('setUpForm');
    const form = (emu.globals as unknown as Globals).FormApp.openByUrl(emu.spreadsheet.getFormUrl() as string);
    const active = emu.spreadsheet.getActiveSheet();
    const before = active.getLastRow();
    const hours = {
      'Monday Hours:': '8',
      'Tuesday Hours:': '8',
      'Wednesday Hours:': '7',
      'Thursday Hours:': '8',
      'Friday Hours:': '6',
    };
    emu.forms.submit(
      form.getId(),
      { 'Employee Name:': 'Made', ...hours, 'HourlyWage:': '20' },
      { email: 'made@example.com' },
    );
    expect(emu.triggers.failures).toEqual([]);
    const row = active.getRange(active.getLastRow(), 1, 1, 10).getValues()[0];
    expect(active.getLastRow()).toBeGreaterThan(before);
    // The sample reads "Emoloyee Email:" and "Hourly Wage:", titles its form does not have: those cells stay empty.
    expect(row).toEqual(['New', '', '', 'Made', 8, 8, 7, 8, 6, '']);
  });

  it('Notify employees mails APPROVED and NOT APPROVED rows once and marks them NOTIFIED; IN PROGRESS waits', () => {
    const { emu, bundle } = start();
    const sheet = emu.spreadsheet.getSheets()[0];
    const header = [
      'Timestamp',
      'Email',
      'Name',
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Wage',
      'TOTAL HOURS',
      'WEEKLY PAY',
      'APPROVAL',
      'NOTIFIED STATUS',
    ];
    sheet
      .getRange(1, 1, 4, 13)
      .setValues([
        header,
        ['', 'a@example.com', 'A', 8, 8, 8, 8, 8, 20, '', '', 'APPROVED', 'PENDING'],
        ['', 'b@example.com', 'B', 8, 8, 8, 8, 8, 20, '', '', 'NOT APPROVED', 'PENDING'],
        ['', 'c@example.com', 'C', 8, 8, 8, 8, 8, 20, '', '', 'IN PROGRESS', 'PENDING'],
      ]);
    sheet.setFrozenRows(1);
    bundle.call('checkApprovedStatusToNotify');
    expect(emu.mail.outbox.map((m) => [m.to, m.subject])).toEqual([
      ['a@example.com', 'Weekly Timesheet APPROVED'],
      ['b@example.com', 'Weekly Timesheet NOT APPROVED'],
    ]);
    expect(sheet.getRange(2, 13, 3, 1).getValues().flat()).toEqual(['NOTIFIED', 'NOTIFIED', 'PENDING']);
    bundle.call('checkApprovedStatusToNotify');
    expect(emu.mail.outbox).toHaveLength(2);
  });

  it('Column setup: ARRAYFORMULA is not emulated and says so in the cell (a clear refusal, not a wrong number)', () => {
    const { emu, bundle } = start();
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.getRange(1, 1, 2, 9).setValues([
      ['Timestamp', 'Email', 'Name', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Wage'],
      ['', 'a@example.com', 'A', 8, 8, 8, 8, 8, 20],
    ]);
    sheet.setFrozenRows(1);
    bundle.call('columnSetup');
    const peek = emu.sheets.peek(sheet, 'J2:K2');
    expect(peek.formulas[0]).toEqual(['=ArrayFormula(D2:D+E2:E+F2:F+G2:G+H2:H)', '=ArrayFormula(I2:I * J2:J)']);
    expect(peek.display[0]).toEqual(['#ERROR!', '#ERROR!']);
    expect(emu.sheets.peek(sheet, 'L1:M2').values).toEqual([
      ['APPROVAL', 'NOTIFIED STATUS'],
      ['IN PROGRESS', 'PENDING'],
    ]);
  });
});
