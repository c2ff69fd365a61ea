// The month folder of reply letters, found once and kept by id (the walk letters → year → month costs six Drive
// calls): later drafts of the month go to the same folder without the walk; a folder put in the trash by hand is
// never used again, the walk finds or makes a live one. Through the built bundle.
import { beforeEach, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from './office';
import { letterAt, registerRow } from './workflowOffice';

const ANSWER = 'Pendampingan koperasi dijadwalkan Kamis, 3 Desember 2026.';

function draft(office: Office, reg: string) {
  const version = Number(registerRow(office, reg)['Versi']);
  return office.emu.calls.measure(() =>
    office.as<{ ok: boolean; message: string }>(PEOPLE.koperasi, 'runLetterAction', {
      action: 'draft',
      regNumber: reg,
      version,
      answer: ANSWER,
    }),
  );
}

/** The live folder a complaint's draft Doc sits in. */
function folderOfDraft(office: Office, reg: string): { id: string; name: string; trashed: boolean } {
  const url = String(registerRow(office, reg)['Konsep Surat']);
  const id = /\/document\/d\/([^/]+)/.exec(url)?.[1] ?? '';
  const file = office.emu.drive.files().find((f) => f.id === id);
  const parent = office.emu.drive.files().find((f) => f.id === file?.parents[0]);
  if (!parent) throw new Error(`no folder for the draft of ${reg}`);
  return { id: parent.id, name: parent.name, trashed: parent.trashed };
}

describe('the month folder of reply letters', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
  });

  it('is walked to once; the next draft of the month goes there with no folder search', () => {
    const first = letterAt(office, 'Didisposisikan');
    const second = letterAt(office, 'Didisposisikan');
    const a = draft(office, first);
    expect(a.result.ok, a.result.message).toBe(true);
    expect(a.counts['Folder.getFoldersByName']).toBe(2);
    const b = draft(office, second);
    expect(b.result.ok, b.result.message).toBe(true);
    expect(b.counts['Folder.getFoldersByName'] ?? 0).toBe(0);
    expect(b.counts['DriveApp.getFileById']).toBe(1); // the template, once
    expect(folderOfDraft(office, second).id).toBe(folderOfDraft(office, first).id);
    expect(b.simulatedMs).toBeLessThan(a.simulatedMs - 1000);
  });

  it('a month folder put in the trash by hand is not used again', () => {
    const first = letterAt(office, 'Didisposisikan');
    expect(draft(office, first).result.ok).toBe(true);
    const folder = folderOfDraft(office, first);
    const DriveApp = office.emu.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
    DriveApp.getFolderById(folder.id).setTrashed(true);
    const second = letterAt(office, 'Didisposisikan');
    const b = draft(office, second);
    expect(b.result.ok, b.result.message).toBe(true);
    const now = folderOfDraft(office, second);
    expect(now.trashed).toBe(false);
    expect(now.id).not.toBe(folder.id);
    expect(now.name).toBe(folder.name);
  });
});
