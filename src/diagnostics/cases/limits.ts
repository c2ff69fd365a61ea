// Cases for Google's limits and state the add-on must survive: form publish state, cell and grid limits, protections
// on script writes, the spreadsheet time zone. Each also has an emulator unit test (test/emulator/googleLimits.test.ts).
import { thrownBy } from '../observe';
import type { DiagnosticCase } from '../types';

const REF = 'https://developers.google.com/apps-script/reference';
const FORMS_CHANGES = 'https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms';
const SHEETS_LIMITS = 'https://support.google.com/drive/answer/37603 (files you can store in Google Drive: Sheets)';
/** Forms changes guide: forms created after 30 June 2026 start unpublished (the emulator starts the rule on 30 June, UTC). */
const UNPUBLISHED_FROM = Date.UTC(2026, 5, 30);

export const LIMIT_CASES: readonly DiagnosticCase[] = [
  {
    id: 'blob.size-limit',
    title: 'A Blob holds 50 MB (52,428,800 bytes); one byte more is refused (what an attachment upload rests on)',
    source:
      'unverified: the Blob limit as reported in github.com/tanaikech/DownloadLargeFilesByUrl ("only files less than 50 MB (52,428,800 bytes) can be created, because of the size limitation of Blob"); the error wording is not compared',
    expected: { atLimit: 52428800, overThrows: true },
    run: (s) => {
      const u = s.services.Utilities;
      const atLimit = u.newBlob('x'.repeat(52_428_800)).getDataAsString().length;
      const over = thrownBy(() => u.newBlob('x'.repeat(52_428_801)));
      return { atLimit, overThrows: over !== null };
    },
  },
  {
    id: 'forms.publish-state',
    title:
      'A new form is unpublished from 30 June 2026 (published before); setPublished(true) opens it, false closes it',
    source: `${FORMS_CHANGES} and ${REF}/forms/form (setPublished, isPublished, isAcceptingResponses)`,
    expected: {
      newFormFollowsTheDateRule: true,
      acceptingWhileUnpublished: false,
      published: [true, true],
      unpublished: [false, false],
      requiresLoginAfterFalse: false,
    },
    run: (s) => {
      const form = s.newForm('Dumas — diagnostik formulir');
      const createdUnpublished = !form.isPublished();
      const newFormFollowsTheDateRule = createdUnpublished === Date.now() >= UNPUBLISHED_FROM;
      const acceptingWhileUnpublished = createdUnpublished ? form.isAcceptingResponses() : false;
      form.setPublished(true);
      const published = [form.isPublished(), form.isAcceptingResponses()];
      form.setPublished(false);
      const unpublished = [form.isPublished(), form.isAcceptingResponses()];
      form.setRequireLogin(false);
      return {
        newFormFollowsTheDateRule,
        acceptingWhileUnpublished,
        published,
        unpublished,
        requiresLoginAfterFalse: form.requiresLogin(),
      };
    },
  },
  {
    id: 'sheets.cell-limit',
    title: 'A cell takes 50,000 characters; 50,001 are refused with Sheets’ message and nothing is written',
    source: SHEETS_LIMITS,
    expected: {
      max: 50000,
      over: { error: 'Exception: Your input contains more than the maximum of 50000 characters in a single cell.' },
      afterRefusal: '',
    },
    run: (s) => {
      const [a, b] = [s.block(1, 1, 'text'), s.block(1, 1, 'text')];
      a.setValue('x'.repeat(50_000));
      const over = thrownBy(() => b.setValue('y'.repeat(50_001)));
      return { max: String(a.getValue()).length, over, afterRefusal: b.getValue() as string };
    },
  },
  {
    id: 'sheets.grid-limit',
    title: 'Growing a sheet past 10,000,000 cells (whole grids of every sheet) is refused',
    source: `${SHEETS_LIMITS}; message unverified`,
    expected: {
      error:
        'Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    },
    run: (s) => thrownBy(() => s.sheet.insertRowsAfter(1, 10_000_000)),
  },
  {
    id: 'sheets.columns.move-and-hide',
    title:
      'moveColumns puts the columns before the destination counted before the move; a hidden column reads and writes',
    source: `${REF}/spreadsheet/sheet (moveColumns example: A:B moved to 5 become C:D; hideColumns; isColumnHiddenByUser)`,
    expected: { afterMove: ['b', 'c', 'a'], hidden: true, readHidden: 'b', writtenHidden: 'x', shownAgain: false },
    run: (s) => {
      const block = s.block(1, 3, 'text');
      block.setValues([['a', 'b', 'c']]);
      const col = block.getColumn();
      s.sheet.moveColumns(block.offset(0, 0, 1, 1), col + 3);
      const afterMove = block.getValues()[0].map(String);
      s.sheet.hideColumns(col);
      const hidden = s.sheet.isColumnHiddenByUser(col);
      const cell = block.offset(0, 0, 1, 1);
      const readHidden = String(cell.getValue());
      cell.setValue('x');
      const writtenHidden = String(cell.getValue());
      s.sheet.showColumns(col);
      return { afterMove, hidden, readHidden, writtenHidden, shownAgain: s.sheet.isColumnHiddenByUser(col) };
    },
  },
  {
    id: 'sheets.protection.non-editor-write',
    title: 'A protected sheet refuses a script write by a user who is not one of its editors',
    source: `${REF}/spreadsheet/protection (message unverified)`,
    needs: 'another-user',
    expected: {
      error:
        'Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    },
    run: (s) => {
      const write = s.provided as () => void;
      return thrownBy(write);
    },
  },
  {
    id: 'sheets.timezone.keeps-wall-time',
    title: 'Changing the spreadsheet time zone keeps what a date cell shows (the instant moves), as Sheets does',
    source: `${REF}/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String) (unverified: Sheets keeps the serial number)`,
    expected: { sameDisplay: true, shiftHours: 1 },
    run: (s) => {
      const ss = s.services.SpreadsheetApp.getActiveSpreadsheet();
      const zone = ss.getSpreadsheetTimeZone();
      const cell = s.block(1, 1, 'general');
      cell.setNumberFormat('yyyy-mm-dd hh:mm').setValue(new Date(Date.UTC(2026, 11, 1, 1, 0, 0)));
      const before = { shown: cell.getDisplayValue(), at: (cell.getValue() as Date).getTime() };
      const other = zone === 'Asia/Jakarta' ? 'Asia/Makassar' : 'Asia/Jakarta';
      try {
        ss.setSpreadsheetTimeZone(other);
        const after = { shown: cell.getDisplayValue(), at: (cell.getValue() as Date).getTime() };
        const hours = Math.round((after.at - before.at) / 3_600_000);
        return { sameDisplay: after.shown === before.shown, shiftHours: Math.abs(hours) };
      } finally {
        ss.setSpreadsheetTimeZone(zone);
      }
    },
  },
];
