// The fault review's cases, one by one through the bundle: the daily run crashing after its digests went out, a
// workflow step whose audit append or register write fails, a recording retried after its answer was lost.
import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../bundle/office';
import { act, INPUTS, LETTER, registerRow, versionOf } from '../bundle/workflowOffice';
import type { Started } from './operations';
import { OPERATIONS } from './operations';

const op = (name: string) => OPERATIONS.find((o) => o.name === name)!;

/** Runs `fn` and returns the 1-based indexes (as the fault injector counts) of the service calls named `name`. */
function callsNamed(s: Started, name: string, fn: () => void): number[] {
  const start = s.office.emu.calls.all().length;
  fn();
  return s.office.emu.calls
    .all()
    .slice(start)
    .filter((r) => r.kind !== 'local')
    .flatMap((r, i) => (r.name === name ? [i + 1] : []));
}

const digests = (s: Started) => s.office.emu.mail.outbox.filter((m) => m.subject.includes('Pengingat batas waktu'));

describe('the daily run is crash-safe', () => {
  it('stopped by the time limit right after the last digest went out: the next run sends none of them again', () => {
    const daily = op('daily run');
    const clean = daily.prepare();
    const sends = callsNamed(clean, 'MailApp.sendEmail', () => daily.run(clean));
    expect(digests(clean)).toHaveLength(3);

    const s = daily.prepare();
    s.office.emu.faults.arm({ at: sends[sends.length - 1] + 1, kind: 'time' });
    expect(() => daily.run(s)).toThrow('Exceeded maximum execution time'); // Apps Script logs the failed trigger
    s.office.emu.faults.disarm();
    s.office.emu.lock.releaseAll();
    expect(digests(s)).toHaveLength(3);
    // The crashed run's claim keeps a second run out for a while …
    s.office.trigger('runDaily');
    expect(digests(s)).toHaveLength(3);
    // … and expires: the next run finds every digest claimed and sends nothing twice.
    s.office.emu.clock.advance(11 * 60 * 1000);
    s.office.trigger('runDaily');
    expect(digests(s)).toHaveLength(3);
    expect(s.office.emu.properties.scriptStore.has('dumas.daily.run')).toBe(false);
  });
});

describe('audit and register: neither without the other', () => {
  const setup = () => {
    const s = op('workflow: dispose').prepare();
    const reg = s.data.reg;
    const version = versionOf(s.office, reg);
    const audit = () => s.office.sheetValues('Log Audit').filter((r) => r[4] === reg && r[3] === 'Disposisi').length;
    const dispose = () => act(s.office, PEOPLE.kadis, 'disposisi', reg, 'dispose', INPUTS.dispose, version);
    return { s, reg, version, audit, dispose };
  };

  it('the audit append fails: the register is unchanged and the retry goes through, logged once', () => {
    const { s, reg, version, audit, dispose } = setup();
    const clean = setup();
    const writes = callsNamed(clean.s, 'Range.setValues', () => clean.dispose());
    s.office.emu.faults.arm({ at: writes[0], kind: 'error' }); // the first write is the audit row's
    expect(dispose().ok).toBe(false);
    s.office.emu.faults.disarm();
    expect(audit()).toBe(0);
    expect(versionOf(s.office, reg)).toBe(version);
    expect(dispose().ok).toBe(true);
    expect(audit()).toBe(1);
    expect(registerRow(s.office, reg)['Status']).toBe('Didisposisikan');
  });

  it('the register write fails after the audit row: the retry completes the step and does not log it twice', () => {
    const { s, reg, version, audit, dispose } = setup();
    const clean = setup();
    const writes = callsNamed(clean.s, 'Range.setValues', () => clean.dispose());
    s.office.emu.faults.arm({ at: writes[1], kind: 'error' }); // the second is the register row's
    const failed = dispose();
    s.office.emu.faults.disarm();
    expect(failed.ok).toBe(false);
    expect(versionOf(s.office, reg)).toBe(version);
    expect(dispose().ok).toBe(true);
    expect(audit()).toBe(1);
    expect(versionOf(s.office, reg)).toBe(version + 1);
  });
});

