// Shared test data for the domain tests: a calendar, actors and complaints in any status.
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import { newComplaint, type Channel, type Complaint, type Status } from '../../src/domain/complaint';
import type { Actor, Role } from '../../src/domain/roles';
import { instantAt } from '../../src/domain/time';
import type { ActionInput } from '../../src/domain/workflow';

export const cal = new WorkingCalendar(DEFAULT_HOLIDAYS);
export const UNIT = 'Bidang UMKM';
/** Received Monday 2 Nov 2026 09:00 WITA; normal deadline Tue 10 Nov (4 Nov is Pagerwesi). */
export const RECEIVED = instantAt('2026-11-02', 9);
export const DEADLINE = '2026-11-10';
/** "Now" for most tests: Thursday 5 Nov 2026 10:00 WITA. */
export const NOW = instantAt('2026-11-05', 10);
export const ctx = { now: NOW, calendar: cal };

export const actors: Record<Role, Actor> = {
  CS: { email: 'cs@tabanankab.go.id', role: 'CS', name: 'Komang CS' },
  SEKRETARIS: { email: 'sekretaris@tabanankab.go.id', role: 'SEKRETARIS' },
  KETUA: { email: 'ketua@tabanankab.go.id', role: 'KETUA' },
  KEPALA_DINAS: { email: 'kadis@tabanankab.go.id', role: 'KEPALA_DINAS', name: 'Kepala Dinas' },
  ANGGOTA: { email: 'anggota.umkm@tabanankab.go.id', role: 'ANGGOTA', unit: UNIT, name: 'Wayan' },
  ADMIN: { email: 'admin@tabanankab.go.id', role: 'ADMIN' },
};

/** A valid value for every input field, so only the rule under test can refuse. */
export const fullInput: Required<ActionInput> = {
  agendaNumber: 'SM-2026-0001',
  agendaDate: '2026-11-03',
  unit: UNIT,
  instruction: 'Mohon ditindaklanjuti',
  priority: 'Segera',
  assignedTo: 'anggota.umkm@tabanankab.go.id',
  agreedDate: '2026-11-06',
  answer: 'Bantuan akan dicairkan minggu depan.',
  note: 'Sudah menghubungi pengadu.',
  letterNumber: '000.8.3.3/15/Diskopumkm/2026',
  replyDocUrl: 'https://docs.google.com/document/d/abc',
  deliveryMethod: 'email',
  extOfficial: 'Kepala Bidang UMKM',
  extReason: 'Dinas luar daerah',
  extFrom: '2026-11-05',
  extUntil: '2026-11-20',
  forwardedTo: 'Dinas Perdagangan',
  forwardNote: 'Bukan wewenang Dinas Koperasi dan UKM',
  duplicateOf: 'DUMAS-2026-0099',
  relatedTo: 'DUMAS-2026-0098',
  category: 'Koperasi',
};

export function baseComplaint(channel: Channel = 'Surat'): Complaint {
  const { complaint } = newComplaint(
    {
      channel,
      receivedAt: RECEIVED,
      name: 'Ni Luh Putu Sari',
      nik: '5102015501900002',
      phone: '081234567890',
      email: 'sari@example.com',
      address: 'Jl. Gatot Subroto, Tabanan',
      subject: 'Bantuan modal koperasi',
      description: 'Pencairan bantuan terlambat.',
      ktpSeen: true,
      registeredBy: actors.CS.email,
    },
    { now: RECEIVED, calendar: cal, regNumber: 'DUMAS-2026-0001', accessCode: 'ABC234' },
  );
  return complaint;
}

/** A complaint of the channel in the status, assigned to UNIT; `signed` sets the Kepala Dinas's signature. */
export function complaintIn(status: Status, channel: Channel = 'Surat', signed = false): Complaint {
  const c: Complaint = { ...baseComplaint(channel), status, unit: UNIT };
  if (signed) {
    c.letterNumber = '000.8.3.3/14/Diskopumkm/2026';
    c.letterDate = '2026-11-05';
    c.signedBy = actors.KEPALA_DINAS.email;
    c.signedAt = NOW;
  }
  if (status === 'Selesai' || status === 'Dialihkan') c.closedAt = NOW;
  return c;
}
