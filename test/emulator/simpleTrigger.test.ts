// Tests for the simple-trigger restrictions: onOpen (AuthMode.LIMITED) cannot call services that need authorization.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from './index';

const dirs: string[] = [];

/** An emulator whose bundle is `code` (a build folder of its own, no manifest). */
function emulatorWith(code: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dumas-simple-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'Code.js'), code);
  const emu = createEmulator({ buildDir: dir });
  const bundle = emu.load();
  return { emu, bundle };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('onOpen runs as a simple trigger', () => {
  it('refuses MailApp with Apps Script permission error, and the service works again afterwards', () => {
    const { emu, bundle } = emulatorWith("function onOpen(e) { MailApp.sendEmail('a@example.com', 's', 'b'); }");
    expect(() => emu.open()).toThrow(
      'Exception: You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(emu.mail.outbox).toEqual([]);
    bundle.call('onOpen'); // the same function run from a menu (FULL) may send
    expect(emu.mail.outbox).toHaveLength(1);
  });

  it.each([
    ['DriveApp.getRootFolder()', 'DriveApp.getRootFolder', 'drive'],
    ["DocumentApp.create('x')", 'DocumentApp.create', 'documents'],
    ["FormApp.create('x')", 'FormApp.create', 'forms'],
    ['ScriptApp.getProjectTriggers()', 'ScriptApp.getProjectTriggers', 'script.scriptapp'],
  ])('refuses %s', (call, method, scope) => {
    const { emu } = emulatorWith(`function onOpen(e) { ${call}; }`);
    expect(() => emu.open()).toThrow(
      `You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/${scope}`,
    );
  });

  it('keeps the bound spreadsheet, the UI, properties, the event and enum values', () => {
    const { emu } = emulatorWith(`function onOpen(e) {
      SpreadsheetApp.getActiveSheet().getRange('A1').setValue(e.authMode === ScriptApp.AuthMode.LIMITED ? 'limited' : 'other');
      PropertiesService.getDocumentProperties().setProperty('opened', 'yes');
      SpreadsheetApp.getUi().createMenu('Dumas').addItem('Buka', 'x').addToUi();
    }`);
    emu.open();
    expect(emu.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('limited');
    expect(emu.properties.documentStore.get('opened')).toBe('yes');
    expect(emu.ui.menu('Dumas')?.items).toHaveLength(1);
  });
});
