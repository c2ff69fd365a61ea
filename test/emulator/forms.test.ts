// Tests for the emulated FormApp: building forms, item classes, validation on public submission,
// responses, the destination sheet, and both kinds of onFormSubmit event.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createFormApp, FormSubmissionRefused } from './forms';
import { createEmulator } from './index';
import { createScriptApp } from './script';

function setup() {
  const ctx = new EmuContext({ now: '2026-01-05T09:00:00+08:00' });
  const script = createScriptApp(ctx);
  const { global: FormApp, control } = createFormApp(ctx, script.control);
  const runs: { handler: string; event: Record<string, unknown> }[] = [];
  script.control.setInvoker((handler, event) => {
    runs.push({ handler, event });
  });
  return { ctx, FormApp, control, ScriptApp: script.global, triggers: script.control, runs };
}

function complaintForm(FormApp: GoogleAppsScript.Forms.FormApp) {
  const form = FormApp.create('Pengaduan Masyarakat');
  form.setDescription('Sampaikan pengaduan Anda').setConfirmationMessage('Terima kasih');
  form.addTextItem().setTitle('Nama').setRequired(true);
  const hp = form.addTextItem().setTitle('Nomor HP').setRequired(true);
  hp.setValidation(
    FormApp.createTextValidation()
      .requireTextMatchesPattern('0[0-9]{9,12}')
      .setHelpText('Nomor HP tidak valid')
      .build(),
  );
  form.addTextItem().setTitle('Email').setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
  form
    .addMultipleChoiceItem()
    .setTitle('Kategori')
    .setChoiceValues(['Perizinan', 'Pembiayaan', 'Lainnya'])
    .setRequired(true);
  form.addCheckboxItem().setTitle('Saluran').setChoiceValues(['WA', 'Telepon', 'Surat']);
  form.addSectionHeaderItem().setTitle('Isi');
  form
    .addParagraphTextItem()
    .setTitle('Uraian')
    .setRequired(true)
    .setValidation(FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(50).build());
  return form;
}

const ANSWERS = {
  Nama: 'Ni Luh Putu',
  'Nomor HP': '081234567890',
  Kategori: 'Perizinan',
  Saluran: ['WA', 'Surat'],
  Uraian: 'Izin belum terbit',
};

