// The latency model replays each published measurement of real Apps Script it is calibrated on (sources in
// test/emulator/README.md): the emulated calls of the measured script, priced, land on the measured time.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './context';
import { CALIBRATED_LATENCY } from './calls';
import { createSpreadsheetApp } from '../sheets';
import { createUi } from '../ui';
import { createDocumentApp } from '../docs';
import { createDriveApp } from '../drive';
import { createMailApp } from '../mail';
import { createPropertiesService } from '../properties';
import { createCacheService } from '../cache';
import { createUtilities } from '../utilities';

function sheetSetup(rows = 1000, columns = 26) {
  const ctx = new EmuContext();
  const app = createSpreadsheetApp(ctx, createUi(ctx));
  const ss = app.control.createBound('Bench');
  const sheet = ss.getSheets()[0];
  if (rows > 1000) sheet.insertRowsAfter(1000, rows - 1000);
  if (columns > 26) sheet.insertColumnsAfter(26, columns - 26);
  return { ctx, sheet, SpreadsheetApp: app.global };
}

/** Within ±10% of the measured figure, and never more than 10% kinder. */
function expectNear(simulatedMs: number, measuredMs: number): void {
  expect(simulatedMs).toBeGreaterThanOrEqual(measuredMs * 0.9);
  expect(simulatedMs).toBeLessThanOrEqual(measuredMs * 1.1);
}

