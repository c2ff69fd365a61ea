// The notifier as the wiring composes it (gas/context.ts: `new Notifier(directory, [channels…])`), with a second,
// recording channel plugged in beside the mail channel: what a WhatsApp Business API or SMS gateway adapter would get.
import { describe, expect, it } from 'vitest';
import { WorkflowEvents } from '../../src/app/events';
import { inviteToRate } from '../../src/app/feedback';
import { Notifier, recipientsOf, type Directory } from '../../src/app/notifier';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import type { TeamMember } from '../../src/app/team';
import { performAction, type WorkflowDeps } from '../../src/app/workflow';
import type { Complaint } from '../../src/domain/complaint';
import { MailChannel } from '../../src/gas/mailChannel';
import type {
  Audience,
  Notice,
  NoticeChannel,
  NoticeResult,
  OutgoingMail,
  Recipient,
  StoredComplaint,
} from '../../src/ports';
import { NOW, UNIT, actors, cal, complaintIn, fullInput } from '../domain/fixtures';

/** A second channel that reaches people by phone and records what it was asked to say. */
class RecordingPhoneChannel implements NoticeChannel {
  readonly sent: { to: string[]; audience: Audience['kind']; notice: Notice['kind'] }[] = [];
  constructor(private readonly works = true) {}

  send(recipients: readonly Recipient[], audience: Audience, notice: Notice, sending: () => void): NoticeResult {
    const to = recipients.map((r) => r.phone).filter((p) => p !== '');
    if (to.length === 0) return { reached: [], missed: [], failure: 'nobody' };
    sending();
    if (!this.works) return { reached: [], missed: to, failure: 'refused' };
    this.sent.push({ to, audience: audience.kind, notice: notice.kind });
    return { reached: to, missed: [], failure: null };
  }
}

const member = (a: (typeof actors)[keyof typeof actors], phone = ''): TeamMember => ({
  ...a,
  name: a.name ?? '',
  nip: '',
  rank: '',
  title: '',
  active: true,
  phone,
});

const DIR: Directory = {
  team: [
    member(actors.ANGGOTA, '+6281200000001'),
    member(actors.KEPALA_DINAS, '+6281200000002'),
    member(actors.KETUA),
    member(actors.CS, '+6281200000003'),
    member(actors.SEKRETARIS),
  ],
  units: [{ code: 'UMKM', name: UNIT, email: 'umkm@tabanankab.go.id' }],
};

function wired(mailWorks = true, phoneWorks = true) {
  const mails: OutgoingMail[] = [];
  const phone = new RecordingPhoneChannel(phoneWorks);
  const mail = new MailChannel(
    { remainingQuota: () => 100, send: (m) => (mailWorks ? (mails.push(m), true) : false) },
    'pengaduan@x.go.id',
  );
  // The one line a second channel adds to the wiring: its adapter in the list.
  const notifier = new Notifier(DIR, [mail, phone]);
  return { notifier, mails, phone };
}

function deps(c: Complaint, notifier: Notifier, events = new WorkflowEvents()): WorkflowDeps {
  let row: StoredComplaint = { row: 2, complaint: c, responseId: '' };
  return {
    now: NOW,
    calendar: cal,
    settings: { ...DEFAULT_SETTINGS, statusPageUrl: 'https://script.google.com/macros/s/X/exec' },
    team: DIR.team,
    units: DIR.units,
    register: {
      keys: () => ({ regNumbers: [row.complaint.regNumber], responseIds: [] }),
      loadAll: () => [row],
      find: () => row,
      append: () => 2,
      write: (s) => void (row = s),
    },
    audit: { append: () => undefined },
    notifier,
    events,
    lock: { withLock: (fn) => fn() },
    registerUrl: 'https://sheet',
    agendaNumbers: () => [],
  };
}

