// The workflow use case with in-memory ports: lock, stale check, one write, one audit row, notifications.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import type { TeamMember } from '../../src/app/team';
import { WorkflowEvents } from '../../src/app/events';
import { changesJson, performAction, type WorkflowDeps } from '../../src/app/workflow';
import type { Complaint } from '../../src/domain/complaint';
import type { AuditEntry, OutgoingMail, RegisterPort, StoredComplaint } from '../../src/ports';
import { NOW, UNIT, actors, cal, complaintIn, fullInput } from '../domain/fixtures';
import { mailNotifier } from './mailNotifier';

function member(a: (typeof actors)[keyof typeof actors], name = ''): TeamMember {
  return { ...a, name, nip: '', rank: '', title: '', active: true };
}

function world(complaint: Complaint) {
  const rows: StoredComplaint[] = [{ row: 2, complaint, responseId: '' }];
  const writes: StoredComplaint[] = [];
  const audit: AuditEntry[][] = [];
  const mails: OutgoingMail[] = [];
  let locks = 0;
  let inLock = false;
  const register: RegisterPort = {
    keys: () => ({ regNumbers: rows.map((r) => r.complaint.regNumber), responseIds: [] }),
    loadAll: () => rows,
    find: (reg) => {
      expect(inLock).toBe(true); // the row is read under the lock, so the version check is not racy
      return rows.find((r) => r.complaint.regNumber === reg) ?? null;
    },
    append: () => 0,
    write: (s) => {
      writes.push(s);
      rows[0] = s;
    },
  };
  const team: TeamMember[] = [
    member(actors.ANGGOTA),
    member(actors.KEPALA_DINAS),
    { ...member(actors.ANGGOTA), email: 'other@tabanankab.go.id', unit: 'Sekretariat' },
  ];
  const units = [
    { code: 'UMKM', name: UNIT, email: 'umkm@tabanankab.go.id' },
    { code: 'SEK', name: 'Sekretariat', email: '' },
  ];
  const deps: WorkflowDeps = {
    now: NOW,
    calendar: cal,
    settings: DEFAULT_SETTINGS,
    team,
    units,
    register,
    audit: { append: (e) => void audit.push([...e]) },
    notifier: mailNotifier({ team, units }, { remainingQuota: () => 100, send: (m) => (mails.push(m), true) }),
    events: new WorkflowEvents(),
    lock: {
      withLock: <T>(fn: () => T): T => {
        locks += 1;
        inLock = true;
        try {
          return fn();
        } finally {
          inLock = false;
        }
      },
    },
    registerUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
    agendaNumbers: () => [{ regNumber: 'DUMAS-2026-0009', agendaNumber: 'SM-2026-0001' }],
  };
  return { deps, writes, audit, mails, locks: () => locks };
}

describe('performAction', () => {
  it('writes the row once and appends one audit row with the changed fields, then emails the unit masked', () => {
    const w = world({ ...complaintIn('Menunggu Disposisi'), unit: '', privacy: 'anonim' });
    const out = performAction(w.deps, actors.KEPALA_DINAS, {
      regNumber: 'DUMAS-2026-0001',
      version: 1,
      action: 'dispose',
      input: fullInput,
    });
    expect(out.ok).toBe(true);
    expect(w.locks()).toBe(1);
    expect(w.writes).toHaveLength(1);
    expect(w.writes[0].complaint).toMatchObject({ status: 'Didisposisikan', unit: UNIT, version: 2 });
    expect(w.audit).toHaveLength(1);
    const [entry] = w.audit[0];
    expect(entry).toMatchObject({
      actor: actors.KEPALA_DINAS.email,
      role: 'KEPALA_DINAS',
      action: 'Disposisi',
      regNumber: 'DUMAS-2026-0001',
      note: fullInput.instruction,
    });
    expect(JSON.parse(entry.after)).toMatchObject({
      status: 'Didisposisikan',
      unit: UNIT,
      disposedAt: '2026-11-05T10:00:00+08:00',
      version: 2,
    });
    expect(JSON.parse(entry.after)).not.toHaveProperty('updatedBy');
    // The unit's members, the unit mailbox and the assigned officer; not the other unit's member.
    expect(w.mails.map((m) => m.to)).toEqual(['anggota.umkm@tabanankab.go.id,umkm@tabanankab.go.id']);
    expect(w.mails[0].body).not.toContain('Ni Luh Putu Sari');
    expect(w.mails[0].body).not.toContain('081234567890');
    expect(w.mails[0].body).toContain('(dirahasiakan)');
  });

  it('refuses stale data, an unknown number, a refused rule and a duplicate agenda number without writing', () => {
    const cases: [Complaint, Parameters<typeof performAction>[2], Parameters<typeof performAction>[1], string][] = [
      [
        complaintIn('Didisposisikan'),
        { regNumber: 'DUMAS-2026-0001', version: 0, action: 'followUp', input: fullInput },
        actors.ANGGOTA,
        'stale',
      ],
      [
        complaintIn('Didisposisikan'),
        { regNumber: 'DUMAS-2026-0404', version: 1, action: 'followUp', input: fullInput },
        actors.ANGGOTA,
        'notFound',
      ],
      [
        complaintIn('Didisposisikan'),
        { regNumber: 'DUMAS-2026-0001', version: 1, action: 'followUp', input: fullInput },
        actors.CS,
        'role',
      ],
      [
        complaintIn('Diterima'),
        { regNumber: 'DUMAS-2026-0001', version: 1, action: 'agenda', input: fullInput },
        actors.SEKRETARIS,
        'duplicate',
      ],
    ];
    for (const [c, request, actor, code] of cases) {
      const w = world(c);
      const out = performAction(w.deps, actor, request);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.code).toBe(code);
      expect(w.writes).toEqual([]);
      expect(w.audit).toEqual([]);
      expect(w.mails).toEqual([]);
    }
  });

  it('asks the complainant by email for more information, and warns when there is no email', () => {
    const w = world(complaintIn('Didisposisikan'));
    const out = performAction(w.deps, actors.ANGGOTA, {
      regNumber: 'DUMAS-2026-0001',
      version: 1,
      action: 'requestInfo',
      input: { note: 'Nomor badan hukum?' },
    });
    expect(out).toMatchObject({ ok: true, notified: 1, warnings: [] });
    expect(w.mails[0]).toMatchObject({ to: 'sari@example.com', replyTo: DEFAULT_SETTINGS.agencyEmail });
    expect(w.mails[0].body).toContain('Nomor badan hukum?');
    const quiet = world({ ...complaintIn('Didisposisikan'), email: '' });
    const none = performAction(quiet.deps, actors.ANGGOTA, {
      regNumber: 'DUMAS-2026-0001',
      version: 1,
      action: 'requestInfo',
      input: { note: 'x' },
    });
    expect(none).toMatchObject({
      ok: true,
      notified: 0,
      warnings: ['Pengadu tidak mencantumkan email; sampaikan melalui telepon atau surat.'],
    });
  });
});

describe('changesJson', () => {
  it('writes instants in WITA and leaves out the bookkeeping fields', () => {
    const json = changesJson(
      [
        { field: 'closedAt', before: null, after: new Date('2026-11-05T02:00:00Z') },
        { field: 'updatedBy', before: 'a', after: 'b' },
      ],
      'after',
    );
    expect(json).toBe('{"closedAt":"2026-11-05T10:00:00+08:00"}');
  });
});