describe('the calibrated latency model replays the published measurements', () => {
  it('1,000 getValue with no write between: 3.06 s', () => {
    const { ctx, sheet } = sheetSetup();
    sheet.getRange(1, 1, 1000, 1).setValues(Array.from({ length: 1000 }, (_, i) => [i]));
    const m = ctx.calls.measure(() => {
      for (let i = 1; i <= 1000; i++) sheet.getRange(i, 1).getValue();
    });
    expect(m.calls).toBe(1000);
    expectNear(m.simulatedMs, 3064);
  });

  it('1,000 getLastRow in a loop condition: 160 s', () => {
    const { ctx, sheet } = sheetSetup();
    sheet.getRange(1000, 1).setValue('x');
    const m = ctx.calls.measure(() => {
      for (let i = 0; i < sheet.getLastRow(); i++) {
        /* the measured loop only logs */
      }
    });
    expect(m.calls).toBe(1001);
    expectNear(m.simulatedMs, 160_377);
  });

  it('getValues of 120,000 × 2 text cells: 7.38 s', () => {
    const { ctx, sheet } = sheetSetup(120_000, 2);
    const m = ctx.calls.measure(() => sheet.getRange(1, 1, 120_000, 2).getValues());
    expect(m.calls).toBe(1);
    expectNear(m.simulatedMs, 7380);
  });

  it('100 × 100 cells written one setValue at a time ~70 s, in one setValues ~1 s', () => {
    const { ctx, sheet } = sheetSetup(100, 100);
    const oneByOne = ctx.calls.measure(() => {
      for (let r = 1; r <= 100; r++) for (let c = 1; c <= 100; c++) sheet.getRange(r, c).setValue(r * c);
    });
    expectNear(oneByOne.simulatedMs, 70_000);
    const batch = ctx.calls.measure(() =>
      sheet
        .getRange(1, 1, 100, 100)
        .setValues(Array.from({ length: 100 }, (_, r) => Array.from({ length: 100 }, (_, c) => r + c))),
    );
    // ~1 s, plus the flush that sends the batch at the end of the execution.
    expectNear(batch.simulatedMs, 1000 + CALIBRATED_LATENCY.flush);
  });

  it('100 rows × (2 getValue + 1 setValue), alternating: 24.1 s (≈ 80 ms a call)', () => {
    const { ctx, sheet } = sheetSetup();
    sheet.getRange(1, 1, 100, 2).setValues(Array.from({ length: 100 }, (_, i) => [i, i * 2]));
    const m = ctx.calls.measure(() => {
      for (let r = 1; r <= 100; r++) {
        const a = Number(sheet.getRange(r, 1).getValue());
        const b = Number(sheet.getRange(r, 2).getValue());
        sheet.getRange(r, 3).setValue(a + b);
      }
    });
    expect(m.calls).toBe(300);
    expectNear(m.simulatedMs, 24_100);
    expectNear(m.simulatedMs / m.calls, 80);
  });

  it('reads before any write are cheap; the first read after a write pays the flush, once', () => {
    const { ctx, sheet, SpreadsheetApp } = sheetSetup();
    const reads = ctx.calls.measure(() => {
      sheet.getRange(1, 1).getValue();
      sheet.getRange(2, 1).getValue();
    });
    expect(reads.simulatedMs).toBeCloseTo(2 * 3.03);
    const mixed = ctx.calls.measure(() => {
      sheet.getRange(1, 1).setValue(1);
      sheet.getRange(2, 1).setValue(2); // queued with the first
      sheet.getRange(1, 1).getValue(); // sends both: one flush
      sheet.getRange(2, 1).getValue();
    });
    expect(mixed.simulatedMs).toBeCloseTo(2 * 7.1 + 3.03 + CALIBRATED_LATENCY.flush + 3.03);
    const explicit = ctx.calls.measure(() => {
      sheet.getRange(1, 1).setValue(3);
      SpreadsheetApp.flush();
      sheet.getRange(1, 1).getValue();
    });
    expect(explicit.simulatedMs).toBeCloseTo(7.1 + 3 + CALIBRATED_LATENCY.flush + 3.03);
  });

  it('an execution ends by sending its queued writes', () => {
    const { ctx, sheet } = sheetSetup();
    ctx.calls.reset();
    ctx.calls.beginExecution();
    sheet.getRange(1, 1).setValue(1);
    ctx.calls.endExecution();
    expect(ctx.calls.simulatedMs()).toBeCloseTo(7.1 + CALIBRATED_LATENCY.flush);
    // The next execution starts with nothing queued.
    ctx.calls.reset();
    ctx.calls.beginExecution();
    sheet.getRange(1, 1).getValue();
    ctx.calls.endExecution();
    expect(ctx.calls.simulatedMs()).toBeCloseTo(3.03);
  });

  it('a 100 KB message ~1.2 s to send; a short one ~1 s', () => {
    const ctx = new EmuContext();
    const { global: MailApp } = createMailApp(ctx);
    const { global: Utilities } = createUtilities(ctx);
    const short = ctx.calls.measure(() => MailApp.sendEmail('warga@example.com', 'Tanda terima', 'Diterima.'));
    expectNear(short.simulatedMs, 1000);
    const attachment = Utilities.newBlob('x'.repeat(100 * 1000), 'application/pdf', 'surat.pdf');
    const big = ctx.calls.measure(() =>
      MailApp.sendEmail('warga@example.com', 'Surat', 'Terlampir.', { attachments: [attachment] }),
    );
    expectNear(big.simulatedMs, 1200);
  });

  it('Script Properties get 30 ms, set 62 ms; Cache get 3 ms, put 93 ms', () => {
    const ctx = new EmuContext();
    const props = createPropertiesService(ctx).global.getScriptProperties();
    const cache = createCacheService(ctx).global.getScriptCache();
    expect(ctx.calls.measure(() => props.setProperty('k', 'v')).simulatedMs).toBe(62);
    expect(ctx.calls.measure(() => props.getProperty('k')).simulatedMs).toBe(30);
    expect(ctx.calls.measure(() => cache?.put('k', 'v')).simulatedMs).toBe(93);
    expect(ctx.calls.measure(() => cache?.get('k')).simulatedMs).toBe(3);
  });

  it('copy a Doc, merge 10 fields, export the PDF (Autocrat-style): 3.4–4.1 s a document', () => {
    const ctx = new EmuContext();
    const { global: DriveApp } = createDriveApp(ctx);
    const { global: DocumentApp } = createDocumentApp(ctx);
    const template = DocumentApp.create('Template');
    template.getBody().setText(Array.from({ length: 10 }, (_, i) => `{{field${i}}}`).join(' '));
    template.saveAndClose();
    const folder = DriveApp.createFolder('Out');
    const m = ctx.calls.measure(() => {
      const copy = DriveApp.getFileById(template.getId()).makeCopy('Merged', folder);
      const doc = DocumentApp.openById(copy.getId());
      const body = doc.getBody();
      for (let i = 0; i < 10; i++) body.replaceText(`\\{\\{field${i}\\}\\}`, `value ${i}`);
      doc.saveAndClose();
      folder.createFile(copy.getAs('application/pdf'));
    });
    expect(m.simulatedMs).toBeGreaterThanOrEqual(3400);
    expect(m.simulatedMs).toBeLessThanOrEqual(4100);
  });
});
