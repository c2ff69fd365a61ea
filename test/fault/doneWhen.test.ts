// Through the bundle: 200 public submissions with 10 % lock timeouts, the form trigger failing to fire for half of
// them and the mail quota running out part-way; then reconcile and the daily runs. And a spam flood of the form.
import { describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { formAnswers, person, setSetting, setting, STATUS_URL } from '../bundle/publicHelpers';
import { prng } from '../bundle/registerSeed';
import { flagged } from './operations';
import { QUOTA_RESERVE } from '../../src/domain/receipt';

const regs = (office: Office) =>
  office
    .sheetValues('Register')
    .slice(1)
    .filter((r) => String(r[0]) !== '')
    .map((r) => ({ reg: String(r[0]), subject: String(r[8]), email: String(r[6]) }));

const receiptsOf = (office: Office, reg: string) =>
  office.emu.mail.outbox.filter((m) => m.subject === `Tanda Terima Pengaduan ${reg}`).length;

function expectEachOnceOrFlagged(office: Office, n: number): { sent: number; flagged: number } {
  const all = regs(office);
  expect(all).toHaveLength(n);
  expect(new Set(all.map((r) => r.subject)).size).toBe(n); // each submission once
  expect(all.map((r) => r.reg)).toEqual(
    Array.from({ length: n }, (_, i) => `DUMAS-2026-${String(i + 1).padStart(4, '0')}`),
  );
  let sent = 0;
  let waiting = 0;
  for (const r of all) {
    const k = receiptsOf(office, r.reg);
    expect(k, r.reg).toBeLessThanOrEqual(1);
    if (k === 1) sent += 1;
    else {
      expect(flagged(office, r.reg), `${r.reg}: neither sent nor flagged`).toBe(true);
      waiting += 1;
    }
  }
  return { sent, flagged: waiting };
}

describe('nothing lost, nothing doubled under load', () => {
  it('200 submissions, 10 % lock timeouts, a trigger that never fires, the quota gone: each registered once, each receipt once or flagged', () => {
    const office = openOffice({ mailQuota: 100 });
    setSetting(office, 'url_halaman_status', STATUS_URL);
    office.emu.mail.clear();
    const formId = setting(office, 'id_formulir');
    const random = prng(18);
    let timeouts = 0;
    for (let i = 0; i < 200; i++) {
      const answers = formAnswers(person(100 + i));
      if (i % 2 === 1)
        office.emu.forms.submitWithoutTrigger(formId, answers); // the trigger never fires for these
      else {
        if (random() < 0.1) {
          office.emu.lock.failNext(1);
          timeouts += 1;
        }
        office.emu.forms.submit(formId, answers);
      }
      office.emu.clock.advance(3 * 60 * 1000);
    }
    expect(timeouts).toBeGreaterThan(3);
    // Exhausted part-way for public receipts: they stop at the reserve kept for staff mail (the team hears of the
    // first online submission of each hour only, so team notices no longer drain the rest).
    expect(office.emu.mail._remaining()).toBeLessThanOrEqual(QUOTA_RESERVE);
    expect(office.emu.triggers.failures.length).toBe(timeouts);

    office.as(PEOPLE.cs, 'reconcileForms');
    office.emu.fireTimeTriggers('2026-12-01T07:30:00+08:00'); // the next daily run (Tuesday)
    const first = expectEachOnceOrFlagged(office, 200);
    expect(first.sent).toBeGreaterThan(0);
    expect(first.flagged).toBeGreaterThan(0);
    console.log(`after reconcile and the next daily run: ${first.sent} receipts sent, ${first.flagged} flagged`);

    // The following days' runs send the flagged ones as the quota allows, each once.
    for (const day of ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08'])
      office.emu.fireTimeTriggers(`${day}T07:30:00+08:00`);
    const later = expectEachOnceOrFlagged(office, 200);
    expect(later).toEqual({ sent: 200, flagged: 0 });
    expect(office.emu.triggers.failures.length).toBe(timeouts); // the daily runs themselves never failed
  }, 120_000);

  it('a spam flood of the form: receipts limited per address, never a link from the subject, a genuine receipt still goes or waits flagged', () => {
    const office = openOffice({ mailQuota: 100 });
    office.emu.mail.clear();
    const formId = setting(office, 'id_formulir');
    const attack = 'Hadiah Rp 5.000.000 klik http://hadiah.example.com/klaim atau www.klaim-hadiah.id';
    for (let i = 0; i < 60; i++) {
      const email = i < 20 ? 'korban@contoh.id' : `acak${i}@contoh.id`;
      office.emu.forms.submit(formId, { ...formAnswers(person(300 + i)), Email: email, Perihal: attack });
    }
    const genuine = formAnswers(person(400));
    office.emu.forms.submit(formId, genuine);
    const outbox = office.emu.mail.outbox;
    expect(outbox.filter((m) => m.to === 'korban@contoh.id')).toHaveLength(3);
    for (const m of outbox) {
      const text = `${m.subject}\n${m.body}\n${m.htmlBody}`;
      expect(text).not.toMatch(/https?:\/\/hadiah|hadiah\.example\.com|www\.klaim/);
    }
    const mine = regs(office).find((r) => r.email === genuine.Email)!;
    const sent = receiptsOf(office, mine.reg);
    expect(sent === 1 || flagged(office, mine.reg)).toBe(true);
    // The reserve kept quota for staff mail: the flood never took the last recipients.
    expect(office.emu.mail._remaining()).toBeGreaterThanOrEqual(0);
    office.emu.fireTimeTriggers('2026-12-01T07:30:00+08:00');
    office.emu.fireTimeTriggers('2026-12-02T07:30:00+08:00');
    expect(receiptsOf(office, mine.reg)).toBe(1);
    expect(flagged(office, mine.reg)).toBe(false);
  }, 120_000);
});
