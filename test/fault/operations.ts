// The operations of the fault sweep: each builds its starting state through the built bundle (a fresh office every
// time, so "the same state" is rebuilt deterministically), runs once, and says whether a retry completed it.
import { queuedMail, unconfirmedMail } from './invariants';
import { STATUSES } from '../../src/domain/complaint';
import { ACTION_LABELS } from '../../src/messages/domain';
import { openOffice, PEOPLE, type Office } from '../bundle/office';
import { formAnswers, person, ratingLinkFor, setSetting, setting, STATUS_URL, walkIn } from '../bundle/publicHelpers';
import { act, INPUTS, LETTER, letterAt, recordLetter, registerRow, versionOf } from '../bundle/workflowOffice';

export interface Started {
  office: Office;
  /** What the operation works on (a registration number, a form id…). */
  data: Record<string, string>;
  /** Filled by the first run when the retry must repeat exactly what the person sent (the version they saw). */
  sent?: Record<string, unknown>;
}

export interface Operation {
  name: string;
  prepare(): Started;
  run(s: Started): void;
  /** What the person or the system does after a failure (default: the same again). */
  retry?(s: Started): void;
  /** null when the operation's effect is there exactly once; else what is missing or doubled. */
  done(s: Started): string | null;
}

type Result = { ok: boolean; message: string; emailUnconfirmed?: boolean };

export const KNOWN_STATUSES: readonly string[] = STATUSES;

const auditOf = (office: Office, reg: string, action: string) =>
  office.sheetValues('Log Audit').filter((r) => r[4] === reg && r[3] === action).length;

/** Receipts sent, and those waiting in the core's outbox (a sidebar's call queues its mail: gas/outbox.ts). */
const receipts = (office: Office, reg: string) =>
  [...office.emu.mail.outbox, ...queuedMail(office.emu.properties.scriptStore)].filter(
    (m) => m.subject === `Tanda Terima Pengaduan ${reg}`,
  ).length;

/**
 * Receipts whose sending failed wait in the receipt journal (gas/receiptJournal.ts) for the daily run; a receipt a
 * run of the outbox took and died with is counted there as unconfirmed (gas/outbox.ts).
 */
export function flagged(office: Office, reg: string): boolean {
  const store = office.emu.properties.scriptStore;
  return (
    store.has(`dumas.receipt.${reg}`) ||
    unconfirmedMail(store).some((m) => m.subject === `Tanda Terima Pengaduan ${reg}`)
  );
}

function receiptOnceOrFlagged(office: Office, reg: string): string | null {
  const n = receipts(office, reg);
  if (n > 1) return `receipt of ${reg} sent ${n} times`;
  if (n === 0 && !flagged(office, reg)) return `receipt of ${reg} neither sent nor flagged`;
  return null;
}

type Opener = (options?: { now?: string }) => Office;
let open: Opener = openOffice;

/** Opens every operation's office with `opener` from now on: the split deployment's sweep (test/split/). */
export function openOfficesWith(opener: Opener): void {
  open = opener;
}

function fresh(options: { now?: string } = {}): Office {
  const office = open(options);
  setSetting(office, 'url_halaman_status', STATUS_URL);
  office.emu.mail.clear();
  return office;
}

const regs = (office: Office) =>
  office
    .sheetValues('Register')
    .slice(1)
    .filter((r) => String(r[0]) !== '')
    .map((r) => String(r[0]));

// ------------------------------------------------------------------ intake

const formSubmission: Operation = {
  name: 'form submission',
  prepare: () => {
    const office = fresh();
    return { office, data: { formId: setting(office, 'id_formulir') } };
  },
  run: (s) => void s.office.emu.forms.submit(s.data.formId, formAnswers(person(1))),
  // The trigger does not fire again: reconcile (menu or the daily run) registers what it missed.
  retry: (s) => s.office.as(PEOPLE.cs, 'reconcileForms'),
  done: (s) => {
    const all = regs(s.office);
    if (all.length !== 1) return `${all.length} registrations of one submission`;
    return receiptOnceOrFlagged(s.office, all[0]);
  },
};

function recording(name: string, payload: Record<string, unknown>): Operation {
  return {
    name,
    prepare: () => ({ office: fresh(), data: {} }),
    run: (s) => {
      s.office.as<Result>(PEOPLE.cs, 'recordComplaint', payload);
    },
    done: (s) => {
      const all = regs(s.office);
      if (all.length !== 1) return `${all.length} registrations of one ${name}`;
      return receiptOnceOrFlagged(s.office, all[0]);
    },
  };
}

const letterRecording = recording('recording a letter', { ...LETTER, requestId: 'rq-letter-1' });
const walkInRecording = recording('recording a walk-in', {
  ...LETTER,
  channel: 'Tatap Muka',
  letterPresent: false,
  unit: 'Bidang Koperasi',
  outcome: 'agreed',
  agreedDate: '2026-12-02',
  requestId: 'rq-walkin-1',
});

