// What the sidebars and public pages say: names instead of emails, no bookkeeping in history, a forwarded
// complaint never "Selesai", the receipt link with its number, the regency and the lost-receipt contact.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import { lostReceiptContact, publicAgencyName, publicStatus, regencyOf, statusPageLink } from '../../src/app/status';
import { complaintView, historyView, listItem, type ViewContext } from '../../src/app/workflowView';
import { applyAction } from '../../src/domain/workflow';
import { instantAt } from '../../src/domain/time';
import { NOW, actors, cal, complaintIn } from '../domain/fixtures';

const NAMES: Record<string, string> = { 'kadis@x': 'Drs. I Wayan Sudiarta', 'b@x': 'Kadek Dwi Antari' };
const nameOf = (email: string): string => NAMES[email] ?? email;
const vc: ViewContext = { now: NOW, calendar: cal, units: [], rowUrl: (r) => `u#range=A${r}`, nameOf };

describe('history as people read it', () => {
  const entries = [
    {
      at: instantAt('2026-11-05', 9),
      actor: 'kadis@x',
      role: 'KEPALA_DINAS',
      action: 'Disposisi',
      regNumber: 'R',
      before: '{"status":"Menunggu Disposisi","version":3,"updatedBy":"a@x","assignedTo":""}',
      after: '{"status":"Didisposisikan","version":4,"updatedBy":"kadis@x","assignedTo":"b@x"}',
      note: '',
    },
  ];

  it('names people by their name, and leaves out version and last-change bookkeeping', () => {
    const [h] = historyView(entries, complaintIn('Didisposisikan'), actors.KETUA, {}, nameOf);
    expect(h.actor).toBe('Drs. I Wayan Sudiarta');
    expect(h.changes.map((c) => c.field)).toEqual(['status', 'assignedTo']);
    expect(h.changes[1]).toMatchObject({ before: '—', after: 'Kadek Dwi Antari' });
    expect(JSON.stringify(h)).not.toMatch(/Versi|@x/);
  });

  it('keeps an unknown person as the email it is', () => {
    const [h] = historyView([{ ...entries[0], actor: 'lama@x' }], complaintIn('Didisposisikan'), actors.KETUA);
    expect(h.actor).toBe('lama@x');
  });
});

describe('a forwarded complaint is never "Selesai"', () => {
  it('in the sidebars and the monitoring list', () => {
    const forwarded = complaintIn('Dialihkan');
    expect(listItem(forwarded, 2, actors.KETUA, vc).stateText).toBe('Dialihkan dalam batas waktu');
    expect(complaintView(forwarded, 2, actors.KETUA, [], vc).deadlineText).toBe('Dialihkan dalam batas waktu');
    const late = { ...forwarded, closedAt: instantAt('2026-11-20', 10) };
    expect(listItem(late, 2, actors.KETUA, vc).stateText).toMatch(/^Dialihkan terlambat \d+ hari kerja$/);
    expect(listItem(complaintIn('Selesai'), 2, actors.KETUA, vc).stateText).toBe('Selesai tepat waktu');
  });

  it('on the public status page', () => {
    const s = publicStatus(complaintIn('Dialihkan'), NOW, cal);
    expect(s.deadlineState).toBe('Dialihkan dalam batas waktu');
    expect(s.closedLabel).toBe('Dialihkan pada');
    expect(JSON.stringify(s)).not.toContain('Selesai tepat');
    expect(publicStatus(complaintIn('Selesai'), NOW, cal).closedLabel).toBe('Selesai');
  });
});

describe('the card names people', () => {
  it('shows the assigned officer and the last editor by name', () => {
    const c = { ...complaintIn('Didisposisikan'), assignedTo: 'b@x', updatedBy: 'kadis@x' };
    const v = complaintView(c, 2, actors.KETUA, [], vc);
    expect(v.assignedTo).toBe('Kadek Dwi Antari');
    expect(v.updated).toContain('Drs. I Wayan Sudiarta');
  });
});

describe('input refusals name their fields', () => {
  it('a missing agenda number and date, and a range that ends before it starts', () => {
    const missing = applyAction(complaintIn('Diterima'), 'agenda', actors.SEKRETARIS, {}, { now: NOW, calendar: cal });
    expect(missing).toMatchObject({ ok: false, code: 'input', fields: ['agendaNumber', 'agendaDate'] });
    const range = applyAction(
      complaintIn('Ditindaklanjuti'),
      'extend',
      actors.KETUA,
      { extOfficial: 'Kabid', extReason: 'Dinas luar', extFrom: '2026-11-06', extUntil: '2026-11-04' },
      { now: NOW, calendar: cal },
    );
    expect(range).toMatchObject({ ok: false, fields: ['extFrom', 'extUntil'] });
  });
});

describe('public page help', () => {
  it('links the status page with the number filled in', () => {
    expect(statusPageLink('https://script.google.com/macros/s/X/exec', 'DUMAS-2026-0001')).toBe(
      'https://script.google.com/macros/s/X/exec?no=DUMAS-2026-0001',
    );
    expect(statusPageLink('https://contoh.id/status?a=1', 'A B')).toBe('https://contoh.id/status?a=1&no=A%20B');
    expect(statusPageLink('  ', 'DUMAS-2026-0001')).toBe('');
  });

  it('names the regency from the letterhead, once', () => {
    expect(regencyOf('PEMERINTAH KABUPATEN TABANAN')).toBe('Kabupaten Tabanan');
    expect(publicAgencyName(DEFAULT_SETTINGS)).toBe('DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH KABUPATEN TABANAN');
    expect(
      publicAgencyName({ governmentName: 'PEMERINTAH KABUPATEN TABANAN', agencyName: 'Diskop UKM Kabupaten Tabanan' }),
    ).toBe('Diskop UKM Kabupaten Tabanan');
  });

  it('tells a complainant without a receipt where to ask, from the settings', () => {
    const text = lostReceiptContact({ ...DEFAULT_SETTINGS, agencyPhone: '(0361) 555 123' });
    expect(text).toContain('(0361) 555 123');
    expect(text).toContain(DEFAULT_SETTINGS.agencyEmail);
    expect(text).toContain(DEFAULT_SETTINGS.agencyAddress);
    expect(text).toContain('08:00–16:00 WITA');
    expect(text).toContain('KTP');
  });
});