describe('FormApp building', () => {
  it('creates a form with items, URLs and settings', () => {
    const { FormApp } = setup();
    const form = complaintForm(FormApp);
    form
      .setCollectEmail(false)
      .setAllowResponseEdits(false)
      .setLimitOneResponsePerUser(false)
      .setAcceptingResponses(true);
    expect(form.getTitle()).toBe('Pengaduan Masyarakat');
    expect(form.getItems().map((i) => i.getType())).toEqual([
      'TEXT',
      'TEXT',
      'TEXT',
      'MULTIPLE_CHOICE',
      'CHECKBOX',
      'SECTION_HEADER',
      'PARAGRAPH_TEXT',
    ]);
    expect(form.getItems(FormApp.ItemType.TEXT)).toHaveLength(3);
    expect(form.getPublishedUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    expect(form.getEditUrl()).toMatch(/\/edit$/);
    expect(form.shortenFormUrl(form.getPublishedUrl())).toMatch(/^https:\/\/forms\.gle\//);
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Pengaduan Masyarakat');
    expect(FormApp.getActiveForm()).toBeNull();
    expect(() => FormApp.openById('nope')).toThrow(/No item with the given ID/);
  });

  it('gives generic Items from getItems: class methods need asXxxItem()', () => {
    const { FormApp } = setup();
    const form = complaintForm(FormApp);
    const item = form.getItems()[0];
    expect(() => (item as unknown as GoogleAppsScript.Forms.TextItem).setRequired(false)).toThrow(
      'not emulated: Item.setRequired',
    );
    expect(item.asTextItem().isRequired()).toBe(true);
    expect(() => item.asCheckboxItem()).toThrow(/not of type/);
    const mc = form.getItems(FormApp.ItemType.MULTIPLE_CHOICE)[0].asMultipleChoiceItem();
    expect(mc.getChoices().map((c) => c.getValue())).toEqual(['Perizinan', 'Pembiayaan', 'Lainnya']);
    mc.setChoices([mc.createChoice('A'), mc.createChoice('B')]).showOtherOption(true);
    expect(mc.getChoices().map((c) => c.getValue())).toEqual(['A', 'B']);
  });

  it('moves, finds and deletes items', () => {
    const { FormApp } = setup();
    const form = complaintForm(FormApp);
    const last = form.getItems()[6];
    form.moveItem(last, 0);
    expect(form.getItems()[0].getTitle()).toBe('Uraian');
    expect(form.getItemById(last.getId())?.getIndex()).toBe(0);
    form.deleteItem(0);
    expect(form.getItemById(last.getId())).toBeNull();
    expect(() => form.deleteItem(99)).toThrow();
  });
});

describe('public submission', () => {
  it('stores a response and fires the form-bound trigger with { authMode, response, source, triggerUid }', () => {
    const { FormApp, control, ScriptApp, runs, ctx } = setup();
    const form = complaintForm(FormApp);
    const t = ScriptApp.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create();
    const id = control.submit(form.getId(), ANSWERS, { at: '2026-01-05T10:15:00+08:00' });
    expect(runs).toHaveLength(1);
    const e = runs[0].event as {
      authMode: string;
      response: GoogleAppsScript.Forms.FormResponse;
      source: GoogleAppsScript.Forms.Form;
      triggerUid: string;
    };
    expect(Object.keys(e).sort()).toEqual(['authMode', 'response', 'source', 'triggerUid']);
    expect(e.authMode).toBe('FULL');
    expect(e.triggerUid).toBe(t.getUniqueId());
    expect(e.source.getId()).toBe(form.getId());
    expect(e.response.getId()).toBe(id);
    expect(e.response.getTimestamp().toISOString()).toBe('2026-01-05T02:15:00.000Z');
    expect(e.response.getTimestamp()).toBeInstanceOf(ctx.Date);
    expect(e.response.getRespondentEmail()).toBe('');
    const byTitle = Object.fromEntries(
      e.response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]),
    );
    expect(byTitle).toEqual({
      Nama: 'Ni Luh Putu',
      'Nomor HP': '081234567890',
      Kategori: 'Perizinan',
      Saluran: ['WA', 'Surat'],
      Uraian: 'Izin belum terbit',
    });
    expect(e.response.getResponseForItem(form.getItems()[2])).toBeNull(); // optional Email left empty
    expect(form.getResponses().map((r) => r.getId())).toEqual([id]);
    expect(form.getResponse(id).getEditResponseUrl()).toContain('edit2=');
    expect(control.responses(form.getId())[0].answers.Nama).toBe('Ni Luh Putu');
  });

  it('refuses a missing required answer or a failed validation, like the Form UI', () => {
    const { FormApp, control, runs } = setup();
    const form = complaintForm(FormApp);
    expect(() => control.submit(form.getId(), { ...ANSWERS, Nama: '' })).toThrow(FormSubmissionRefused);
    const refusal = (() => {
      try {
        control.submit(form.getId(), {
          ...ANSWERS,
          'Nomor HP': '12345',
          Email: 'bukan-email',
          Kategori: 'Lain',
          Uraian: 'x'.repeat(51),
        });
      } catch (e) {
        return e as FormSubmissionRefused;
      }
      return null;
    })();
    expect(refusal?.problems.map((p) => p.title)).toEqual(['Nomor HP', 'Email', 'Kategori', 'Uraian']);
    expect(refusal?.problems[0].reason).toBe('Nomor HP tidak valid');
    expect(form.getResponses()).toHaveLength(0);
    expect(runs).toHaveLength(0);
    form.setAcceptingResponses(false);
    expect(() => control.submit(form.getId(), ANSWERS)).toThrow(/not accepting/);
    expect(() => control.submit(form.getId(), { Tidak: 'ada' })).toThrow(/no question titled/);
  });

  it('submitWithoutTrigger stores the response but runs nothing', () => {
    const { FormApp, control, ScriptApp, runs } = setup();
    const form = complaintForm(FormApp);
    ScriptApp.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create();
    control.submitWithoutTrigger(form.getId(), ANSWERS);
    expect(runs).toHaveLength(0);
    expect(form.getResponses()).toHaveLength(1);
  });

  it('filters responses by timestamp and deletes them all', () => {
    const { FormApp, control, ctx } = setup();
    const form = complaintForm(FormApp);
    control.submit(form.getId(), ANSWERS);
    ctx.clock.advance(3600_000);
    const later = control.submit(form.getId(), ANSWERS);
    expect(form.getResponses(ctx.newDate(ctx.clock.now() - 60_000)).map((r) => r.getId())).toEqual([later]);
    form.deleteAllResponses();
    expect(form.getResponses()).toHaveLength(0);
  });
});