// ------------------------------------------------------------------ workflow actions

type At = Parameters<typeof letterAt>[1];

function workflowAction(action: string, at: At, who: string, sidebar: string, extra = ''): Operation {
  return {
    name: `workflow: ${action}${extra}`,
    prepare: () => {
      const office = fresh();
      // Closing as agreed and reopening start from a walk-in (connected to its unit, or answered on the spot).
      const reg =
        action === 'closeWithAnswer' || action === 'reopen'
          ? walkIn(office, person(4), action === 'reopen')
          : letterAt(office, at);
      office.emu.mail.clear();
      return { office, data: { reg, version: String(versionOf(office, reg)) } };
    },
    run: (s) => {
      const input = action === 'reopen' ? { note: 'Pengadu belum puas.' } : (INPUTS[action] ?? { answer: 'Dijawab.' });
      // The person retries from the sidebar as they saw it: the same version.
      act(s.office, who, sidebar, s.data.reg, action, input, Number(s.data.version));
    },
    done: (s) => {
      const label = ACTION_LABELS[action as keyof typeof ACTION_LABELS];
      const n = auditOf(s.office, s.data.reg, label);
      if (n !== 1) return `${label} logged ${n} times`;
      const v = versionOf(s.office, s.data.reg);
      if (v !== Number(s.data.version) + 1) return `version ${v}, expected ${Number(s.data.version) + 1}`;
      return null;
    },
  };
}

const WORKFLOW: Operation[] = [
  workflowAction('agenda', 'Diterima', PEOPLE.sekretaris, 'agenda'),
  workflowAction('forwardToHead', 'Diagendakan', PEOPLE.sekretaris, 'agenda'),
  workflowAction('dispose', 'Menunggu Disposisi', PEOPLE.kadis, 'disposisi'),
  workflowAction('followUp', 'Didisposisikan', PEOPLE.koperasi, 'tindakLanjut'),
  workflowAction('requestInfo', 'Didisposisikan', PEOPLE.koperasi, 'tindakLanjut'),
  workflowAction('closeWithAnswer', 'Ditindaklanjuti', PEOPLE.koperasi, 'tindakLanjut'),
  workflowAction('extend', 'Didisposisikan', PEOPLE.ketua, 'perpanjangan'),
  workflowAction('forward', 'Didisposisikan', PEOPLE.ketua, 'alihkan'),
  workflowAction('reopen', 'Ditindaklanjuti', PEOPLE.ketua, 'bukaKembali'),
];

// ------------------------------------------------------------------ the reply letter

type LetterStep = 'draft' | 'submit' | 'sign' | 'upload' | 'deliver';
const SCAN = Buffer.from('%PDF-1.4\n% pindaian\n%%EOF\n').toString('base64');

function letter(office: Office, who: string, action: string, reg: string, extra: Record<string, unknown> = {}): Result {
  const version = versionOf(office, reg);
  const r = office.as<Result & { pending?: boolean }>(who, 'runLetterAction', {
    action,
    regNumber: reg,
    version,
    ...extra,
  });
  // Queued through the shell (gas/letterJobs.ts): the page asks for the step and shows its outcome.
  return r.pending ? office.as<Result>(who, 'runLetterWork', reg) : r;
}

const LETTER_STEPS: [LetterStep, string, Record<string, unknown>][] = [
  ['draft', PEOPLE.koperasi, { answer: 'Pendampingan dijadwalkan 3 Desember 2026.' }],
  ['submit', PEOPLE.koperasi, {}],
  ['sign', PEOPLE.kadis, {}],
  ['upload', PEOPLE.sekretaris, { fileBase64: SCAN }],
  ['deliver', PEOPLE.sekretaris, { method: 'email' }],
];

/** Status after each step (upload keeps the status). */
const AFTER: Record<string, string> = {
  draft: 'Konsep Jawaban',
  submit: 'Menunggu Tanda Tangan',
  sign: 'Menunggu Tanda Tangan',
  upload: 'Menunggu Tanda Tangan',
  deliver: 'Selesai',
};

const letterEmails = (office: Office, reg: string) =>
  office.emu.mail.outbox.filter((m) => m.subject === `Surat Jawaban Pengaduan ${reg}`).length;

