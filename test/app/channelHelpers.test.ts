// The helpers' use cases on in-memory ports: a LAPOR! report recorded once (its tracking ID refused the second
// time, in Indonesian, nothing written), its deadline by the setting; a duplicate closed only against an existing main
// complaint that is not itself a duplicate, the complainant told; a related link written on both complaints with two
// audit rows; possible duplicates listed for the complaints team only; the LAPOR! post-back view.
import { describe, expect, it } from 'vitest';
import { duplicateRows } from '../../src/app/duplicates';
import { WorkflowEvents } from '../../src/app/events';
import { registerIntake, type IntakeDeps } from '../../src/app/intake';
import { laporView } from '../../src/app/lapor';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import { performAction, type WorkflowDeps } from '../../src/app/workflow';
import type { Complaint } from '../../src/domain/complaint';
import { instantAt } from '../../src/domain/time';
import type { AuditEntry, OutgoingMail, RegisterPort, StoredComplaint } from '../../src/ports';
import { NOW, UNIT, actors, cal, complaintIn } from '../domain/fixtures';
import { mailNotifier } from './mailNotifier';

function world(complaints: Complaint[], now = NOW) {
  const rows: StoredComplaint[] = complaints.map((complaint, i) => ({ row: i + 2, complaint, responseId: '' }));
  const audit: AuditEntry[][] = [];
  const mails: OutgoingMail[] = [];
  const register: RegisterPort = {
    keys: () => ({ regNumbers: rows.map((r) => r.complaint.regNumber), responseIds: rows.map((r) => r.responseId) }),
    loadAll: () => rows,
    find: (reg) => rows.find((r) => r.complaint.regNumber === reg) ?? null,
    append: (complaint, responseId) => rows.push({ row: rows.length + 2, complaint, responseId }) + 1,
    write: (s) => {
      rows[rows.findIndex((r) => r.row === s.row)] = s;
    },
  };
  const common = {
    now,
    calendar: cal,
    settings: DEFAULT_SETTINGS,
    team: [],
    register,
    audit: { append: (e: readonly AuditEntry[]) => void audit.push([...e]) },
    mailer: { remainingQuota: () => 100, send: (m: OutgoingMail) => (mails.push(m), true) },
    notifier: mailNotifier(
      { team: [], units: [{ code: 'UMKM', name: UNIT, email: '' }] },
      { remainingQuota: () => 100, send: (m: OutgoingMail) => (mails.push(m), true) },
    ),
    events: new WorkflowEvents(),
    lock: { withLock: <T>(fn: () => T): T => fn() },
    registerUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
  };
  const workflow: WorkflowDeps = {
    ...common,
    units: [{ code: 'UMKM', name: UNIT, email: '' }],
    agendaNumbers: () => [],
  };
  const intake: IntakeDeps = { ...common, units: [{ name: UNIT }], random: () => 0.5 };
  return { rows, audit, mails, workflow, intake };
}

const at = (c: Complaint, reg: string, p: Partial<Complaint> = {}): Complaint => ({ ...c, regNumber: reg, ...p });

describe('recording a LAPOR! report', () => {
  const now = instantAt('2026-12-01', 10);
  const input = {
    channel: 'SP4N-LAPOR!',
    receivedAt: now,
    name: 'Pelapor',
    subject: 'Bantuan modal koperasi',
    description: 'Diteruskan LAPOR!',
    laporId: '#1916449',
    laporForwardedOn: '2026-11-27',
  };

  it('keeps the digits and LAPOR!s deadline; the same tracking ID again is refused and nothing is written', () => {
    const w = world([], now);
    const first = registerIntake(w.intake, { input, actor: actors.CS, responseId: '', neverRefuse: false });
    if (first.kind !== 'registered') throw new Error(first.kind);
    expect(first.complaint).toMatchObject({ channel: 'SP4N-LAPOR!', laporId: '1916449', deadline: '2026-12-04' });
    const again = registerIntake(w.intake, {
      input: { ...input, laporId: 'https://www.lapor.go.id/pengaduan/1916449' },
      actor: actors.SEKRETARIS,
      responseId: '',
      neverRefuse: false,
    });
    expect(again).toEqual({
      kind: 'refused',
      issues: [
        {
          field: 'laporId',
          message: `Laporan LAPOR! #1916449 sudah tercatat sebagai ${first.complaint.regNumber}. Buka pengaduan itu; laporan yang sama tidak dicatat dua kali.`,
        },
      ],
    });
    expect(w.rows).toHaveLength(1);
    expect(w.audit).toHaveLength(1);
  });

  it('refuses a malformed ID and a forwarding day after the receipt', () => {
    const w = world([], now);
    const r = registerIntake(w.intake, {
      input: { ...input, laporId: '12', laporForwardedOn: '2026-12-02' },
      actor: actors.CS,
      responseId: '',
      neverRefuse: false,
    });
    expect(r.kind === 'refused' && r.issues.map((i) => i.field)).toEqual(['laporId', 'laporForwardedOn']);
    expect(w.rows).toHaveLength(0);
  });

  it('follows the Pengaturan setting', () => {
    const w = world([], now);
    const r = registerIntake(
      { ...w.intake, settings: { ...DEFAULT_SETTINGS, laporWorkingDays: 3 } },
      { input, actor: actors.CS, responseId: '', neverRefuse: false },
    );
    expect(r.kind === 'registered' && r.complaint.deadline).toBe('2026-12-02');
  });

  it('the post-back view: text only once answered, the link to LAPOR!, who may record', () => {
    const c = at(complaintIn('Konsep Jawaban', 'SP4N-LAPOR!'), 'DUMAS-2026-0003', {
      laporId: '1916449',
      laporForwardedOn: '2026-11-02',
      answer: 'Sudah dicairkan.',
    });
    const v = laporView(c, actors.CS, DEFAULT_SETTINGS, { now: NOW, calendar: cal });
    expect(v?.laporUrl).toBe('https://www.lapor.go.id/pengaduan/1916449');
    expect(v?.postBackText).toContain('Sudah dicairkan.');
    expect(v?.canRecord).toBe(true);
    expect(laporView(c, actors.KETUA, DEFAULT_SETTINGS, { now: NOW, calendar: cal })?.canRecord).toBe(false);
    expect(
      laporView({ ...c, answer: '' }, actors.CS, DEFAULT_SETTINGS, { now: NOW, calendar: cal })?.postBackText,
    ).toBe('');
    expect(
      laporView(complaintIn('Konsep Jawaban'), actors.CS, DEFAULT_SETTINGS, { now: NOW, calendar: cal }),
    ).toBeNull();
  });
});

