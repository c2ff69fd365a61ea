// Mail of a sidebar action answered for the shell waits in the core's outbox (gas/outbox.ts): the person waits for
// the call only; a one-off trigger sends the message a second later, exactly once; what the mail service refuses
// waits for the daily run.
import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../bundle/office';
import { INPUTS, LETTER, letterAt, versionOf } from '../bundle/workflowOffice';
import { OUTBOX_PREFIX } from '../../src/gas/outbox';
import { QUEUED_WORK_HANDLER } from '../../src/gas/queuedWork';
import { queuedMail } from '../fault/invariants';
import { openSplitOffice, type SplitOffice } from './world';

const DISPOSITION = /Disposisi/;

function dispose(office: SplitOffice, reg: string): { ok: boolean; message: string } {
  return office.call(PEOPLE.kadis, 'runWorkflowAction', {
    sidebar: 'disposisi',
    regNumber: reg,
    version: versionOf(office, reg),
    action: 'dispose',
    input: INPUTS.dispose,
  });
}

const queued = (office: SplitOffice) => queuedMail(office.core.services.properties.control.scriptStore);
const outboxTriggers = (office: SplitOffice) =>
  office.core.services.script.control.triggers().filter((t) => t.handler === QUEUED_WORK_HANDLER);
const unitMails = (office: SplitOffice, reg: string) =>
  office.emu.mail.outbox.filter((m) => m.subject.includes(reg) && DISPOSITION.test(m.subject));

describe('the outbox of the split deployment', () => {
  it('sends a disposition’s unit email a second after the call, once, from one trigger for several actions', () => {
    const office = openSplitOffice();
    const a = letterAt(office, 'Menunggu Disposisi');
    const b = letterAt(office, 'Menunggu Disposisi');
    office.emu.mail.clear();
    const called = office.emu.calls.measure(() => dispose(office, a));
    expect(called.result.ok).toBe(true);
    expect(called.counts['MailApp.sendEmail'] ?? 0).toBe(0); // nobody waits for a message
    expect(unitMails(office, a)).toHaveLength(0);
    expect(queued(office).map((m) => m.subject)).toEqual([expect.stringContaining(a)]);
    expect(outboxTriggers(office)).toHaveLength(1);
    // A second action while the trigger waits queues its message and makes no second trigger.
    expect(dispose(office, b).ok).toBe(true);
    expect(queued(office)).toHaveLength(2);
    expect(outboxTriggers(office)).toHaveLength(1);
    const before = office.emu.clock.now();
    expect(office.runQueuedWork()).toBe(1);
    expect(office.emu.clock.now() - before).toBeGreaterThanOrEqual(1000); // a one-off trigger, at least a second on
    expect(unitMails(office, a)).toHaveLength(1);
    expect(unitMails(office, b)).toHaveLength(1);
    expect(queued(office)).toHaveLength(0);
    expect(outboxTriggers(office)).toHaveLength(0);
    // The next action makes a trigger again.
    const c = letterAt(office, 'Menunggu Disposisi');
    office.emu.mail.clear();
    expect(dispose(office, c).ok).toBe(true);
    expect(outboxTriggers(office)).toHaveLength(1);
    expect(office.runQueuedWork()).toBe(1);
    expect(unitMails(office, c)).toHaveLength(1);
    expect(office.triggerFailures()).toEqual([]);
  });

  it('keeps a message the mail service refuses, counts the attempt, and the daily run sends it once', () => {
    const office = openSplitOffice();
    const reg = letterAt(office, 'Menunggu Disposisi');
    office.emu.mail.clear();
    expect(dispose(office, reg).ok).toBe(true);
    office.emu.mail.setQuota(0); // the day's recipients are spent
    office.runQueuedWork();
    expect(unitMails(office, reg)).toHaveLength(0);
    const store = office.core.services.properties.control.scriptStore;
    const kept = [...store].filter(([k]) => k.startsWith(OUTBOX_PREFIX));
    expect(kept).toHaveLength(1);
    expect((JSON.parse(kept[0][1]) as { attempts: number }).attempts).toBe(1);
    office.emu.mail.setQuota(100);
    office.fireTimeTriggers('2026-12-01T08:00:00+08:00'); // the next morning's daily run
    expect(unitMails(office, reg)).toHaveLength(1);
    expect(queued(office)).toHaveLength(0);
    // Nothing left for a later run to send again.
    office.fireTimeTriggers('2026-12-02T08:00:00+08:00');
    expect(unitMails(office, reg)).toHaveLength(1);
  });

  it('a second run of the handler, or the daily run after it, sends nothing again', () => {
    const office = openSplitOffice();
    const reg = letterAt(office, 'Menunggu Disposisi');
    office.emu.mail.clear();
    expect(dispose(office, reg).ok).toBe(true);
    // The trigger and an early call of the handler (it is a top-level function) both run.
    office.trigger(QUEUED_WORK_HANDLER);
    office.trigger('runDaily');
    office.runQueuedWork();
    expect(unitMails(office, reg)).toHaveLength(1);
  });

  it('a letter recorded by CS: the receipt is owed in the journal during the call and sent once a second later', () => {
    const office = openSplitOffice();
    office.writeSetting('url_halaman_status', 'https://example.org/status');
    office.emu.mail.clear();
    const recorded = office.emu.calls.measure(() =>
      office.call<{ ok: boolean; regNumber: string }>(PEOPLE.cs, 'recordComplaint', { ...LETTER }),
    );
    expect(recorded.result.ok).toBe(true);
    const reg = recorded.result.regNumber;
    expect(recorded.counts['MailApp.sendEmail'] ?? 0).toBe(0);
    const store = office.core.services.properties.control.scriptStore;
    expect(JSON.parse(store.get(`dumas.receipt.${reg}`) ?? '{}')).toMatchObject({ state: 'owed' });
    expect(outboxTriggers(office)).toHaveLength(1);
    const receipts = () => office.emu.mail.outbox.filter((m) => m.subject === `Tanda Terima Pengaduan ${reg}`);
    expect(receipts()).toHaveLength(0);
    office.runQueuedWork();
    expect(receipts()).toHaveLength(1);
    expect(receipts()[0].to).toBe(LETTER.email);
    expect(store.has(`dumas.receipt.${reg}`)).toBe(false);
    // The next morning's run finds nothing owed: the receipt is not sent again.
    office.fireTimeTriggers('2026-12-01T08:00:00+08:00');
    expect(receipts()).toHaveLength(1);
  });

  it('in the one-project install (no shell), mail is sent in the call as before', async () => {
    const { openOffice } = await import('../bundle/office');
    const one = openOffice();
    const reg = letterAt(one, 'Menunggu Disposisi');
    one.emu.mail.clear();
    const m = one.emu.calls.measure(() =>
      one.as<{ ok: boolean }>(PEOPLE.kadis, 'runWorkflowAction', {
        sidebar: 'disposisi',
        regNumber: reg,
        version: versionOf(one, reg),
        action: 'dispose',
        input: INPUTS.dispose,
      }),
    );
    expect(m.result.ok).toBe(true);
    expect(m.counts['MailApp.sendEmail']).toBe(1);
    expect(one.emu.triggers.triggers().some((t) => t.handler === QUEUED_WORK_HANDLER)).toBe(false);
  });
});