function letterStep(step: LetterStep, extra: Record<string, unknown> = {}, label = ''): Operation {
  const index = LETTER_STEPS.findIndex((x) => x[0] === step);
  return {
    name: `letter: ${step}${label}`,
    prepare: () => {
      const office = fresh();
      const reg = letterAt(office, 'Didisposisikan');
      for (const [a, who, input] of LETTER_STEPS.slice(0, index)) {
        const r = letter(office, who, a, reg, input);
        if (!r.ok) throw new Error(`${a}: ${r.message}`);
      }
      office.emu.mail.clear();
      return { office, data: { reg } };
    },
    run: (s) => {
      const [, who, input] = LETTER_STEPS[index];
      letter(s.office, who, step, s.data.reg, { ...input, ...extra });
    },
    retry: (s) => {
      const [, who, input] = LETTER_STEPS[index];
      const r = letter(s.office, who, step, s.data.reg, { ...input, ...extra });
      if (r.ok || !r.emailUnconfirmed) return;
      // The sidebar asks: the person looks in the Sent folder of the account that was sending (MailApp sends as the
      // person at the sidebar; the emulator's outbox is what MailApp sent) and answers what they found there.
      const found = letterEmails(s.office, s.data.reg) > 0;
      letter(s.office, who, step, s.data.reg, { ...input, ...extra, emailCheck: found ? 'sent' : 'resend' });
    },
    done: (s) => {
      const row = registerRow(s.office, s.data.reg);
      if (row['Status'] !== AFTER[step]) return `status ${String(row['Status'])}, expected ${AFTER[step]}`;
      if (step === 'sign' && !row['No. Surat Jawaban']) return 'signed without a letter number';
      if (step === 'deliver' && extra.method !== 'pos') {
        const n = letterEmails(s.office, s.data.reg);
        if (n !== 1) return `the letter was emailed ${n} times`;
      }
      return null;
    },
  };
}

const LETTERS: Operation[] = [
  letterStep('draft'),
  letterStep('submit'),
  letterStep('sign'),
  letterStep('upload'),
  letterStep('deliver'),
  letterStep('deliver', { method: 'pos', handedOverDate: '2026-11-30' }, ' by post'),
];

// ------------------------------------------------------------------ the system's runs

const reconcile: Operation = {
  name: 'reconcile',
  prepare: () => {
    const office = fresh();
    const formId = setting(office, 'id_formulir');
    office.emu.forms.submitWithoutTrigger(formId, formAnswers(person(2)));
    office.emu.forms.submitWithoutTrigger(formId, formAnswers(person(3)));
    return { office, data: { formId } };
  },
  run: (s) => s.office.as(PEOPLE.sekretaris, 'reconcileForms'),
  done: (s) => {
    const all = regs(s.office);
    if (all.length !== 2) return `${all.length} registrations of two responses`;
    return receiptOnceOrFlagged(s.office, all[0]) ?? receiptOnceOrFlagged(s.office, all[1]);
  },
};

function dailyState(office: Office): { day?: string; sent?: string[] } {
  return JSON.parse(office.emu.properties.scriptStore.get('dumas.daily') ?? '{}') as { day?: string; sent?: string[] };
}

/** Tuesday 1 December 2026, 07:00: the first working day of the month (the recap is due too). */
const dailyRun: Operation = {
  name: 'daily run',
  prepare: () => {
    const office = fresh({ now: '2026-11-13T09:00:00+08:00' });
    // Complaints late for the leader and for two units, recorded and disposed through the bundle two weeks earlier.
    for (const unit of ['Bidang Koperasi', 'Bidang Usaha Kecil dan Menengah']) {
      const reg = recordLetter(office);
      for (const [who, sidebar, action, input] of [
        [PEOPLE.sekretaris, 'agenda', 'agenda', { agendaNumber: `SM-${unit.length}`, agendaDate: '2026-11-13' }],
        [PEOPLE.sekretaris, 'agenda', 'forwardToHead', {}],
        [PEOPLE.kadis, 'disposisi', 'dispose', { ...INPUTS.dispose, unit }],
      ] as const) {
        const r = act(office, who, sidebar, reg, action, input);
        if (!r.ok) throw new Error(r.message);
      }
    }
    office.emu.clock.set('2026-12-01T07:00:00+08:00');
    office.emu.mail.clear();
    return { office, data: {} };
  },
  run: (s) => void s.office.trigger('runDaily'),
  // The next attempt: the trigger an hour later, or tomorrow's; here the same day, after a crashed run's claim expired.
  retry: (s) => {
    s.office.emu.clock.advance(20 * 60 * 1000);
    s.office.trigger('runDaily');
  },
  done: (s) => {
    const st = dailyState(s.office);
    const want = ['leader', 'unit:Bidang Koperasi', 'unit:Bidang Usaha Kecil dan Menengah'];
    const missing = want.filter((k) => !(st.sent ?? []).includes(k));
    if (missing.length > 0) return `digests not sent: ${missing.join(', ')}`;
    return null;
  },
};

const monthlyReport: Operation = {
  name: 'monthly report',
  prepare: () => {
    const office = fresh();
    letterAt(office, 'Didisposisikan');
    office.emu.clock.set('2026-12-02T10:00:00+08:00');
    return { office, data: {} };
  },
  run: (s) => s.office.as(PEOPLE.ketua, 'buildReport'),
  done: (s) => (s.office.emu.spreadsheet.getSheetByName('Laporan') ? null : 'no Laporan sheet'),
};