describe('duplicates and related complaints', () => {
  const main = at(complaintIn('Didisposisikan'), 'DUMAS-2026-0001');
  const dup = at(complaintIn('Diagendakan'), 'DUMAS-2026-0002');

  it('closes a duplicate by reference, tells its complainant, one audit row', () => {
    const w = world([main, dup]);
    const out = performAction(w.workflow, actors.SEKRETARIS, {
      regNumber: dup.regNumber,
      version: dup.version,
      action: 'markDuplicate',
      input: { duplicateOf: main.regNumber },
    });
    if (!out.ok) throw new Error(out.message);
    expect(w.rows[1].complaint).toMatchObject({ status: 'Selesai', duplicateOf: main.regNumber });
    expect(w.rows[0].complaint).toBe(main);
    expect(w.audit).toHaveLength(1);
    expect(w.audit[0][0].action).toBe('Tutup sebagai duplikat');
    expect(w.mails).toHaveLength(1);
    expect(w.mails[0].to).toBe(dup.email);
    expect(w.mails[0].subject).toBe('Pengaduan DUMAS-2026-0002 Digabungkan dengan Pengaduan DUMAS-2026-0001');
    expect(w.mails[0].body).not.toContain(main.accessCode);
  });

  it('refuses an unknown main complaint, a main that is a duplicate, a complaint others point to', () => {
    const w = world([main, dup, at(dup, 'DUMAS-2026-0003', { duplicateOf: 'DUMAS-2026-0002', status: 'Selesai' })]);
    const unknown = performAction(w.workflow, actors.KETUA, {
      regNumber: main.regNumber,
      version: main.version,
      action: 'markDuplicate',
      input: { duplicateOf: 'DUMAS-2026-0404' },
    });
    expect(unknown.ok ? '' : unknown.message).toBe('Pengaduan DUMAS-2026-0404 tidak ditemukan.');
    const chain = performAction(w.workflow, actors.KETUA, {
      regNumber: main.regNumber,
      version: main.version,
      action: 'markDuplicate',
      input: { duplicateOf: 'DUMAS-2026-0003' },
    });
    expect(chain.ok ? '' : chain.message).toMatch(/sendiri adalah duplikat dari DUMAS-2026-0002/);
    const pointed = performAction(w.workflow, actors.KETUA, {
      regNumber: dup.regNumber,
      version: dup.version,
      action: 'markDuplicate',
      input: { duplicateOf: main.regNumber },
    });
    expect(pointed.ok ? '' : pointed.message).toMatch(/adalah pengaduan utama bagi DUMAS-2026-0003/);
    expect(w.audit).toHaveLength(0);
  });

  it('links related complaints on both sides with two audit rows, once', () => {
    const w = world([main, dup]);
    const out = performAction(w.workflow, actors.SEKRETARIS, {
      regNumber: main.regNumber,
      version: main.version,
      action: 'linkRelated',
      input: { relatedTo: dup.regNumber },
    });
    if (!out.ok) throw new Error(out.message);
    expect(w.rows.map((r) => r.complaint.relatedTo)).toEqual([dup.regNumber, main.regNumber]);
    expect(w.rows.map((r) => r.complaint.version)).toEqual([main.version + 1, dup.version + 1]);
    expect(w.audit[0].map((e) => e.regNumber)).toEqual([main.regNumber, dup.regNumber]);
    const again = performAction(w.workflow, actors.SEKRETARIS, {
      regNumber: dup.regNumber,
      version: dup.version + 1,
      action: 'linkRelated',
      input: { relatedTo: main.regNumber },
    });
    expect(again.ok ? '' : again.message).toBe('DUMAS-2026-0002 sudah terkait dengan DUMAS-2026-0001.');
  });

  it('lists possible duplicates for the complaints team only, with reasons and link state', () => {
    const other = at(complaintIn('Diterima'), 'DUMAS-2026-0005', {
      nik: '',
      email: '',
      phoneCanonical: '',
      subject: 'Izin usaha',
    });
    const linked = { ...dup, duplicateOf: main.regNumber };
    const rows = duplicateRows(actors.SEKRETARIS, main, [main, linked, other], 30);
    expect(rows).toEqual([
      {
        regNumber: dup.regNumber,
        received: '2 November 2026',
        status: 'Diagendakan',
        unit: UNIT,
        subject: 'Bantuan modal koperasi',
        reasons: 'NIK sama, nomor HP sama, email sama, perihal mirip',
        link: 'duplicate',
      },
    ]);
    expect(duplicateRows(actors.ANGGOTA, main, [main, linked], 30)).toEqual([]);
    expect(duplicateRows(actors.KEPALA_DINAS, main, [main, linked], 30)).toEqual([]);
  });
});
