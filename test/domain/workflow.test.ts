// The transition table checked against an independent, hand-written list of who may do what, and each action's effect.
import { describe, expect, it } from 'vitest';
import { CHANNELS, STATUSES, type Channel, type Complaint, type Status } from '../../src/domain/complaint';
import { ROLES, ROLE_LABELS, type Role } from '../../src/domain/roles';
import { dayKeyOf, instantAt } from '../../src/domain/time';
import { withPersonalDataFlag } from '../../src/domain/personalData';
import {
  ACTION_NAMES,
  TRANSITIONS,
  allowedActions,
  applyAction,
  canRegister,
  type ActionInput,
  type ActionName,
} from '../../src/domain/workflow';
import { DEADLINE, NOW, UNIT, actors, cal, complaintIn, ctx, fullInput } from './fixtures';

const OPEN: Status[] = [
  'Diterima',
  'Diagendakan',
  'Menunggu Disposisi',
  'Didisposisikan',
  'Ditindaklanjuti',
  'Konsep Jawaban',
  'Menunggu Tanda Tangan',
];
const LETTER: Channel[] = ['Surat', 'Formulir Online', 'SP4N-LAPOR!'];
const ALL: Channel[] = ['Surat', 'Tatap Muka', 'Formulir Online', 'SP4N-LAPOR!'];

/** Written from the SOP and the design brief, independently of src/domain/workflow.ts. */
const EXPECTED: Record<ActionName, { roles: Role[]; from: Status[]; to: Status; channels: Channel[] }> = {
  agenda: { roles: ['SEKRETARIS'], from: ['Diterima'], to: 'Diagendakan', channels: LETTER },
  forwardToHead: { roles: ['SEKRETARIS', 'KETUA'], from: ['Diagendakan'], to: 'Menunggu Disposisi', channels: LETTER },
  dispose: { roles: ['KEPALA_DINAS'], from: ['Menunggu Disposisi'], to: 'Didisposisikan', channels: LETTER },
  connectToUnit: { roles: ['CS'], from: ['Diterima'], to: 'Ditindaklanjuti', channels: ['Tatap Muka'] },
  answerOnSpot: {
    roles: ['CS', 'ANGGOTA'],
    from: ['Diterima', 'Ditindaklanjuti'],
    to: 'Selesai',
    channels: ['Tatap Muka'],
  },
  closeWithAnswer: { roles: ['ANGGOTA', 'KETUA'], from: ['Ditindaklanjuti'], to: 'Selesai', channels: ['Tatap Muka'] },
  followUp: {
    roles: ['ANGGOTA', 'KETUA'],
    from: ['Didisposisikan', 'Ditindaklanjuti'],
    to: 'Ditindaklanjuti',
    channels: ALL,
  },
  requestInfo: {
    roles: ['ANGGOTA'],
    from: ['Didisposisikan', 'Ditindaklanjuti'],
    to: 'Ditindaklanjuti',
    channels: ALL,
  },
  draftReply: {
    roles: ['ANGGOTA'],
    from: ['Didisposisikan', 'Ditindaklanjuti', 'Konsep Jawaban'],
    to: 'Konsep Jawaban',
    channels: ALL,
  },
  submitForSignature: {
    roles: ['ANGGOTA', 'KETUA', 'SEKRETARIS'],
    from: ['Konsep Jawaban'],
    to: 'Menunggu Tanda Tangan',
    channels: ALL,
  },
  returnToUnit: { roles: ['KEPALA_DINAS'], from: ['Menunggu Tanda Tangan'], to: 'Ditindaklanjuti', channels: ALL },
  sign: { roles: ['KEPALA_DINAS'], from: ['Menunggu Tanda Tangan'], to: 'Menunggu Tanda Tangan', channels: ALL },
  deliver: {
    roles: ['SEKRETARIS', 'CS', 'KETUA', 'ANGGOTA'],
    from: ['Menunggu Tanda Tangan'],
    to: 'Selesai',
    channels: ALL,
  },
  extend: { roles: ['KETUA', 'KEPALA_DINAS'], from: OPEN, to: 'same' as Status, channels: ALL },
  forward: { roles: ['KETUA'], from: OPEN, to: 'Dialihkan', channels: ALL },
  reopen: { roles: ['KETUA'], from: ['Selesai'], to: 'Ditindaklanjuti', channels: ALL },
  releasePersonalData: { roles: ['KETUA'], from: [...STATUSES], to: 'same' as Status, channels: ALL },
  postToLapor: {
    roles: ['CS', 'SEKRETARIS'],
    from: ['Konsep Jawaban', 'Menunggu Tanda Tangan'],
    to: 'Selesai',
    channels: ['SP4N-LAPOR!'],
  },
  markDuplicate: { roles: ['SEKRETARIS', 'KETUA'], from: OPEN, to: 'Selesai', channels: ALL },
  linkRelated: { roles: ['SEKRETARIS', 'KETUA'], from: [...STATUSES], to: 'same' as Status, channels: ALL },
  setCategory: { roles: ['SEKRETARIS', 'KETUA'], from: [...STATUSES], to: 'same' as Status, channels: ALL },
};

