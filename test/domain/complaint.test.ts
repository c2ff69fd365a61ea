// Intake: a new complaint is made even with soft problems, which are flagged for the team.
import { describe, expect, it } from 'vitest';
import { COMPLAINT_FIELDS, STATUSES, newComplaint } from '../../src/domain/complaint';
import { parseRole, ROLE_LABELS } from '../../src/domain/roles';
import { instantAt } from '../../src/domain/time';
import { baseComplaint, cal } from './fixtures';

const ctx = { now: instantAt('2026-03-17', 10, 5), calendar: cal, regNumber: 'DUMAS-2026-0007', accessCode: 'K7M2QX' };

describe('newComplaint', () => {
  it('starts in Diterima with the normal deadline and version 1', () => {
    const { complaint, problems, blocking } = newComplaint(
      {
        channel: 'Formulir Online',
        receivedAt: instantAt('2026-03-17', 10),
        name: 'Made',
        nik: '5102011501900001',
        email: 'made@example.com',
        subject: 'Izin',
        ktpSeen: true,
      },
      ctx,
    );
    expect(problems).toEqual([]);
    expect(blocking).toEqual([]);
    expect(complaint).toMatchObject({
      regNumber: 'DUMAS-2026-0007',
      status: 'Diterima',
      deadline: '2026-03-31',
      deadlineKind: 'normal',
      version: 1,
      closedAt: null,
      accessCode: 'K7M2QX',
      verificationFlags: '',
      privacy: 'biasa',
      letterPresent: false,
    });
    expect(complaint.updatedAt).toBe(ctx.now);
  });

  it('records a complaint with an invalid NIK and lists the problem', () => {
    const { complaint, problems, blocking } = newComplaint(
      {
        channel: 'Surat',
        receivedAt: instantAt('2026-03-17', 10),
        name: 'Made',
        nik: '5102013201900001',
        phone: '08123',
        subject: 'Izin',
        ktpSeen: true,
      },
      ctx,
    );
    expect(blocking).toEqual([]);
    expect(problems.map((p) => p.field)).toEqual(['nik', 'phone', 'address']); // no usable contact left
    expect(complaint.nik).toBe('5102013201900001');
    expect(complaint.verificationFlags).toContain('Tanggal lahir pada NIK tidak sah');
    expect(complaint.verificationFlags).toContain('Nomor HP');
  });

  it('reports blocking problems when there is nothing to handle', () => {
    const r = newComplaint({ channel: 'Surat', receivedAt: instantAt('2026-03-17', 10), name: 'Made' }, ctx);
    expect(r.blocking.map((b) => b.message)).toEqual(['Perihal atau uraian pengaduan harus diisi.']);
  });

  it('fills every register column, with empty values as "" or null', () => {
    const c = baseComplaint();
    expect(Object.keys(c).sort()).toEqual([...COMPLAINT_FIELDS].sort());
    expect(new Set(COMPLAINT_FIELDS).size).toBe(COMPLAINT_FIELDS.length);
    expect(c.agendaDate).toBe('');
    expect(c.disposedAt).toBeNull();
    expect(c.workingDaysTaken).toBeNull();
  });

  it('keeps the statuses in procedure order', () => {
    expect(STATUSES[0]).toBe('Diterima');
    expect(STATUSES.slice(-2)).toEqual(['Selesai', 'Dialihkan']);
  });
});

describe('roles', () => {
  it('parses codes, labels and short forms', () => {
    expect(parseRole('KEPALA_DINAS')).toBe('KEPALA_DINAS');
    expect(parseRole('Kepala Dinas')).toBe('KEPALA_DINAS');
    expect(parseRole(' petugas cs ')).toBe('CS');
    expect(parseRole('Anggota Tim')).toBe('ANGGOTA');
    expect(parseRole('admin')).toBe('ADMIN');
    expect(parseRole('Bupati')).toBeNull();
    expect(parseRole('')).toBeNull();
    expect(ROLE_LABELS.SEKRETARIS).toBe('Sekretaris Tim');
  });
});
