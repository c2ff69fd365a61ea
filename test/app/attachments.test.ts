// The attachment use cases on fake ports: the signed link, the page's refusals, one upload under the lock, who may
// read, and the web app's tickets.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  TICKET_MS,
  attachmentLink,
  attachmentList,
  mayReadAttachments,
  ticketMessage,
  ticketValid,
  uploadAttachment,
  uploadPageState,
  type AttachmentIndexPort,
  type UploadDeps,
} from '../../src/app/attachments';
import type { Signer } from '../../src/app/feedback';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import type { AttachmentMeta, DayCount } from '../../src/domain/attachments';
import type { Complaint } from '../../src/domain/complaint';
import { instantAt } from '../../src/domain/time';
import { actors, baseComplaint, UNIT } from '../domain/fixtures';

const signer: Signer = {
  sign: (m) => createHmac('sha256', 'rahasia-uji').update(m).digest('base64url'),
};
const settings = { ...DEFAULT_SETTINGS, statusPageUrl: 'https://script.google.com/macros/s/X/exec' };
const NOW = instantAt('2026-11-05', 10);

function complaint(over: Partial<Complaint> = {}): Complaint {
  return { ...baseComplaint(), regNumber: 'DUMAS-2026-0007', receivedAt: instantAt('2026-11-02', 9), ...over };
}

class MemoryIndex implements AttachmentIndexPort {
  lists = new Map<string, AttachmentMeta[]>();
  count: DayCount | null = null;
  list = (r: string) => this.lists.get(r) ?? [];
  save = (r: string, f: readonly AttachmentMeta[]) => void this.lists.set(r, [...f]);
  remove = (r: string) => void this.lists.delete(r);
  complaints = () => [...this.lists.keys()];
  day = (d: string) => (this.count?.day === d ? this.count : { day: d, files: 0, bytes: 0 });
  saveDay = (c: DayCount) => void (this.count = c);
}

function deps(c: Complaint) {
  const index = new MemoryIndex();
  const created: string[] = [];
  const audit: unknown[] = [];
  let locked = 0;
  const d: UploadDeps = {
    now: NOW,
    settings,
    find: (n) => (n === c.regNumber ? c : null),
    signer,
    index,
    files: {
      create: (name) => (created.push(name), `file_${created.length}`),
      base64: () => '',
      trash: () => 0,
    },
    lock: { withLock: (fn) => (locked++, fn()) },
    audit: { append: (e) => void audit.push(...e) },
    decodeBase64: (t) => Array.from(Buffer.from(t, 'base64')),
  };
  return { d, index, created, audit, locks: () => locked };
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]).toString('base64');

describe('the signed link', () => {
  it('is the web app with the number and a token; none without a web app, once closed, or after the period', () => {
    const link = attachmentLink(complaint(), settings, signer, NOW)!;
    const url = new URL(link.url);
    expect([url.searchParams.get('halaman'), url.searchParams.get('no')]).toEqual(['lampiran', 'DUMAS-2026-0007']);
    expect(link.lastDay).toBe('Senin, 16 November 2026');
    expect(attachmentLink(complaint(), DEFAULT_SETTINGS, signer, NOW)).toBeNull();
    expect(attachmentLink(complaint({ status: 'Selesai' }), settings, signer, NOW)).toBeNull();
    expect(attachmentLink(complaint(), settings, signer, instantAt('2026-11-17', 8))).toBeNull();
    expect(attachmentLink(complaint(), { ...settings, attachmentLinkDays: 0 }, signer, NOW)).toBeNull();
  });

  it('opens the page for its complaint only; a changed token, number or receipt moment are one refusal', () => {
    const c = complaint();
    const t = new URL(attachmentLink(c, settings, signer, NOW)!.url).searchParams.get('t')!;
    const { d } = deps(c);
    const page = uploadPageState(d, c.regNumber.toLowerCase(), t);
    expect(page).toMatchObject({ state: 'open', regNumber: c.regNumber, count: 0, max: 5 });
    const refusals = [
      uploadPageState(d, c.regNumber, `${t}x`),
      uploadPageState(d, 'DUMAS-2026-0008', t),
      uploadPageState({ ...d, find: () => ({ ...c, receivedAt: instantAt('2026-11-02', 10) }) }, c.regNumber, t),
      uploadPageState(d, c.regNumber, 42),
    ];
    const message = (r: ReturnType<typeof uploadPageState>) => (r.state === 'refused' ? r.message : '');
    for (const r of refusals) expect(message(r)).toContain('tidak berlaku');
    const late = uploadPageState({ ...d, now: instantAt('2026-11-17', 8) }, c.regNumber, t);
    expect(message(late)).toContain('berlaku sampai Senin, 16 November 2026');
  });
});