/** The state an action needs besides its status (deliver needs a signed letter; sign an unsigned one). */
function fixtureFor(action: ActionName, status: Status, channel: Channel): Complaint {
  const c = complaintIn(status, channel, action === 'deliver');
  // Posting back to LAPOR! needs the unit's answer.
  if (action === 'postToLapor') return { ...c, answer: 'Sudah ditindaklanjuti.', laporId: '1916449' };
  if (action !== 'releasePersonalData') return c;
  // Releasing needs something flagged: a phone number written into the description.
  const flagged = { ...c, description: `${c.description} Hubungi 0812-3456-7890.` };
  return { ...flagged, verificationFlags: withPersonalDataFlag(flagged) };
}

describe('the transition table', () => {
  it('lists exactly the expected actions, and ADMIN in none of them', () => {
    expect(TRANSITIONS.map((t) => t.action).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const t of TRANSITIONS) expect(t.roles).not.toContain('ADMIN');
    for (const t of TRANSITIONS) expect(t.label).not.toBe('');
  });

  it('has one transition for every action name the domain declares, each labelled by messages', () => {
    expect(TRANSITIONS.map((t) => t.action).sort()).toEqual([...ACTION_NAMES].sort());
    expect(new Set(TRANSITIONS.map((t) => t.action)).size).toBe(TRANSITIONS.length);
  });

  for (const action of Object.keys(EXPECTED) as ActionName[]) {
    const exp = EXPECTED[action];
    it(`${action}: allowed exactly for ${exp.roles.join('/')} on ${exp.from.length} status(es), ${exp.channels.join('/')}`, () => {
      let allowedCount = 0;
      for (const role of ROLES) {
        for (const channel of CHANNELS) {
          for (const status of STATUSES) {
            const c = fixtureFor(action, status, channel);
            const shouldPass = exp.roles.includes(role) && exp.from.includes(status) && exp.channels.includes(channel);
            const r = applyAction(c, action, actors[role], fullInput, ctx);
            const where = `${role} ${channel} ${status}`;
            expect(r.ok, `${where}: ${r.ok ? '' : r.error}`).toBe(shouldPass);
            expect(allowedActions(c, actors[role], ctx).includes(action), where).toBe(shouldPass);
            if (r.ok) {
              allowedCount++;
              expect(r.complaint.status).toBe(exp.to === ('same' as Status) ? status : exp.to);
              expect(r.complaint.version).toBe(c.version + 1);
              expect(r.complaint.updatedAt).toBe(NOW);
              expect(r.complaint.updatedBy).toBe(actors[role].email);
            } else if (!exp.roles.includes(role)) {
              expect(r.code).toBe('role');
              if (role === 'ADMIN') expect(r.error).toContain('pemisahan tugas');
              else for (const allowed of exp.roles) expect(r.error).toContain(ROLE_LABELS[allowed]);
            } else if (!exp.channels.includes(channel)) {
              expect(r.code).toBe('channel');
              expect(r.error).toContain(channel);
            } else {
              expect(r.code).toBe('status');
              expect(r.error).toContain(`"${status}"`);
            }
          }
        }
      }
      expect(allowedCount).toBe(exp.roles.length * exp.from.length * exp.channels.length);
    });
  }

  it('who may register letters and walk-ins; online complaints come only from the form', () => {
    const expected: [Role, Channel, boolean][] = [
      ['CS', 'Surat', true],
      ['CS', 'Tatap Muka', true],
      ['CS', 'Formulir Online', false],
      ['SEKRETARIS', 'Surat', true],
      ['SEKRETARIS', 'Tatap Muka', true],
      ['SEKRETARIS', 'Formulir Online', false],
    ];
    for (const [role, channel, ok] of expected) expect(canRegister(role, channel)).toBe(ok);
    for (const role of ['KETUA', 'KEPALA_DINAS', 'ANGGOTA', 'ADMIN'] as Role[]) {
      for (const channel of CHANNELS) expect(canRegister(role, channel)).toBe(false);
    }
  });
});

