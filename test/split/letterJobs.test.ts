// Letter steps that make documents, through the shell (gas/letterJobs.ts): the call checks and queues the step and
// answers at once; the page asks for it to run (runLetterWork), or the queued work's trigger runs it, as the member
// who asked. One job per complaint; a failure is kept for the page to say.
import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../bundle/office';
import { letterAt, registerRow, versionOf } from '../bundle/workflowOffice';
import { JOB_PREFIX } from '../../src/gas/letterJobs';
import { LETTER_UI } from '../../src/messages/letters';
import { ACTION_LABELS } from '../../src/messages/domain';
import { openSplitOffice, type SplitOffice } from './world';

interface Result {
  ok: boolean;
  pending?: boolean;
  message: string;
  url?: string;
  letter: { regNumber: string; status: string } | null;
}

const draft = (office: SplitOffice, reg: string, answer = 'Pendampingan dijadwalkan Kamis.') =>
  office.call<Result>(PEOPLE.koperasi, 'runLetterAction', {
    action: 'draft',
    regNumber: reg,
    version: versionOf(office, reg),
    answer,
  });
const jobs = (office: SplitOffice) =>
  [...office.core.services.properties.control.scriptStore].filter(([k]) => k.startsWith(JOB_PREFIX));
const docIdOf = (url: unknown): string => /\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? '';

describe('letter steps queued through the shell', () => {
  it('a draft answers at once; the page’s follow-up makes the Doc, shared with the drafter only', () => {
    const office = openSplitOffice();
    const reg = letterAt(office, 'Ditindaklanjuti');
    const asked = office.emu.calls.measure(() => draft(office, reg));
    expect(asked.result).toMatchObject({ ok: true, pending: true, message: LETTER_UI.queued(reg) });
    expect(asked.counts['File.makeCopy'] ?? 0).toBe(0);
    expect(asked.simulatedMs).toBeLessThanOrEqual(3000);
    expect(registerRow(office, reg)['Status']).toBe('Ditindaklanjuti');
    expect(jobs(office)).toHaveLength(1);
    // The same step asked again (a lost answer, a second click) is followed, not queued twice; another step waits.
    expect(draft(office, reg, 'Jawaban lain.')).toMatchObject({
      ok: true,
      pending: true,
      message: LETTER_UI.stillWorking(reg),
    });
    expect(jobs(office)).toHaveLength(1);
    const sign = office.call<Result>(PEOPLE.kadis, 'runLetterAction', {
      action: 'sign',
      regNumber: reg,
      version: versionOf(office, reg),
    });
    expect(sign).toMatchObject({ ok: false, message: LETTER_UI.busy(reg) });
    // Another member's follow-up does not run the drafter's step: it only says it is on its way.
    const other = office.call<Result>(PEOPLE.sekretaris, 'runLetterWork', reg);
    expect(other).toMatchObject({ ok: true, pending: true, message: LETTER_UI.stillWorking(reg) });
    const done = office.call<Result>(PEOPLE.koperasi, 'runLetterWork', reg);
    expect(done).toMatchObject({ ok: true, message: LETTER_UI.drafted(reg) });
    expect(done.pending).toBeUndefined();
    expect(done.letter?.status).toBe('Konsep Jawaban');
    expect(jobs(office)).toHaveLength(0);
    const doc = office.emu.ctx.files.get(docIdOf(registerRow(office, reg)['Konsep Surat']));
    expect(doc?.owner).toBe(PEOPLE.admin);
    expect(doc?.editors).toEqual([PEOPLE.koperasi]);
    // The trigger made for the step finds nothing left to do, and makes nothing twice.
    const files = office.emu.drive.files().length;
    office.runQueuedWork();
    expect(office.emu.drive.files()).toHaveLength(files);
    expect(office.call<Result>(PEOPLE.koperasi, 'runLetterWork', reg)).toMatchObject({
      ok: true,
      message: LETTER_UI.jobDone(reg),
    });
  });

  it('with no page to follow it, the trigger runs the step as the member who asked', () => {
    const office = openSplitOffice();
    const reg = letterAt(office, 'Ditindaklanjuti');
    expect(draft(office, reg).pending).toBe(true);
    expect(office.runQueuedWork()).toBe(1);
    expect(registerRow(office, reg)['Status']).toBe('Konsep Jawaban');
    const doc = office.emu.ctx.files.get(docIdOf(registerRow(office, reg)['Konsep Surat']));
    expect(doc?.editors).toEqual([PEOPLE.koperasi]); // shared with the drafter, not with the trigger's owner only
    const audit = office.vault()['Log Audit'].filter((r) => r[4] === reg && r[3] === ACTION_LABELS.draftReply);
    expect(audit.map((r) => r[1])).toEqual([PEOPLE.koperasi]);
    expect(office.triggerFailures()).toEqual([]);
  });

  it('a step that fails when it runs is said to the page and when the complaint is opened again', () => {
    const office = openSplitOffice();
    const reg = letterAt(office, 'Ditindaklanjuti');
    expect(draft(office, reg).pending).toBe(true);
    // Someone acts on the complaint before the step runs: the version the drafter saw is gone.
    const note = office.call<Result>(PEOPLE.koperasi, 'runWorkflowAction', {
      sidebar: 'tindakLanjut',
      regNumber: reg,
      version: versionOf(office, reg),
      action: 'followUp',
      input: { note: 'Ditelepon lagi.' },
    });
    expect(note.ok).toBe(true);
    const failed = office.call<Result>(PEOPLE.koperasi, 'runLetterWork', reg);
    expect(failed.ok).toBe(false);
    expect(registerRow(office, reg)['Status']).toBe('Ditindaklanjuti');
    const opened = office.call<{ ok: boolean; work?: { pending: boolean; message: string } }>(
      PEOPLE.koperasi,
      'openLetterComplaint',
      reg,
    );
    expect(opened.work).toEqual({
      pending: false,
      message: LETTER_UI.jobFailed(reg, failed.message),
      emailUnconfirmed: false,
    });
    // Asking again (with the fresh version) replaces the failed job and runs.
    expect(draft(office, reg).pending).toBe(true);
    expect(office.call<Result>(PEOPLE.koperasi, 'runLetterWork', reg).ok).toBe(true);
    expect(registerRow(office, reg)['Status']).toBe('Konsep Jawaban');
  });

  it('the member’s rights are checked again when the step runs', () => {
    const office = openSplitOffice();
    const reg = letterAt(office, 'Ditindaklanjuti');
    expect(draft(office, reg).pending).toBe(true);
    // The Administrator marks the drafter inactive in Tim before the trigger fires.
    const tim = office.shell.container!.getSheetByName('Tim')!;
    const rows = office.sheetValues('Tim');
    const row = rows.findIndex((r) => r[0] === PEOPLE.koperasi) + 1;
    office.emu.world.runAs(PEOPLE.admin, PEOPLE.admin, null, () => tim.getRange(row, 8).setValue('Tidak'));
    office.runQueuedWork();
    expect(registerRow(office, reg)['Status']).toBe('Ditindaklanjuti');
    expect(office.emu.drive.files().filter((f) => f.mimeType.includes('document') && f.name.includes(reg))).toEqual([]);
    const job = jobs(office)[0];
    expect(JSON.parse(job[1]) as { state: string }).toMatchObject({ state: 'failed' });
  });
});