describe('a recording retried after its answer was lost', () => {
  it('registers once and gives the same number and access code again', () => {
    const s = op('recording a letter').prepare();
    const payload = { ...LETTER, requestId: 'rq-named-case-1' };
    type Rec = { ok: boolean; regNumber: string; receipt: { accessCode: string } | null };
    const clean = op('recording a letter').prepare();
    const last = callsNamed(
      clean,
      'MailApp.sendEmail',
      () => void clean.office.as(PEOPLE.cs, 'recordComplaint', payload),
    );
    // Stopped after the row and the receipt: the officer sees an error and saves again.
    s.office.emu.faults.arm({ at: last[last.length - 1], kind: 'time' });
    s.office.as<Rec>(PEOPLE.cs, 'recordComplaint', payload);
    s.office.emu.faults.disarm();
    s.office.emu.lock.releaseAll();
    const again = s.office.as<Rec>(PEOPLE.cs, 'recordComplaint', payload);
    expect(again.ok).toBe(true);
    expect(again.regNumber).toBe('DUMAS-2026-0001');
    expect(again.receipt?.accessCode).toBe(registerRow(s.office, 'DUMAS-2026-0001')['Kode Akses']);
    expect(s.office.sheetValues('Register').filter((r) => r[0] !== '' && r[0] !== 'No. Registrasi')).toHaveLength(1);
    // A new complaint (a new key) gets the next number.
    const next = s.office.as<Rec>(PEOPLE.cs, 'recordComplaint', { ...payload, requestId: 'rq-named-case-2' });
    expect(next.regNumber).toBe('DUMAS-2026-0002');
  });
});

describe('the reply letter by email is never sent twice', () => {
  const deliver = op('letter: deliver');
  type Outcome = { ok: boolean; message: string; emailUnconfirmed?: boolean };
  const letterMails = (s: Started) =>
    s.office.emu.mail.outbox.filter((m) => m.subject === `Surat Jawaban Pengaduan ${s.data.reg}`).length;
  const again = (s: Started, extra: Record<string, unknown> = {}) =>
    s.office.as<Outcome>(PEOPLE.sekretaris, 'runLetterAction', {
      action: 'deliver',
      regNumber: s.data.reg,
      version: versionOf(s.office, s.data.reg),
      method: 'email',
      ...extra,
    });

  /** Stops the delivery by the time limit at call `at`, as Apps Script would. */
  function stoppedAt(at: (sends: number) => number): Started {
    const clean = deliver.prepare();
    const [send] = callsNamed(clean, 'MailApp.sendEmail', () => deliver.run(clean));
    const s = deliver.prepare();
    s.office.emu.faults.arm({ at: at(send), kind: 'time' });
    deliver.run(s); // the server function answers with the error Apps Script gives once the time is up
    expect(s.office.emu.faults.fired.at(-1)?.message).toContain('Exceeded maximum execution time');
    s.office.emu.faults.disarm();
    s.office.emu.lock.releaseAll();
    return s;
  }

  it('stopped right after the email left: the retry asks instead of sending; "Sudah terkirim" closes it, once', () => {
    const s = stoppedAt((send) => send + 1);
    expect(letterMails(s)).toBe(1);
    const asked = again(s);
    expect(asked).toMatchObject({ ok: false, emailUnconfirmed: true });
    expect(asked.message).toContain('folder Terkirim');
    expect(asked.message).toContain(PEOPLE.sekretaris); // whose Gmail to look in
    expect(letterMails(s)).toBe(1);
    expect(again(s, { emailCheck: 'sent' }).ok).toBe(true);
    expect(registerRow(s.office, s.data.reg)['Status']).toBe('Selesai');
    expect(letterMails(s)).toBe(1);
  });

  it('stopped at the send itself (nothing left): the retry asks; "kirim ulang" sends it, once', () => {
    const s = stoppedAt((send) => send);
    expect(letterMails(s)).toBe(0);
    expect(again(s)).toMatchObject({ ok: false, emailUnconfirmed: true });
    expect(again(s, { emailCheck: 'resend' }).ok).toBe(true);
    expect(letterMails(s)).toBe(1);
    expect(registerRow(s.office, s.data.reg)['Status']).toBe('Selesai');
  });

  it('a refused email leaves no claim: the plain retry sends it', () => {
    const clean = deliver.prepare();
    const [send] = callsNamed(clean, 'MailApp.sendEmail', () => deliver.run(clean));
    const s = deliver.prepare();
    s.office.emu.faults.arm({ at: send, kind: 'error' });
    deliver.run(s);
    s.office.emu.faults.disarm();
    expect(letterMails(s)).toBe(0);
    expect(again(s).ok).toBe(true);
    expect(letterMails(s)).toBe(1);
  });
});
