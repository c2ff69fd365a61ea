// WhatsApp click-to-chat links: the number as wa.me wants it, each message decoded back, and what it never carries.
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint';
import {
  COMPLAINANT_NOTICES,
  complainantText,
  staffText,
  waLink,
  waNumber,
  type ComplainantFacts,
} from '../../src/domain/whatsapp';
import { NOW, complaintIn } from './fixtures';

const FACTS: ComplainantFacts = {
  agency: 'Dinas Koperasi dan UKM Kabupaten Tabanan',
  statusUrl: 'https://script.google.com/macros/s/X/exec?no=DUMAS-2026-0001',
  contact: '(0361) 811073',
  ratingUrl: 'https://script.google.com/macros/s/X/exec?halaman=nilai&no=DUMAS-2026-0001&t=abc',
  question: 'Mohon kirim fotokopi akta koperasi.',
};

function decoded(link: string | null): { number: string; text: string } {
  expect(link).not.toBeNull();
  const url = new URL(link!);
  expect(url.origin).toBe('https://wa.me');
  return { number: url.pathname.slice(1), text: url.searchParams.get('text') ?? '' };
}

/** A complaint in which every message applies: reopened, info asked, letter delivered; `status` decides the rest. */
function everything(c: Complaint): Complaint {
  return {
    ...c,
    infoRequestedAt: NOW,
    sentAt: NOW,
    deliveryMethod: 'pos',
    letterNumber: '000.8.3.3/14/Diskopumkm/2026',
    reopenCount: 1,
  };
}

describe('wa.me links', () => {
  it('takes the canonical mobile number without "+", and refuses landlines and junk', () => {
    expect(waNumber('+6281234567890')).toBe('6281234567890');
    expect(waNumber('+62361811073')).toBeNull();
    expect(waNumber('')).toBeNull();
    expect(waNumber('081234567890')).toBeNull();
    expect(waLink('+62361811073', 'x')).toBeNull();
  });

  it('encodes the whole message: spaces, new lines, "&", "?", "#" and "+" survive the round trip', () => {
    const text = 'Baris 1 & 2?\n#3 + 4 = 7 — 100%';
    const link = waLink('+6281234567890', text);
    expect(link).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=[^&#\s]+$/);
    expect(decoded(link).text).toBe(text);
  });
});

describe('messages to the complainant', () => {
  const open = everything(complaintIn('Ditindaklanjuti'));
  const closed = everything(complaintIn('Selesai'));
  const extended = { ...everything(complaintIn('Ditindaklanjuti')), deadlineKind: 'khusus' as const };
  const forwarded = { ...complaintIn('Dialihkan'), forwardedTo: 'Dinas Perdagangan' };

  it('the receipt: number, access code, received time, deadline, status and the status link', () => {
    const text = complainantText('receipt', complaintIn('Diterima'), FACTS)!;
    expect(text).toContain('DUMAS-2026-0001');
    expect(text).toContain('Kode akses: ABC234');
    expect(text).toContain('Diterima: 2 November 2026 pukul 09.00 WITA');
    expect(text).toContain('Batas waktu: Selasa, 10 November 2026');
    expect(text).toContain('Status: Diterima');
    expect(text).toContain(FACTS.statusUrl);
  });

  it('each message applies only when Dumas told the complainant that thing', () => {
    const fresh = complaintIn('Ditindaklanjuti');
    expect(complainantText('infoRequest', fresh, FACTS)).toBeNull();
    expect(complainantText('letterSent', fresh, FACTS)).toBeNull();
    expect(complainantText('ratingInvite', fresh, FACTS)).toBeNull();
    expect(complainantText('reopened', fresh, FACTS)).toBeNull();
    expect(complainantText('ratingInvite', closed, { ...FACTS, ratingUrl: null })).toBeNull();
    expect(complainantText('infoRequest', open, FACTS)).toContain(
      'Yang diperlukan: Mohon kirim fotokopi akta koperasi.',
    );
    expect(complainantText('letterSent', closed, FACTS)).toContain(
      'nomor 000.8.3.3/14/Diskopumkm/2026 telah dikirim melalui pos',
    );
    expect(complainantText('ratingInvite', closed, FACTS)).toContain(FACTS.ratingUrl!);
    expect(complainantText('reopened', open, FACTS)).toContain('Batas waktu baru: Selasa, 10 November 2026');
    expect(complainantText('extended', open, FACTS)).toBeNull();
    expect(complainantText('extended', extended, FACTS)).toContain('diperpanjang (kasus khusus)');
    expect(complainantText('forwarded', open, FACTS)).toBeNull();
    expect(complainantText('forwarded', forwarded, FACTS)).toContain('telah dialihkan kepada Dinas Perdagangan');
  });

  it('without a status page it names the agency phone instead of a link', () => {
    const text = complainantText('reopened', open, { ...FACTS, statusUrl: '' })!;
    expect(text).toContain('(0361) 811073');
    expect(text).not.toContain('https://');
  });

  it.each(['biasa', 'anonim', 'rahasia'] as const)(
    '%s: no name, NIK, address, email, phone or complaint text; the code only in the receipt',
    (privacy) => {
      for (const c of [open, closed, extended, forwarded]) {
        const mine = { ...c, privacy };
        for (const kind of COMPLAINANT_NOTICES) {
          const text = complainantText(kind, mine, FACTS);
          if (text === null) continue;
          for (const secret of [
            mine.nik,
            mine.name,
            mine.address,
            mine.email,
            mine.phone,
            mine.subject,
            mine.description,
          ])
            expect(text).not.toContain(secret);
          expect(text.includes(mine.accessCode)).toBe(kind === 'receipt');
        }
      }
    },
  );

  it('a rahasia info request does not quote the question; a NIK typed into a question goes out masked', () => {
    expect(complainantText('infoRequest', { ...open, privacy: 'rahasia' }, FACTS)).not.toContain('akta');
    const text = complainantText('infoRequest', open, { ...FACTS, question: 'Apakah NIK 5102015501900002 benar?' })!;
    expect(text).not.toContain('5102015501900002');
    expect(text).toContain('5102********0002');
  });
});

describe('messages to staff', () => {
  const url = 'https://docs.google.com/spreadsheets/d/REG/edit';

  it('disposition, awaiting disposition and reopening: number, unit, deadline, the register; nothing personal', () => {
    const disposed = complaintIn('Didisposisikan');
    const texts = [
      staffText('disposition', disposed, url),
      staffText('awaitingDisposition', complaintIn('Menunggu Disposisi'), url),
      staffText('reopenedForUnit', { ...complaintIn('Ditindaklanjuti'), reopenCount: 1 }, url),
    ];
    for (const text of texts) {
      expect(text).toContain('DUMAS-2026-0001');
      expect(text).toContain(url);
      for (const secret of [disposed.nik, disposed.name, disposed.phone, disposed.subject, disposed.accessCode])
        expect(text).not.toContain(secret);
    }
    expect(texts[0]).toContain('didisposisikan kepada Bidang UMKM');
    expect(staffText('disposition', complaintIn('Ditindaklanjuti'), url)).toBeNull();
    expect(staffText('awaitingDisposition', disposed, url)).toBeNull();
  });
});