describe('one upload', () => {
  it('checks the link, stores under the lock with the next sequence, counts the day, logs one row', () => {
    const c = complaint();
    const t = new URL(attachmentLink(c, settings, signer, NOW)!.url).searchParams.get('t')!;
    const { d, index, created, audit, locks } = deps(c);
    expect(uploadAttachment(d, { no: c.regNumber, t, data: JPEG })).toMatchObject({ ok: true, count: 1 });
    expect(uploadAttachment(d, { no: c.regNumber, t, data: JPEG })).toMatchObject({ ok: true, count: 2 });
    expect(created).toEqual(['DUMAS-2026-0007-1.jpg', 'DUMAS-2026-0007-2.jpg']);
    expect(index.count).toEqual({ day: '2026-11-05', files: 2, bytes: 18 });
    expect(audit).toHaveLength(2);
    expect(locks()).toBe(2);
    // Refused before the lock: a forged token, an oversized text, no data.
    expect(uploadAttachment(d, { no: c.regNumber, t: 'palsu', data: JPEG }).ok).toBe(false);
    expect(uploadAttachment(d, { no: c.regNumber, t, data: 'A'.repeat(8_000_000) }).message).toContain('terlalu besar');
    expect(uploadAttachment(d, { no: c.regNumber, t }).ok).toBe(false);
    expect(locks()).toBe(2);
  });
});

describe('who reads the attachments', () => {
  it('the table and rules.md §3: rahasia only the team, the Kepala Dinas and the assigned unit; never the Administrator', () => {
    const biasa = complaint({ unit: UNIT });
    const rahasia = complaint({ unit: UNIT, privacy: 'rahasia' });
    const other = { ...actors.ANGGOTA, unit: 'Bidang Koperasi' };
    for (const a of [actors.CS, actors.SEKRETARIS, actors.KETUA, actors.KEPALA_DINAS, actors.ANGGOTA])
      expect([mayReadAttachments(a, biasa), mayReadAttachments(a, rahasia)], a.role).toEqual([true, true]);
    expect([mayReadAttachments(actors.ADMIN, biasa), mayReadAttachments(actors.ADMIN, rahasia)]).toEqual([
      false,
      false,
    ]);
    expect([mayReadAttachments(other, biasa), mayReadAttachments(other, rahasia)]).toEqual([false, false]);
    const index = new MemoryIndex();
    index.save(rahasia.regNumber, [{ seq: 1, fileId: 'f', type: 'pdf', bytes: 2048, at: NOW.toISOString() }]);
    expect(attachmentList(actors.ADMIN, rahasia, index)).toBeNull();
    expect(attachmentList(actors.ANGGOTA, rahasia, index)).toEqual([
      { seq: 1, name: 'DUMAS-2026-0007-1.pdf', type: 'PDF', size: '2 KB', at: '5 November 2026 pukul 10.00 WITA' },
    ]);
  });

  it('the web app honours a ticket for that file only, for two minutes', () => {
    const exp = NOW.getTime() + TICKET_MS;
    const t = signer.sign(ticketMessage('DUMAS-2026-0007', 1, exp));
    expect(ticketValid(signer, NOW, 'DUMAS-2026-0007', 1, exp, t)).toBe(true);
    expect(ticketValid(signer, NOW, 'DUMAS-2026-0007', 2, exp, t)).toBe(false);
    expect(ticketValid(signer, NOW, 'DUMAS-2026-0008', 1, exp, t)).toBe(false);
    expect(ticketValid(signer, new Date(exp + 1), 'DUMAS-2026-0007', 1, exp, t)).toBe(false);
    const far = NOW.getTime() + TICKET_MS * 10;
    expect(
      ticketValid(signer, NOW, 'DUMAS-2026-0007', 1, far, signer.sign(ticketMessage('DUMAS-2026-0007', 1, far))),
    ).toBe(false);
  });
});