describe('a second notification channel beside mail', () => {
  it('gets every notice the use cases tell, for the same audience resolved once, in its own addresses', () => {
    const w = wired();
    const out = performAction(deps(complaintIn('Menunggu Disposisi'), w.notifier), actors.KEPALA_DINAS, {
      regNumber: 'DUMAS-2026-0001',
      version: 1,
      action: 'dispose',
      input: fullInput,
    });
    expect(out.ok).toBe(true);
    // Mail as before (members, the unit's mailbox, the assigned officer once); the phone channel the member's number.
    expect(w.mails.map((m) => m.to)).toEqual(['anggota.umkm@tabanankab.go.id,umkm@tabanankab.go.id']);
    expect(w.phone.sent).toEqual([{ to: ['+6281200000001'], audience: 'unit', notice: 'disposition' }]);
    // Both channels count: 2 addresses by mail, 1 by phone.
    if (out.ok) expect(out.notified).toBe(3);
  });

  it('reaches the complainant by phone too, and the closing event invites on both', () => {
    const w = wired();
    const c: Complaint = { ...complaintIn('Ditindaklanjuti'), channel: 'Tatap Muka', phoneCanonical: '+6281234567890' };
    const events = new WorkflowEvents().on(
      inviteToRate(() => ({
        settings: { ...DEFAULT_SETTINGS, statusPageUrl: 'https://s/exec' },
        notifier: w.notifier,
        signer: { sign: () => 'sig' },
      })),
    );
    const out = performAction(deps(c, w.notifier, events), actors.ANGGOTA, {
      regNumber: c.regNumber,
      version: c.version,
      action: 'closeWithAnswer',
      input: { answer: 'Sudah dijelaskan.' },
    });
    expect(out.ok).toBe(true);
    expect(w.mails.map((m) => m.subject)).toEqual([`Penilaian Layanan Pengaduan ${c.regNumber}`]);
    expect(w.phone.sent).toEqual([{ to: ['+6281234567890'], audience: 'complainant', notice: 'ratingInvite' }]);
  });

  it('a notice reached on any channel counts as told; the claim before sending runs once; a refusal everywhere is reported', () => {
    const audience: Audience = { kind: 'leader', roles: ['KEPALA_DINAS'] };
    const notice: Notice = {
      kind: 'reportReady',
      links: { month: 'November 2026', docUrl: 'd', pdfUrl: 'p', sheetUrl: 's' },
      agencyName: 'Dinas',
    };
    let claims = 0;
    const mailDown = wired(false);
    expect(mailDown.notifier.tell(audience, notice, () => (claims += 1))).toEqual({
      reached: ['+6281200000002'],
      missed: ['kadis@tabanankab.go.id'],
      failure: null,
    });
    expect(claims).toBe(1);
    const allDown = wired(false, false);
    expect(allDown.notifier.tell(audience, notice).failure).toBe('refused');
    // Nobody with a phone among the Ketua Tim: the phone channel has nobody, the mail channel still tells.
    const ketua = wired();
    expect(ketua.notifier.tell({ kind: 'leader', roles: ['KETUA'] }, notice)).toMatchObject({
      reached: ['ketua@tabanankab.go.id'],
      failure: null,
    });
  });

  it('resolves each audience to the same people for every channel', () => {
    expect(recipientsOf(DIR, { kind: 'team' })).toEqual([
      { email: 'cs@tabanankab.go.id', phone: '+6281200000003' },
      { email: 'sekretaris@tabanankab.go.id', phone: '' },
    ]);
    expect(recipientsOf(DIR, { kind: 'leader', roles: ['KEPALA_DINAS', 'KETUA'] }).map((r) => r.email)).toEqual([
      'kadis@tabanankab.go.id',
      'ketua@tabanankab.go.id',
    ]);
    const c = { ...complaintIn('Diterima'), email: 'bukan email', phoneCanonical: '+6281234567890' };
    expect(recipientsOf(DIR, { kind: 'complainant', complaint: c })).toEqual([{ email: '', phone: '+6281234567890' }]);
  });
});
