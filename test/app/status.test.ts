// The public view of a complaint, the lookup's single refusal and its throttle, and the signed rating link (pure, fakes for ports).
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Complaint } from '../../src/domain/complaint';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import {
  lookupStatus,
  normalizeCode,
  normalizeRegNumber,
  publicStatus,
  sameSecret,
  THROTTLE,
  type FailureCounts,
  type ThrottlePort,
} from '../../src/app/status';
import {
  openReopenRequests,
  ratingInvitation,
  ratingLink,
  verifyRatingToken,
  type Signer,
} from '../../src/app/feedback';
import { cal, complaintIn, NOW } from '../domain/fixtures';

const MESSAGES = { notFound: 'TIDAK COCOK', throttled: 'TERLALU BANYAK' };
const signer: Signer = { sign: (m) => createHmac('sha256', 'rahasia-uji').update(m).digest('base64url') };

class MemoryThrottle implements ThrottlePort {
  readonly perNumber = new Map<string, number>();
  global = 0;
  counts(key: string): FailureCounts {
    return { perNumber: this.perNumber.get(key) ?? 0, global: this.global };
  }
  recordFailure(key: string, before: FailureCounts): void {
    this.perNumber.set(key, before.perNumber + 1);
    this.global = before.global + 1;
  }
}

function deps(complaints: Complaint[], throttle = new MemoryThrottle()) {
  return {
    now: NOW,
    calendar: () => cal,
    find: (n: string) => complaints.find((c) => c.regNumber === n) ?? null,
    feedbackOf: () => 'none' as const,
    throttle,
  };
}