describe('unit scoping (ANGGOTA acts only for their own unit)', () => {
  const scoped: [ActionName, Status, Channel][] = [
    ['answerOnSpot', 'Ditindaklanjuti', 'Tatap Muka'],
    ['closeWithAnswer', 'Ditindaklanjuti', 'Tatap Muka'],
    ['followUp', 'Didisposisikan', 'Surat'],
    ['requestInfo', 'Ditindaklanjuti', 'Surat'],
    ['draftReply', 'Ditindaklanjuti', 'Formulir Online'],
    ['submitForSignature', 'Konsep Jawaban', 'Surat'],
    ['deliver', 'Menunggu Tanda Tangan', 'Surat'],
  ];
  const other = { ...actors.ANGGOTA, unit: 'Bidang Koperasi' };

  it.each(scoped)(
    '%s: another unit is refused, the same unit in other spelling is accepted',
    (action, status, channel) => {
      const c = complaintIn(status, channel, action === 'deliver');
      const r = applyAction(c, action, other, fullInput, ctx);
      expect(r).toMatchObject({ ok: false, code: 'unit' });
      if (!r.ok) expect(r.error).toContain(UNIT);
      expect(applyAction(c, action, { ...actors.ANGGOTA, unit: ' bidang  umkm ' }, fullInput, ctx).ok).toBe(true);
      expect(applyAction(c, action, { ...actors.ANGGOTA, unit: undefined }, fullInput, ctx)).toMatchObject({
        ok: false,
        code: 'unit',
      });
    },
  );

  it('the team-wide roles act on any unit', () => {
    const c = complaintIn('Didisposisikan');
    expect(applyAction({ ...c, unit: 'Bidang Koperasi' }, 'followUp', actors.KETUA, fullInput, ctx).ok).toBe(true);
  });

  it('an ANGGOTA cannot answer a walk-in not yet connected to a unit; CS can', () => {
    const c = { ...complaintIn('Diterima', 'Tatap Muka'), unit: '' };
    expect(applyAction(c, 'answerOnSpot', actors.ANGGOTA, fullInput, ctx)).toMatchObject({ ok: false, code: 'unit' });
    const r = applyAction(c, 'answerOnSpot', actors.CS, fullInput, ctx);
    expect(r.ok && r.complaint.unit).toBe(UNIT);
  });
});