const purge: Operation = {
  name: 'purge',
  prepare: () => {
    const office = fresh();
    const p = person(7);
    const reg = walkIn(office, p, true); // closed at once
    office.emu.clock.set('2028-12-04T08:00:00+08:00');
    return { office, data: { reg } };
  },
  run: (s) => {
    s.office.emu.ui.answerNext('YES');
    s.office.as(PEOPLE.admin, 'purgePersonalData');
  },
  done: (s) => {
    const row = registerRow(s.office, s.data.reg);
    if (row['NIK'] !== '' || row['Nama Pengadu'] !== '') return 'personal data still there';
    const n = auditOf(s.office, s.data.reg, 'Hapus Data Pribadi');
    return n === 1 ? null : `purge logged ${n} times`;
  },
};

/**
 * The daily run's purge of an online complaint (its form answer) and a walk-in with its berita acara: whatever call
 * fails, the identity goes once, and the leftovers wait in the journal until a later run removes them.
 */
const dailyPurge: Operation = {
  name: 'daily purge with leftovers',
  prepare: () => {
    const office = fresh();
    const formId = setting(office, 'id_formulir');
    office.emu.forms.submit(formId, formAnswers(person(11)));
    const online = regs(office).at(-1)!;
    const r = act(office, PEOPLE.ketua, 'alihkan', online, 'forward', INPUTS.forward);
    if (!r.ok) throw new Error(r.message);
    const walk = walkIn(office, person(12), true);
    const version = versionOf(office, walk);
    const b = office.as<Result>(PEOPLE.cs, 'runLetterAction', { action: 'beritaAcara', regNumber: walk, version });
    if (!b.ok) throw new Error(b.message);
    office.emu.clock.set('2028-12-04T07:00:00+08:00');
    return { office, data: { online, walk, formId } };
  },
  run: (s) => void s.office.trigger('runDaily'),
  // As for the daily run: the next attempt comes after a crashed run's claim expired.
  retry: (s) => {
    s.office.emu.clock.advance(20 * 60 * 1000);
    s.office.trigger('runDaily');
  },
  done: (s) => {
    for (const reg of [s.data.online, s.data.walk]) {
      const row = registerRow(s.office, reg);
      if (row['NIK'] !== '' || row['Nama Pengadu'] !== '') return `${reg}: personal data still there`;
      const n = auditOf(s.office, reg, 'Hapus Data Pribadi');
      if (n !== 1) return `${reg}: purge logged ${n} times`;
    }
    if (s.office.emu.forms.responses(s.data.formId).length > 0) return 'form answer not deleted';
    const left = [...s.office.emu.properties.scriptStore.keys()].filter((k) => k.startsWith('dumas.purge.'));
    if (left.length > 0) return `leftovers still pending: ${left.join(', ')}`;
    const live = s.office.emu.drive.files().filter((f) => !f.trashed && f.name.includes(s.data.walk));
    return live.length === 0 ? null : `berita acara not trashed: ${live.map((f) => f.name).join(', ')}`;
  },
};

const statusLookup: Operation = {
  name: 'status lookup',
  prepare: () => {
    const office = fresh();
    const reg = walkIn(office, person(8), false);
    return { office, data: { reg, code: String(registerRow(office, reg)['Kode Akses']) } };
  },
  run: (s) => s.office.web('checkStatus', s.data.reg, s.data.code),
  done: (s) => {
    const r = s.office.web<{ ok: boolean }>('checkStatus', s.data.reg, s.data.code);
    return r.ok ? null : 'lookup refused';
  },
};

const rating: Operation = {
  name: 'rating',
  prepare: () => {
    const office = fresh();
    const p = person(9);
    const reg = walkIn(office, p, true);
    const token = ratingLinkFor(office, p.email).searchParams.get('t') ?? '';
    return { office, data: { reg, token } };
  },
  run: (s) =>
    s.office.web('submitRating', {
      regNumber: s.data.reg,
      token: s.data.token,
      score: 4,
      resolved: true,
    }),
  done: (s) => {
    const sheet = s.office.emu.spreadsheet.getSheetByName('Penilaian');
    const n = sheet
      ? sheet
          .getDataRange()
          .getValues()
          .filter((r) => r.includes(s.data.reg)).length
      : 0;
    return n === 1 ? null : `${n} ratings stored`;
  },
};

export const OPERATIONS: Operation[] = [
  formSubmission,
  letterRecording,
  walkInRecording,
  ...WORKFLOW,
  ...LETTERS,
  reconcile,
  dailyRun,
  monthlyReport,
  purge,
  dailyPurge,
  statusLookup,
  rating,
];