describe('publicStatus', () => {
  it.each(STATUSES.map((s) => [s]))('shows %s without any personal or content field', (status) => {
    const c = {
      ...complaintIn(status),
      followUpNotes: 'CATATAN-INTERNAL-X',
      answer: 'JAWABAN-UNIT-X',
      instruction: 'INSTRUKSI-KADIS-X',
      forwardedTo: 'Dinas Lain',
    };
    const view = publicStatus(c, NOW, cal);
    expect(view.stage).toBe(status);
    expect(Object.keys(view).sort()).toEqual(
      [
        'closed',
        'closedLabel',
        'deadline',
        'deadlineKind',
        'deadlineState',
        'feedback',
        'forwardedTo',
        'received',
        'regNumber',
        'reopened',
        'stage',
        'stageText',
        'steps',
        'unit',
      ].sort(),
    );
    const text = JSON.stringify(view);
    for (const secret of [
      c.name,
      c.nik,
      c.phone,
      c.email,
      c.address,
      c.subject,
      c.description,
      c.accessCode,
      'CATATAN-INTERNAL-X',
      'JAWABAN-UNIT-X',
      'INSTRUKSI-KADIS-X',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(view.forwardedTo).toBe(status === 'Dialihkan' ? 'Dinas Lain' : '');
  });

  it('marks the steps up to the current one and reads the deadline as the public needs it', () => {
    const open = publicStatus(complaintIn('Menunggu Disposisi'), NOW, cal);
    expect(open.steps.map((s) => s.state)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(open).toMatchObject({
      received: '2 November 2026',
      deadline: 'Selasa, 10 November 2026',
      deadlineState: 'Dalam batas waktu',
      closed: '',
    });
    const done = publicStatus(complaintIn('Selesai'), NOW, cal, 'reopenRequested');
    expect(done.steps.every((s) => s.state === 'done')).toBe(true);
    expect(done).toMatchObject({ closed: '5 November 2026', deadlineState: 'Selesai tepat waktu' });
    expect(done.feedback).toContain('Ketua Tim');
    const late = publicStatus(complaintIn('Ditindaklanjuti'), new Date(Date.parse('2026-11-12T09:00:00+08:00')), cal);
    expect(late.deadlineState).toBe('Melewati batas waktu');
  });
});

describe('lookup inputs', () => {
  it('normalizes what people type and refuses the implausible', () => {
    expect(normalizeRegNumber(' dumas-2026-0001 ')).toBe('DUMAS-2026-0001');
    expect(normalizeRegNumber('<script>')).toBeNull();
    expect(normalizeRegNumber('x'.repeat(41))).toBeNull();
    expect(normalizeRegNumber(42)).toBeNull();
    expect(normalizeCode('ab c 234')).toBe('ABC234');
    expect(normalizeCode('')).toBeNull();
    expect(sameSecret('ABC234', 'ABC234')).toBe(true);
    expect(sameSecret('ABC234', 'ABC235')).toBe(false);
    expect(sameSecret('ABC234', 'ABC2345')).toBe(false);
    expect(sameSecret('', '')).toBe(false);
  });
});

describe('lookupStatus', () => {
  const c = complaintIn('Ditindaklanjuti');

  it('answers a valid pair, and refuses an unknown number, a wrong code and a row without code the same way', () => {
    expect(lookupStatus(deps([c]), 'dumas-2026-0001', 'abc234', MESSAGES)).toMatchObject({
      ok: true,
      status: { stage: 'Ditindaklanjuti' },
    });
    const refusals = [
      lookupStatus(deps([c]), 'DUMAS-2026-0001', 'ABC235', MESSAGES),
      lookupStatus(deps([c]), 'DUMAS-2026-0002', 'ABC234', MESSAGES),
      lookupStatus(deps([{ ...c, accessCode: '' }]), 'DUMAS-2026-0001', '', MESSAGES),
      lookupStatus(deps([c]), undefined, 'ABC234', MESSAGES),
    ];
    for (const r of refusals) expect(r).toEqual({ ok: false, message: MESSAGES.notFound });
  });

  it(`refuses everything for a number after ${THROTTLE.perNumberMax} failures, and everyone after ${THROTTLE.globalMax}`, () => {
    const throttle = new MemoryThrottle();
    const d = deps([c], throttle);
    for (let i = 0; i < THROTTLE.perNumberMax; i++)
      expect(lookupStatus(d, c.regNumber, 'ZZZZZZ', MESSAGES).ok).toBe(false);
    expect(lookupStatus(d, c.regNumber, 'ABC234', MESSAGES)).toEqual({ ok: false, message: MESSAGES.throttled });
    const fresh = new MemoryThrottle();
    fresh.global = THROTTLE.globalMax;
    expect(lookupStatus(deps([c], fresh), c.regNumber, 'ABC234', MESSAGES)).toEqual({
      ok: false,
      message: MESSAGES.throttled,
    });
    fresh.global = THROTTLE.globalMax - 1;
    expect(lookupStatus(deps([c], fresh), c.regNumber, 'ABC234', MESSAGES).ok).toBe(true);
  });

  it('does not read the register while throttled', () => {
    const throttle = new MemoryThrottle();
    throttle.global = THROTTLE.globalMax;
    let reads = 0;
    lookupStatus({ ...deps([c], throttle), find: () => (reads++, c) }, c.regNumber, 'ABC234', MESSAGES);
    expect(reads).toBe(0);
  });
});

describe('the signed rating link', () => {
  const settings = { ...DEFAULT_SETTINGS, statusPageUrl: 'https://script.google.com/macros/s/ABC/exec' };

  it('binds the number and the closing round; anything else fails', () => {
    const c = complaintIn('Selesai');
    const link = new URL(ratingLink(c, settings.statusPageUrl, signer)!);
    expect(link.searchParams.get('halaman')).toBe('nilai');
    expect(link.searchParams.get('no')).toBe(c.regNumber);
    const token = link.searchParams.get('t')!;
    expect(verifyRatingToken(c, token, signer)).toBe(true);
    expect(verifyRatingToken({ ...c, regNumber: 'DUMAS-2026-0002' }, token, signer)).toBe(false);
    expect(verifyRatingToken({ ...c, reopenCount: 1 }, token, signer)).toBe(false);
    expect(verifyRatingToken(c, token.slice(0, -1), signer)).toBe(false);
    expect(verifyRatingToken(c, undefined, signer)).toBe(false);
    const other: Signer = { sign: (m) => createHmac('sha256', 'kunci-lain').update(m).digest('base64url') };
    expect(verifyRatingToken(c, token, other)).toBe(false);
  });

  it('invites only settled complaints with a valid email once the web app URL is known, with no personal data in the link', () => {
    const c = complaintIn('Selesai');
    const mail = ratingInvitation(c, settings, signer);
    expect(mail?.to).toBe(c.email);
    expect(mail?.subject).toBe('Penilaian Layanan Pengaduan DUMAS-2026-0001');
    expect(mail?.body).toContain('Yth. Ni Luh Putu Sari');
    const url = /https:\/\/\S+/.exec(mail!.body)![0];
    for (const secret of [c.name, c.nik, c.email, c.phone, c.accessCode]) expect(url).not.toContain(secret);
    expect(mail?.htmlBody).toContain('&amp;no=DUMAS-2026-0001');
    expect(ratingInvitation(complaintIn('Dialihkan'), settings, signer)).toBeNull();
    expect(ratingInvitation(complaintIn('Ditindaklanjuti'), settings, signer)).toBeNull();
    expect(ratingInvitation({ ...c, email: '' }, settings, signer)).toBeNull();
    expect(ratingInvitation({ ...c, email: 'bukan email' }, settings, signer)).toBeNull();
    expect(ratingInvitation(c, { ...settings, statusPageUrl: '' }, signer)).toBeNull();
  });

  it('lists the reopen requests still waiting for the Ketua Tim', () => {
    const c = complaintIn('Selesai');
    const rating = { at: NOW, regNumber: c.regNumber, unit: c.unit, round: 0, score: 2, resolved: false, comment: '' };
    expect(openReopenRequests([rating], [c])).toEqual([rating]);
    expect(openReopenRequests([rating], [{ ...c, status: 'Ditindaklanjuti', reopenCount: 1 }])).toEqual([]);
    expect(openReopenRequests([{ ...rating, resolved: true }], [c])).toEqual([]);
  });
});