describe('required inputs are named in Indonesian', () => {
  const cases: [ActionName, Status, Channel, Role, keyof ActionInput, string][] = [
    ['agenda', 'Diterima', 'Surat', 'SEKRETARIS', 'agendaNumber', 'Nomor Agenda'],
    ['agenda', 'Diterima', 'Surat', 'SEKRETARIS', 'agendaDate', 'Tanggal Agenda'],
    ['dispose', 'Menunggu Disposisi', 'Surat', 'KEPALA_DINAS', 'unit', 'Bidang/Sekretariat'],
    ['dispose', 'Menunggu Disposisi', 'Surat', 'KEPALA_DINAS', 'instruction', 'Isi Disposisi'],
    ['connectToUnit', 'Diterima', 'Tatap Muka', 'CS', 'unit', 'Bidang/Sekretariat'],
    ['answerOnSpot', 'Diterima', 'Tatap Muka', 'CS', 'answer', 'Jawaban'],
    ['followUp', 'Didisposisikan', 'Surat', 'ANGGOTA', 'note', 'Catatan'],
    ['requestInfo', 'Didisposisikan', 'Surat', 'ANGGOTA', 'note', 'Catatan'],
    ['draftReply', 'Didisposisikan', 'Surat', 'ANGGOTA', 'answer', 'Jawaban'],
    ['returnToUnit', 'Menunggu Tanda Tangan', 'Surat', 'KEPALA_DINAS', 'note', 'Catatan'],
    ['sign', 'Menunggu Tanda Tangan', 'Surat', 'KEPALA_DINAS', 'letterNumber', 'Nomor Surat'],
    ['closeWithAnswer', 'Ditindaklanjuti', 'Tatap Muka', 'KETUA', 'answer', 'Jawaban'],
    ['extend', 'Didisposisikan', 'Surat', 'KETUA', 'extOfficial', 'Pejabat yang Berhalangan'],
    ['extend', 'Didisposisikan', 'Surat', 'KETUA', 'extReason', 'Alasan Perpanjangan'],
    ['extend', 'Didisposisikan', 'Surat', 'KETUA', 'extFrom', 'Berhalangan Mulai'],
    ['extend', 'Didisposisikan', 'Surat', 'KETUA', 'extUntil', 'Berhalangan Sampai'],
    ['forward', 'Diterima', 'Surat', 'KETUA', 'forwardedTo', 'Dialihkan Kepada'],
    ['forward', 'Diterima', 'Surat', 'KETUA', 'forwardNote', 'Keterangan Pengalihan'],
    ['reopen', 'Selesai', 'Surat', 'KETUA', 'note', 'Catatan'],
  ];
  it.each(cases)('%s without %s', (action, status, channel, role, field, label) => {
    for (const blank of [undefined, '', '   \n ']) {
      const input: ActionInput = { ...fullInput, [field]: blank };
      const r = applyAction(complaintIn(status, channel), action, actors[role], input, ctx);
      expect(r).toMatchObject({ ok: false, code: 'input' });
      if (!r.ok) expect(r.error).toBe(`Isian wajib belum diisi: ${label}.`);
    }
  });

  it('deliver without a delivery method', () => {
    const r = applyAction(
      complaintIn('Menunggu Tanda Tangan', 'Surat', true),
      'deliver',
      actors.SEKRETARIS,
      { deliveryMethod: '' },
      ctx,
    );
    expect(r.ok ? '' : r.error).toBe('Isian wajib belum diisi: Cara Pengiriman.');
  });
});

