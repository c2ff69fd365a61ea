// The spreadsheet UI: menus, alerts and prompts from the answer queue, sidebars and dialogs.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createHtmlService } from './html';
import { createUi } from './ui';

function setup() {
  const ctx = new EmuContext();
  const ui = createUi(ctx, { addonName: 'Dumas' });
  const html = createHtmlService(ctx, () => {
    throw new Error('no files');
  });
  return { ctx, ui: ui.global, control: ui.control, HtmlService: html.global };
}

describe('menus', () => {
  it('records menus with items, separators and sub-menus when added to the UI', () => {
    const { ui, control } = setup();
    const sub = ui.createMenu('Laporan').addItem('Bulanan', 'reportMonthly');
    ui.createMenu('Dumas').addItem('Catat pengaduan', 'showRecordSidebar').addSeparator().addSubMenu(sub).addToUi();
    ui.createAddonMenu().addItem('Buka', 'open').addToUi();
    expect(control.menus[0]).toEqual({
      name: 'Dumas',
      addon: false,
      items: [
        { caption: 'Catat pengaduan', functionName: 'showRecordSidebar' },
        { separator: true },
        { submenu: { name: 'Laporan', addon: false, items: [{ caption: 'Bulanan', functionName: 'reportMonthly' }] } },
      ],
    });
    expect(control.menus.map((m) => [m.name, m.addon])).toEqual([
      ['Dumas', false],
      ['Dumas', true],
    ]);
    expect(control.menu('Dumas')?.addon).toBe(true); // the last one added under that name
  });

  it('a menu not added to the UI is not recorded', () => {
    const { ui, control } = setup();
    ui.createMenu('Draft').addItem('x', 'y');
    expect(control.menus).toEqual([]);
  });
});

describe('alerts and prompts', () => {
  it('answers alerts from the queue, then the first button of the set when it is empty', () => {
    const { ui, control } = setup();
    control.answerNext('NO');
    control.answerNext({ button: 'CANCEL' });
    expect(ui.alert('Hapus?', 'Yakin menghapus?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Lanjut?', ui.ButtonSet.OK_CANCEL)).toBe('CANCEL');
    expect(ui.alert('Selesai')).toBe('OK');
    expect(ui.alert('Lagi?', ui.ButtonSet.YES_NO)).toBe('YES');
    expect(control.pending()).toBe(0);
    expect(control.alerts.map((a) => [a.title, a.message, a.buttons, a.answer])).toEqual([
      ['Hapus?', 'Yakin menghapus?', 'YES_NO', 'NO'],
      ['', 'Lanjut?', 'OK_CANCEL', 'CANCEL'],
      ['', 'Selesai', 'OK', 'OK'],
      ['', 'Lagi?', 'YES_NO', 'YES'],
    ]);
  });

  it('prompts return the queued text and button', () => {
    const { ui, control } = setup();
    control.answerNext({ button: 'OK', text: 'DUMAS/2026/001' });
    const r = ui.prompt('Nomor', 'Masukkan nomor register', ui.ButtonSet.OK_CANCEL);
    expect([r.getSelectedButton(), r.getResponseText()]).toEqual(['OK', 'DUMAS/2026/001']);
    expect(ui.prompt('Kosong').getResponseText()).toBe('');
  });

  it('rejects a queued answer the dialog cannot give, but CLOSE is always possible', () => {
    const { ui, control } = setup();
    control.answerNext('YES');
    expect(() => ui.alert('Info')).toThrow('not a button of OK');
    control.answerNext('CLOSE');
    expect(ui.alert('Info')).toBe('CLOSE');
  });
});

describe('sidebars and dialogs', () => {
  it('records the title and evaluated HTML', () => {
    const { ui, control, HtmlService } = setup();
    const t = HtmlService.createTemplate('<h1><?= title ?></h1>');
    (t as unknown as { title: string }).title = 'Catat';
    ui.showSidebar(t.evaluate().setTitle('Catat pengaduan'));
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>ok</p>').setWidth(400).setHeight(200), 'Tentang');
    expect(control.sidebars).toMatchObject([{ kind: 'sidebar', title: 'Catat pengaduan', html: '<h1>Catat</h1>' }]);
    expect(control.dialogs).toMatchObject([
      { kind: 'modal', title: 'Tentang', html: '<p>ok</p>', width: 400, height: 200 },
    ]);
  });

  it('an unevaluated template is not a valid sidebar', () => {
    const { ui, HtmlService } = setup();
    const t = HtmlService.createTemplate('<p>x</p>');
    expect(() => ui.showSidebar(t as never)).toThrow("don't match the method signature for Ui.showSidebar");
  });

  it('counts UI round trips as "ui" and menu building as local', () => {
    const { ctx, ui } = setup();
    const m = ctx.calls.measure(() => ui.createMenu('Dumas').addItem('a', 'b').addToUi());
    expect(m.counts).toEqual({ 'Menu.addToUi': 1 });
  });
});
