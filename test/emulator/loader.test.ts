// The loader: build/Code.js runs as a classic script in a context holding only the emulated services.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from './index';
import { DEFAULT_BUILD_DIR } from './loader';

const CODE = join(DEFAULT_BUILD_DIR, 'Code.js');

beforeAll(() => {
  if (!existsSync(CODE))
    execFileSync('node', ['scripts/build.mjs'], { cwd: join(DEFAULT_BUILD_DIR, '..'), stdio: 'inherit' });
});

describe('the bundle as Apps Script sees it', () => {
  it('is a classic script with no import/export statement', () => {
    const code = readFileSync(CODE, 'utf8');
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
    expect(code.match(/^\s*(import|export)\b/m)).toBeNull();
  });

  it('every entry point is a top-level function of a fresh context', () => {
    const code = readFileSync(CODE, 'utf8');
    const declared = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    const emu = createEmulator();
    const bundle = emu.load();
    expect(declared.length).toBeGreaterThan(0);
    expect(bundle.entryPoints()).toEqual(declared);
    for (const name of declared) expect(typeof (bundle.context as Record<string, unknown>)[name]).toBe('function');
    expect(bundle.entryPoints()).toContain('onOpen');
  });

  it('has none of the globals Apps Script lacks, and all the services', () => {
    const bundle = createEmulator().load();
    for (const name of [
      'setTimeout',
      'setInterval',
      'fetch',
      'URL',
      'TextEncoder',
      'atob',
      'structuredClone',
      'require',
      'process',
      'Buffer',
    ]) {
      expect(bundle.run(`typeof ${name}`), name).toBe('undefined');
    }
    for (const name of [
      'SpreadsheetApp',
      'FormApp',
      'DocumentApp',
      'DriveApp',
      'MailApp',
      'ScriptApp',
      'PropertiesService',
      'CacheService',
      'LockService',
      'Session',
      'Utilities',
      'Logger',
      'console',
      'HtmlService',
      'MimeType',
    ]) {
      expect(bundle.run(`typeof ${name}`), name).toBe('object');
    }
  });
});

describe('running the bundle', () => {
  it('onOpen records the Dumas menu', () => {
    const emu = createEmulator();
    emu.load();
    emu.open();
    const menu = emu.ui.menu('Dumas');
    expect(menu?.items.length).toBeGreaterThan(0);
    expect(menu?.items[0]).toMatchObject({ functionName: 'setupSystem' });
  });

  it('new Date() and Date.now() inside the bundle are the simulated time', () => {
    const emu = createEmulator({ now: '2026-03-02T08:00:00+08:00' });
    const bundle = emu.load();
    expect(bundle.run('new Date().getTime()')).toBe(emu.clock.now());
    emu.clock.advance(90_000);
    expect(bundle.run('Date.now()')).toBe(Date.parse('2026-03-02T00:01:30Z'));
    expect(bundle.run('new Date(2026, 0, 1) instanceof Date')).toBe(true);
  });

  it('a call to a method that is not emulated throws "not emulated:"', () => {
    const bundle = createEmulator().load();
    expect(() => bundle.run('SpreadsheetApp.getActiveSpreadsheet().notAMethod()')).toThrow(
      'not emulated: Spreadsheet.notAMethod',
    );
  });

  it('service errors are Errors inside the bundle, as in Apps Script', () => {
    const bundle = createEmulator().load();
    const caught = bundle.run(`(function () {
      try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); }
      catch (e) { return [e instanceof Error, e.message]; }
    })()`);
    expect(caught).toEqual([true, 'Exception: The starting row of the range is too small.']);
    expect(bundle.run('Array.isArray(SpreadsheetApp.getActiveSheet().getRange("A1:B2").getValues())')).toBe(true);
    expect(bundle.run('SpreadsheetApp.getActiveSheet().getRange("A1:B2").getValues() instanceof Array')).toBe(true);
  });

  it('call() of a missing function names what exists', () => {
    const bundle = createEmulator().load();
    expect(() => bundle.call('noSuchFunction')).toThrow(/no top-level function "noSuchFunction".*onOpen/);
  });

  it('the manifest scopes apply: the shell (spreadsheets.currentonly) cannot open another spreadsheet, the core can', () => {
    const emu = createEmulator();
    const other = emu.sheets.create('Arsip');
    const open = `SpreadsheetApp.openById(${JSON.stringify(other.getId())}).getName()`;
    const shell = emu.world.addProject({ name: 'Dumas', kind: 'bound', buildDir: 'build/shell' }).load();
    expect(() => shell.run(open)).toThrow('You do not have permission to call SpreadsheetApp.openById');
    expect(emu.load().run(open)).toBe('Arsip');
  });

  it('templates evaluate in the bundle context, so scriptlets see its functions', () => {
    const bundle = createEmulator().load();
    expect(
      bundle.run('HtmlService.createTemplate("<?= typeof onOpen ?>/<?= typeof include ?>").evaluate().getContent()'),
    ).toMatch(/^function\//);
  });

  it('time triggers fire through the bundle without a UI', () => {
    const emu = createEmulator({ now: '2026-03-02T06:00:00+08:00' });
    const bundle = emu.load();
    bundle.run("ScriptApp.newTrigger('onOpen').timeBased().everyDays(1).atHour(7).create()");
    const fired = emu.fireTimeTriggers('2026-03-02T08:00:00+08:00');
    expect(fired).toBe(1);
    expect(emu.clock.now()).toBe(Date.parse('2026-03-02T08:00:00+08:00'));
    expect(emu.triggers.failures.map((f) => f.error)).toEqual([
      'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    ]);
    expect(emu.ui.menus).toEqual([]);
  });
});