describe('input sanity', () => {
  const sek = actors.SEKRETARIS;
  it('refuses invalid dates, options, lengths and links', () => {
    const diterima = complaintIn('Diterima');
    expect(applyAction(diterima, 'agenda', sek, { ...fullInput, agendaDate: '2026-02-30' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    expect(applyAction(diterima, 'agenda', sek, { ...fullInput, agendaDate: '2026-11-01' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    expect(applyAction(diterima, 'agenda', sek, { ...fullInput, agendaDate: '2026-11-06' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    expect(applyAction(diterima, 'agenda', sek, { ...fullInput, agendaNumber: 'x'.repeat(51) }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    const md = complaintIn('Menunggu Disposisi');
    expect(applyAction(md, 'dispose', actors.KEPALA_DINAS, { ...fullInput, priority: 'Kilat' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    expect(applyAction(md, 'dispose', actors.KEPALA_DINAS, { ...fullInput, assignedTo: 'wayan' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    const kj = complaintIn('Konsep Jawaban');
    expect(
      applyAction(kj, 'draftReply', actors.ANGGOTA, { ...fullInput, replyDocUrl: 'javascript:alert(1)' }, ctx),
    ).toMatchObject({ ok: false, code: 'input' });
    const signed = complaintIn('Menunggu Tanda Tangan', 'Surat', true);
    expect(applyAction(signed, 'deliver', sek, { deliveryMethod: 'merpati' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
  });

  it('checks units against the settings when given, and stores the official spelling', () => {
    const md = complaintIn('Menunggu Disposisi');
    const units = ['Sekretariat', 'Bidang UMKM', 'Bidang Koperasi'].map((name) => ({ name }));
    expect(
      applyAction(md, 'dispose', actors.KEPALA_DINAS, { ...fullInput, unit: 'Bidang Pasar' }, { ...ctx, units }),
    ).toMatchObject({ ok: false, code: 'input' });
    const r = applyAction(
      md,
      'dispose',
      actors.KEPALA_DINAS,
      { ...fullInput, unit: 'bidang koperasi' },
      { ...ctx, units },
    );
    expect(r.ok && r.complaint.unit).toBe('Bidang Koperasi');
  });

  it('cleans text but keeps formula-like characters as typed', () => {
    const r = applyAction(
      complaintIn('Didisposisikan'),
      'followUp',
      actors.ANGGOTA,
      { note: '  =HUBUNGI\u0000 +62 @budi\r\n-ok ' },
      ctx,
    );
    expect(r.ok && r.complaint.followUpNotes.endsWith('=HUBUNGI +62 @budi\n-ok')).toBe(true);
  });

  it('refuses an unknown action', () => {
    expect(applyAction(complaintIn('Diterima'), 'approve', actors.KETUA, {}, ctx)).toMatchObject({
      ok: false,
      code: 'unknown',
    });
  });
});

describe('effects of the actions', () => {
  it('runs the whole letter path, one version per step, and closes on time', () => {
    let c = complaintIn('Diterima');
    c = { ...c, unit: '' };
    const steps: [ActionName, Role, ActionInput, Date][] = [
      ['agenda', 'SEKRETARIS', { agendaNumber: 'SM-2026-0001', agendaDate: '2026-11-02' }, instantAt('2026-11-02', 11)],
      ['forwardToHead', 'SEKRETARIS', {}, instantAt('2026-11-02', 12)],
      ['dispose', 'KEPALA_DINAS', { unit: UNIT, instruction: 'Selesaikan' }, instantAt('2026-11-03', 9)],
      ['followUp', 'ANGGOTA', { note: 'Menelepon pengadu' }, instantAt('2026-11-03', 10)],
      ['draftReply', 'ANGGOTA', { answer: 'Jawaban kami ...' }, instantAt('2026-11-05', 10)],
      ['submitForSignature', 'ANGGOTA', {}, instantAt('2026-11-05', 11)],
      ['sign', 'KEPALA_DINAS', { letterNumber: '000.8.3.3/15/Diskopumkm/2026' }, instantAt('2026-11-06', 9)],
      ['deliver', 'SEKRETARIS', { deliveryMethod: 'Email' }, instantAt('2026-11-06', 10)],
    ];
    for (const [action, role, input, now] of steps) {
      const before = c.version;
      const r = applyAction(c, action, actors[role], input, { now, calendar: cal });
      if (!r.ok) throw new Error(`${action}: ${r.error}`);
      expect(r.complaint.version).toBe(before + 1);
      c = r.complaint;
    }
    expect(c).toMatchObject({
      status: 'Selesai',
      version: 9,
      unit: UNIT,
      priority: 'Biasa',
      disposedBy: actors.KEPALA_DINAS.email,
      signedBy: actors.KEPALA_DINAS.email,
      letterDate: '2026-11-06',
      deliveryMethod: 'email',
      onTime: true,
      workingDaysTaken: 3,
      deadline: DEADLINE,
    });
    expect(c.closedAt?.toISOString()).toBe('2026-11-06T02:00:00.000Z');
    expect(c.followUpNotes).toBe('[3 November 2026 pukul 10.00 WITA] Wayan (Anggota Tim): Menelepon pengadu');
  });

  it('is pure: the input complaint is untouched, and changes list every changed field', () => {
    const c = complaintIn('Menunggu Disposisi');
    const copy = structuredClone(c);
    const r = applyAction(
      c,
      'dispose',
      actors.KEPALA_DINAS,
      { unit: 'Sekretariat', instruction: 'Cek', priority: 'penting' },
      ctx,
    );
    expect(c).toEqual(copy);
    if (!r.ok) throw new Error(r.error);
    expect(r.changes.map((ch) => ch.field).sort()).toEqual(
      [
        'disposedAt',
        'disposedBy',
        'instruction',
        'priority',
        'status',
        'unit',
        'updatedAt',
        'updatedBy',
        'version',
      ].sort(),
    );
    expect(r.changes.find((ch) => ch.field === 'status')).toEqual({
      field: 'status',
      before: 'Menunggu Disposisi',
      after: 'Didisposisikan',
    });
    expect(r.complaint.priority).toBe('Penting');
  });

  it('sign is refused once signed; deliver is refused before signing', () => {
    const unsigned = complaintIn('Menunggu Tanda Tangan');
    const signed = complaintIn('Menunggu Tanda Tangan', 'Surat', true);
    const again = applyAction(signed, 'sign', actors.KEPALA_DINAS, fullInput, ctx);
    expect(again).toMatchObject({ ok: false, code: 'state' });
    if (!again.ok) expect(again.error).toContain('000.8.3.3/14/Diskopumkm/2026');
    expect(applyAction(unsigned, 'deliver', actors.SEKRETARIS, fullInput, ctx)).toMatchObject({
      ok: false,
      code: 'state',
    });
    expect(allowedActions(unsigned, actors.KEPALA_DINAS, ctx)).toEqual(['returnToUnit', 'sign', 'extend']);
    expect(allowedActions(signed, actors.KEPALA_DINAS, ctx)).toEqual(['returnToUnit', 'extend']);
  });

  it('returning a signed letter voids the signature and logs the used number', () => {
    const r = applyAction(
      complaintIn('Menunggu Tanda Tangan', 'Surat', true),
      'returnToUnit',
      actors.KEPALA_DINAS,
      { note: 'Perbaiki paragraf 2' },
      ctx,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.complaint).toMatchObject({
      status: 'Ditindaklanjuti',
      signedBy: '',
      letterNumber: '',
      signedAt: null,
      letterDate: '',
    });
    expect(r.complaint.followUpNotes).toContain('Surat Nomor 000.8.3.3/14/Diskopumkm/2026 dibatalkan');
    expect(r.complaint.followUpNotes).toContain('Dikembalikan ke unit: Perbaiki paragraf 2');
  });

  it('extend sets the special deadline once, only before the deadline passes', () => {
    const c = complaintIn('Didisposisikan');
    const r = applyAction(c, 'extend', actors.KETUA, fullInput, ctx);
    if (!r.ok) throw new Error(r.error);
    expect(r.complaint).toMatchObject({
      status: 'Didisposisikan',
      deadline: '2026-12-02',
      deadlineKind: 'khusus',
      extGrantedBy: actors.KETUA.email,
      extFrom: '2026-11-05',
      extUntil: '2026-11-20',
      extOfficial: 'Kepala Bidang UMKM',
    });
    const twice = applyAction(r.complaint, 'extend', actors.KEPALA_DINAS, fullInput, ctx);
    expect(twice).toMatchObject({ ok: false, code: 'state' });
    const late = applyAction(c, 'extend', actors.KETUA, fullInput, { now: instantAt('2026-11-11', 8), calendar: cal });
    expect(late).toMatchObject({ ok: false, code: 'state' });
    expect(applyAction(c, 'extend', actors.KETUA, { ...fullInput, extUntil: '2026-11-04' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    expect(
      applyAction(c, 'extend', actors.KETUA, { ...fullInput, extFrom: '2026-11-11', extUntil: '2026-11-20' }, ctx),
    ).toMatchObject({ ok: false, code: 'input' });
  });

  it('walk-in: the agreed date becomes the deadline, never later than it', () => {
    const c = complaintIn('Diterima', 'Tatap Muka');
    const ok = applyAction(c, 'connectToUnit', actors.CS, { unit: UNIT, agreedDate: '2026-11-09' }, ctx);
    if (!ok.ok) throw new Error(ok.error);
    expect(ok.complaint).toMatchObject({ status: 'Ditindaklanjuti', agreedDate: '2026-11-09', deadline: '2026-11-09' });
    const tooLate = applyAction(c, 'connectToUnit', actors.CS, { unit: UNIT, agreedDate: '2026-11-11' }, ctx);
    expect(tooLate).toMatchObject({ ok: false, code: 'input' });
    if (!tooLate.ok) expect(tooLate.error).toContain('10 November 2026');
    expect(applyAction(c, 'connectToUnit', actors.CS, { unit: UNIT, agreedDate: '2026-11-07' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    expect(applyAction(c, 'connectToUnit', actors.CS, { unit: UNIT, agreedDate: '2026-11-03' }, ctx)).toMatchObject({
      ok: false,
      code: 'input',
    });
    const noDate = applyAction(c, 'connectToUnit', actors.CS, { unit: UNIT }, ctx);
    expect(noDate.ok && noDate.complaint.deadline).toBe(DEADLINE);
    // After an extension the later date is allowed.
    const extended = { ...c, deadline: '2026-12-02', deadlineKind: 'khusus' as const };
    expect(applyAction(extended, 'connectToUnit', actors.CS, { unit: UNIT, agreedDate: '2026-11-20' }, ctx).ok).toBe(
      true,
    );
  });

  it('closing actions set closedAt, workingDaysTaken and onTime', () => {
    const late = { now: instantAt('2026-11-12', 9), calendar: cal };
    const r = applyAction(
      complaintIn('Ditindaklanjuti', 'Tatap Muka'),
      'closeWithAnswer',
      actors.KETUA,
      fullInput,
      late,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.complaint).toMatchObject({
      status: 'Selesai',
      onTime: false,
      workingDaysTaken: 7,
      answer: fullInput.answer,
    });
    expect(r.complaint.closedAt).toBe(late.now);
    const f = applyAction(complaintIn('Diagendakan'), 'forward', actors.KETUA, fullInput, ctx);
    expect(f.ok && f.complaint).toMatchObject({
      status: 'Dialihkan',
      forwardedTo: 'Dinas Perdagangan',
      onTime: true,
      workingDaysTaken: 2,
    });
  });

  it('requestInfo records when more information was asked', () => {
    const r = applyAction(
      complaintIn('Didisposisikan'),
      'requestInfo',
      actors.ANGGOTA,
      { note: 'Mohon kirim bukti transfer' },
      ctx,
    );
    expect(r.ok && r.complaint.infoRequestedAt).toBe(NOW);
    expect(r.ok && r.complaint.followUpNotes).toContain(
      'Meminta informasi tambahan dari pengadu: Mohon kirim bukti transfer',
    );
  });

  it('reopen clears the outcome and the old letter, and gives 5 new working days', () => {
    const closed: Complaint = {
      ...complaintIn('Selesai', 'Surat', true),
      sentAt: NOW,
      deliveryMethod: 'pos',
      onTime: true,
      workingDaysTaken: 3,
    };
    const now = instantAt('2026-11-16', 9);
    const r = applyAction(
      closed,
      'reopen',
      actors.KETUA,
      { note: 'Pengadu menyatakan belum selesai' },
      { now, calendar: cal },
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.complaint).toMatchObject({
      status: 'Ditindaklanjuti',
      closedAt: null,
      onTime: null,
      workingDaysTaken: null,
      signedBy: '',
      letterNumber: '',
      sentAt: null,
      deliveryMethod: '',
      deadline: '2026-11-23',
      reopenCount: 1,
    });
    expect(r.complaint.followUpNotes).toContain('Jawaban sebelumnya: surat Nomor 000.8.3.3/14/Diskopumkm/2026');
    expect(dayKeyOf(now)).toBe('2026-11-16');
  });

  it('ADMIN has no workflow action', () => {
    for (const status of STATUSES) expect(allowedActions(complaintIn(status), actors.ADMIN, ctx)).toEqual([]);
  });
});

describe('allowedActions without a clock', () => {
  it('still applies the signature and one-extension rules', () => {
    const signed = complaintIn('Menunggu Tanda Tangan', 'Surat', true);
    expect(allowedActions(signed, actors.KEPALA_DINAS)).toEqual(['returnToUnit', 'extend']);
    expect(allowedActions({ ...signed, extGrantedBy: actors.KETUA.email }, actors.KEPALA_DINAS)).toEqual([
      'returnToUnit',
    ]);
    // deliver waits for the signature; the helpers (duplicate, related link, category) do not.
    expect(allowedActions(complaintIn('Menunggu Tanda Tangan'), actors.SEKRETARIS)).toEqual([
      'markDuplicate',
      'linkRelated',
      'setCategory',
    ]);
  });
});