describe('spreadsheet destination (with the sheets emulator)', () => {
  it('adds a "Form Responses 1" sheet, appends rows, and fires the sheet-bound event', () => {
    const emu = createEmulator({ now: '2026-01-05T09:00:00+08:00' });
    const runs: { handler: string; event: Record<string, unknown> }[] = [];
    emu.triggers.setInvoker((handler, event) => {
      runs.push({ handler, event });
    });
    const FormApp = emu.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const ScriptApp = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const ss = emu.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const form = complaintForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(form.getDestinationId()).toBe(ss.getId());
    const sheet = ss.getSheetByName('Form Responses 1');
    expect(sheet).not.toBeNull();
    expect(sheet?.getRange(1, 1, 1, 7).getValues()[0]).toEqual([
      'Timestamp',
      'Nama',
      'Nomor HP',
      'Email',
      'Kategori',
      'Saluran',
      'Uraian',
    ]);

    const t = ScriptApp.newTrigger('onSheetSubmit').forSpreadsheet(ss).onFormSubmit().create();
    const before = emu.calls.total();
    emu.forms.submit(form.getId(), ANSWERS, { at: '2026-01-05T14:03:07+08:00' });
    expect(emu.calls.total()).toBe(before); // Google's own writes are not the add-on's calls
    expect(runs).toHaveLength(1);
    const e = runs[0].event as {
      authMode: string;
      namedValues: Record<string, string[]>;
      range: GoogleAppsScript.Spreadsheet.Range;
      source: GoogleAppsScript.Spreadsheet.Spreadsheet;
      triggerUid: string;
      values: string[];
    };
    expect(Object.keys(e).sort()).toEqual(['authMode', 'namedValues', 'range', 'source', 'triggerUid', 'values']);
    expect(e.triggerUid).toBe(t.getUniqueId());
    expect(e.values).toEqual([
      '1/5/2026 14:03:07',
      'Ni Luh Putu',
      '081234567890',
      '',
      'Perizinan',
      'WA, Surat',
      'Izin belum terbit',
    ]);
    expect(e.namedValues).toMatchObject({
      Timestamp: ['1/5/2026 14:03:07'],
      Nama: ['Ni Luh Putu'],
      Saluran: ['WA, Surat'],
      Email: [''],
    });
    expect(e.range.getRow()).toBe(2);
    expect(e.source.getId()).toBe(ss.getId());
    const row = sheet?.getRange(2, 1, 1, 7).getValues()[0];
    expect((row?.[0] as Date).toISOString()).toBe('2026-01-05T06:03:07.000Z');
    expect(row?.[1]).toBe('Ni Luh Putu');

    // A question added later gets a new column at the right.
    form.addTextItem().setTitle('Alamat');
    emu.forms.submit(form.getId(), { ...ANSWERS, Alamat: 'Tabanan' });
    expect(sheet?.getRange(1, 8).getValue()).toBe('Alamat');
    expect(sheet?.getRange(3, 8).getValue()).toBe('Tabanan');
  });
});

describe('FormApp responses made by a script', () => {
  it('createResponse().withItemResponse(...).submit() stores a response, fills the destination sheet, fires no trigger', () => {
    const emu = createEmulator({ now: '2026-01-05T09:00:00+08:00' });
    const FormApp = emu.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const ScriptApp = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const runs: string[] = [];
    emu.triggers.setInvoker((handler) => void runs.push(handler));
    const form = FormApp.create('Uji');
    const nama = form.addTextItem().setTitle('Nama');
    const kategori = form.addMultipleChoiceItem().setTitle('Kategori').setChoiceValues(['Perizinan', 'Lainnya']);
    const saluran = form.addCheckboxItem().setTitle('Saluran').setChoiceValues(['WA', 'Surat']);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, emu.spreadsheet.getId());
    ScriptApp.newTrigger('onFormSubmitted').forForm(form).onFormSubmit().create();

    const builder = form
      .createResponse()
      .withItemResponse(nama.createResponse('Ni Made'))
      .withItemResponse(kategori.createResponse('Lainnya'));
    const submitted = builder.withItemResponse(saluran.createResponse(['WA', 'Surat'])).submit();
    expect(submitted.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()])).toEqual([
      ['Nama', 'Ni Made'],
      ['Kategori', 'Lainnya'],
      ['Saluran', ['WA', 'Surat']],
    ]);
    expect(submitted.getRespondentEmail()).toBe('');
    expect(form.getResponses().map((r) => r.getId())).toEqual([submitted.getId()]);
    expect(emu.spreadsheet.getSheetByName('Form Responses 1')?.getRange(2, 2, 1, 3).getValues()[0]).toEqual([
      'Ni Made',
      'Lainnya',
      'WA, Surat',
    ]);
    expect(runs).toEqual([]);
    expect(() => builder.submit()).toThrow('already been submitted');
    expect(() => kategori.createResponse('Bukan pilihan')).toThrow('Invalid response');
  });
});
