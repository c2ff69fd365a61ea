// Concurrency at call boundaries: another execution runs between two service calls of this one (the fault injector's
// 'interleave'), with the locks this execution holds held against it. For every k: the sweep's invariants hold.
import { describe, expect, it } from 'vitest';
import { PEOPLE, type Office } from '../bundle/office';
import { formAnswers, person, setting } from '../bundle/publicHelpers';
import { act, INPUTS, registerRow, versionOf } from '../bundle/workflowOffice';
import { observe, snapshot, violations } from './invariants';
import { flagged, KNOWN_STATUSES, OPERATIONS } from './operations';
import { countCalls } from './sweep';

const op = (name: string) => {
  const found = OPERATIONS.find((o) => o.name === name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
};

/** The daily run's boundaries are many (~140): every 9th under `npm test`; DUMAS_SWEEP_FULL=1 tries each. */
const STRIDE = process.env.DUMAS_SWEEP_FULL ? 1 : 9;

function interleaved(
  name: string,
  other: (office: Office, data: Record<string, string>) => void,
  check: (office: Office, data: Record<string, string>) => string | null,
  stride = 1,
): string[] {
  const base = op(name);
  const n = countCalls(base);
  const out: string[] = [];
  for (let k = 1; k <= n; k += k === n ? 1 : Math.min(stride, Math.max(1, n - k))) {
    const s = base.prepare();
    const before = snapshot(observe(s.office));
    s.office.emu.faults.arm({
      at: k,
      kind: 'interleave',
      run: () =>
        s.office.emu.lock.asOtherExecution(() => {
          try {
            other(s.office, s.data);
          } catch {
            // the other execution may fail (lock busy): Apps Script logs it; nothing may be lost
          }
        }),
    });
    try {
      base.run(s);
    } catch {
      // as above
    } finally {
      s.office.emu.faults.disarm();
      s.office.emu.lock.releaseAll();
    }
    for (const v of violations(observe(s.office), before, { knownStatuses: KNOWN_STATUSES })) out.push(`k=${k}: ${v}`);
    const bad = check(s.office, s.data);
    if (bad) out.push(`k=${k}: ${bad}`);
  }
  return out;
}

const auditCount = (office: Office, reg: string, action: string) =>
  office.sheetValues('Log Audit').filter((r) => r[4] === reg && r[3] === action).length;

describe('concurrency at every call boundary', () => {
  it('two staff on one complaint: each step is applied and logged once, or refused; never half-done', () => {
    const out = interleaved(
      'workflow: followUp',
      (office, data) => {
        // The Ketua Tim extends the same complaint from the version both saw.
        act(office, PEOPLE.ketua, 'perpanjangan', data.reg, 'extend', INPUTS.extend, Number(data.version));
      },
      (office, data) => {
        const done = ['Catat tindak lanjut', 'Perpanjang (kasus khusus)'].map((a) => auditCount(office, data.reg, a));
        if (done.some((d) => d > 1)) return `a step logged twice: ${done.join(',')}`;
        const v = versionOf(office, data.reg);
        const applied = done[0] + done[1];
        if (v !== Number(data.version) + applied) return `version ${v} after ${applied} logged steps`;
        return applied >= 1 ? null : 'neither step applied';
      },
    );
    expect(out).toEqual([]);
  }, 120_000);

  it('a form submission during the daily run: registered once, its receipt sent once or flagged', () => {
    const out = interleaved(
      'daily run',
      (office) => void office.emu.forms.submit(setting(office, 'id_formulir'), formAnswers(person(40))),
      (office) => {
        // Whatever the trigger missed, the next reconcile registers.
        office.as(PEOPLE.cs, 'reconcileForms');
        const mine = office
          .sheetValues('Register')
          .filter((r) => String(r[8]) === person(40).subject)
          .map((r) => String(r[0]));
        if (mine.length !== 1) return `${mine.length} registrations`;
        const receipts = office.emu.mail.outbox.filter((m) => m.subject === `Tanda Terima Pengaduan ${mine[0]}`);
        if (receipts.length > 1) return 'receipt sent twice';
        return receipts.length === 1 || flagged(office, mine[0]) ? null : 'receipt neither sent nor flagged';
      },
      STRIDE,
    );
    expect(out).toEqual([]);
  }, 120_000);

  it('two daily runs at once: every digest goes once; the second run leaves at once or finds them sent', () => {
    const out = interleaved(
      'daily run',
      (office) => void office.trigger('runDaily'),
      (office) => {
        const digests = office.emu.mail.outbox.filter(
          (m) => m.subject.includes('Pengingat batas waktu') || m.subject.includes('Rekap pengaduan'),
        );
        const keys = digests.map((m) => `${m.to}|${m.subject}`);
        if (new Set(keys).size !== keys.length) return `a digest sent twice: ${keys.join('; ')}`;
        return null;
      },
      STRIDE,
    );
    expect(out).toEqual([]);
  }, 120_000);

  it('the interleaved run really ran: a second daily run while the first holds its claim leaves without sending', () => {
    const base = op('daily run');
    const s = base.prepare();
    const sent: number[] = [];
    s.office.emu.faults.arm({
      at: 20,
      kind: 'interleave',
      run: () =>
        s.office.emu.lock.asOtherExecution(() => {
          const before = s.office.emu.mail.outbox.length;
          s.office.trigger('runDaily');
          sent.push(s.office.emu.mail.outbox.length - before);
        }),
    });
    base.run(s);
    s.office.emu.faults.disarm();
    expect(sent).toEqual([0]);
    expect(base.done(s)).toBeNull();
    expect(registerRow(s.office, 'DUMAS-2026-0001')['Status']).toBe('Didisposisikan');
  }, 60_000);
});
