// "Kirim via WhatsApp" through the bundle: the offers each sidebar returns, the audit row on "Sudah terkirim", and
// the refusals (role, unit, privacy, a message that does not apply now).
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, TEAM_ROWS, openOffice, type Office } from './office';
import { STATUS_URL, setSetting } from './publicHelpers';
import { INPUTS, LETTER, act, letterAt, recordLetter, registerRow } from './workflowOffice';

interface Offer {
  kind: string;
  label: string;
  to: string;
  recipient: string;
  url: string;
  text: string;
}

/** The team of the other bundle tests, with a phone in the optional "No. HP" column for the Kepala Dinas and Koperasi. */
const PHONES: Record<string, string> = { [PEOPLE.kadis]: '0811-3860-001', [PEOPLE.koperasi]: '081338600002' };
const TEAM = TEAM_ROWS.map((r) => [...r, PHONES[r[0]] ?? '']);

function text(offer: Offer): string {
  const url = new URL(offer.url);
  expect(url.origin).toBe('https://wa.me');
  return url.searchParams.get('text') ?? '';
}

function auditRows(office: Office): unknown[][] {
  return office.sheetValues('Log Audit').filter((r) => r.includes('Dikirim via WhatsApp'));
}

describe('WhatsApp click-to-chat through the bundle', () => {
  let office: Office;
  beforeAll(() => {
    office = openOffice({ team: TEAM });
    setSetting(office, 'url_halaman_status', STATUS_URL);
  });

  it('the receipt panel offers the receipt; "Sudah terkirim" writes one audit row without the number or NIK', () => {
    const r = office.as<{ ok: boolean; regNumber: string; receipt: { accessCode: string; whatsapp: Offer[] } }>(
      PEOPLE.cs,
      'recordComplaint',
      LETTER,
    );
    expect(r.ok).toBe(true);
    const [offer] = r.receipt.whatsapp;
    expect(r.receipt.whatsapp).toHaveLength(1);
    expect(offer.kind).toBe('receipt');
    expect(new URL(offer.url).pathname).toBe('/6281234567890');
    const body = text(offer);
    expect(body).toBe(offer.text);
    expect(body).toContain(r.regNumber);
    expect(body).toContain(`Kode akses: ${r.receipt.accessCode}`);
    expect(body).toContain(`${STATUS_URL}?no=${r.regNumber}`);
    expect(body).not.toContain(LETTER.nik);
    expect(body).not.toContain(LETTER.name);

    const before = auditRows(office).length;
    const sent = office.as<{ ok: boolean; message: string }>(PEOPLE.cs, 'confirmWhatsAppSent', {
      regNumber: r.regNumber,
      kind: 'receipt',
      recipient: '',
    });
    expect(sent).toEqual({ ok: true, message: `Pengiriman "Tanda terima" untuk ${r.regNumber} dicatat di Log Audit.` });
    const rows = auditRows(office);
    expect(rows).toHaveLength(before + 1);
    const row = rows[rows.length - 1].map(String);
    expect(row).toContain(PEOPLE.cs);
    expect(row).toContain(r.regNumber);
    expect(row).toContain('Tanda terima kepada pengadu.');
    expect(row.join(' ')).not.toMatch(/0812|62812|5102014506900002/);
  });

  it('refuses a confirmation from the wrong role, for a message that does not apply, or for an unknown kind', () => {
    const reg = recordLetter(office);
    const before = auditRows(office).length;
    const refused = [
      office.as<{ ok: boolean; message: string }>(PEOPLE.kadis, 'confirmWhatsAppSent', {
        regNumber: reg,
        kind: 'receipt',
      }),
      office.as<{ ok: boolean; message: string }>(PEOPLE.cs, 'confirmWhatsAppSent', {
        regNumber: reg,
        kind: 'ratingInvite',
      }),
      office.as<{ ok: boolean; message: string }>(PEOPLE.cs, 'confirmWhatsAppSent', {
        regNumber: reg,
        kind: 'telegram',
      }),
      office.as<{ ok: boolean; message: string }>(PEOPLE.stranger, 'confirmWhatsAppSent', {
        regNumber: reg,
        kind: 'receipt',
      }),
    ];
    expect(refused.map((r) => r.ok)).toEqual([false, false, false, false]);
    expect(refused[0].message).toMatch(/tidak berwenang/);
    expect(refused[1].message).toMatch(/tidak tersedia/);
    expect(refused[2].message).toMatch(/tidak dikenal/);
    expect(auditRows(office)).toHaveLength(before);
  });

  it('staff notices go to members with a phone in Tim: the Kepala Dinas after forwarding, the unit after disposition', () => {
    const reg = letterAt(office, 'Diagendakan');
    const forwarded = office.as<{ ok: boolean; whatsapp: Offer[] }>(PEOPLE.sekretaris, 'runWorkflowAction', {
      sidebar: 'agenda',
      regNumber: reg,
      version: Number(
        office.sheetValues('Register').find((r) => r[0] === reg)![
          (office.sheetValues('Register')[0] as string[]).indexOf('Versi')
        ],
      ),
      action: 'forwardToHead',
      input: {},
    });
    expect(forwarded.ok).toBe(true);
    expect(forwarded.whatsapp.map((o) => [o.kind, o.recipient])).toEqual([['awaitingDisposition', PEOPLE.kadis]]);
    expect(new URL(forwarded.whatsapp[0].url).pathname).toBe('/628113860001');
    expect(text(forwarded.whatsapp[0])).toContain(`${reg} menunggu disposisi`);
    expect(text(forwarded.whatsapp[0])).not.toContain(LETTER.name);

    const disposed = act(office, PEOPLE.kadis, 'disposisi', reg, 'dispose', INPUTS.dispose) as {
      ok: boolean;
      whatsapp?: Offer[];
    };
    expect(disposed.ok).toBe(true);
    expect(disposed.whatsapp!.map((o) => [o.kind, o.to])).toEqual([['disposition', 'Kadek Dwi Antari']]);
    const sent = office.as<{ ok: boolean }>(PEOPLE.kadis, 'confirmWhatsAppSent', {
      regNumber: reg,
      kind: 'disposition',
      recipient: PEOPLE.koperasi,
    });
    expect(sent.ok).toBe(true);
    expect(auditRows(office).at(-1)!.map(String)).toContain('Disposisi kepada Kadek Dwi Antari.');
  });

  it('the unit asks for information: offered for biasa, not for anonim (the unit may not see the number)', () => {
    const plain = letterAt(office, 'Ditindaklanjuti');
    const asked = act(office, PEOPLE.koperasi, 'tindakLanjut', plain, 'requestInfo', INPUTS.requestInfo) as {
      ok: boolean;
      whatsapp?: Offer[];
    };
    expect(asked.ok).toBe(true);
    expect(asked.whatsapp!.map((o) => o.kind)).toEqual(['infoRequest']);
    expect(text(asked.whatsapp![0])).toContain(INPUTS.requestInfo.note);

    const hidden = letterAt(office, 'Ditindaklanjuti', { privacy: 'anonim' });
    const askedHidden = act(office, PEOPLE.koperasi, 'tindakLanjut', hidden, 'requestInfo', INPUTS.requestInfo) as {
      ok: boolean;
      whatsapp?: Offer[];
    };
    expect(askedHidden.ok).toBe(true);
    expect(askedHidden.whatsapp).toEqual([]);
    // The complaints team can send it from Riwayat, without the question's text being needed.
    const history = office.as<{ ok: boolean; whatsapp: Offer[] }>(
      PEOPLE.ketua,
      'openWorkflowComplaint',
      'riwayat',
      hidden,
    );
    expect(history.whatsapp.map((o) => o.kind)).toContain('infoRequest');
    const kadisView = office.as<{ ok: boolean; whatsapp: Offer[] }>(
      PEOPLE.kadis,
      'openWorkflowComplaint',
      'riwayat',
      hidden,
    );
    expect(kadisView.whatsapp.filter((o) => o.recipient === '')).toEqual([]);
    const refused = office.as<{ ok: boolean }>(PEOPLE.koperasi, 'confirmWhatsAppSent', {
      regNumber: hidden,
      kind: 'infoRequest',
    });
    expect(refused.ok).toBe(false);
  });

  it('a unit member cannot confirm for another unit, and a complaint without a mobile number offers nothing', () => {
    const other = letterAt(office, 'Ditindaklanjuti', {}, 'Bidang Usaha Kecil dan Menengah');
    act(office, PEOPLE.ukm, 'tindakLanjut', other, 'requestInfo', INPUTS.requestInfo);
    const refused = office.as<{ ok: boolean; message: string }>(PEOPLE.koperasi, 'confirmWhatsAppSent', {
      regNumber: other,
      kind: 'infoRequest',
    });
    expect(refused.ok).toBe(false);
    const landline = office.as<{ ok: boolean; receipt: { whatsapp: Offer[] } }>(PEOPLE.cs, 'recordComplaint', {
      ...LETTER,
      phone: '(0361) 811073',
    });
    expect(landline.ok).toBe(true);
    expect(landline.receipt.whatsapp).toEqual([]);
  });

  it('the special case and forwarding: the Ketua Tim is offered the message right after the action', () => {
    const reg = letterAt(office, 'Didisposisikan');
    const extended = act(office, PEOPLE.ketua, 'perpanjangan', reg, 'extend', INPUTS.extend) as {
      ok: boolean;
      message: string;
      whatsapp?: Offer[];
    };
    expect(extended.ok, extended.message).toBe(true);
    expect(extended.whatsapp!.map((o) => o.kind)).toEqual(['extended']);
    expect(text(extended.whatsapp![0])).toContain('Batas waktu baru:');
    expect(text(extended.whatsapp![0])).not.toContain(INPUTS.extend.extReason);
    const other = recordLetter(office);
    const forwarded = act(office, PEOPLE.ketua, 'alihkan', other, 'forward', INPUTS.forward) as {
      ok: boolean;
      message: string;
      whatsapp?: Offer[];
    };
    expect(forwarded.ok, forwarded.message).toBe(true);
    expect(text(forwarded.whatsapp![0])).toContain(`dialihkan kepada ${INPUTS.forward.forwardedTo}`);
  });

  it('Surat Jawaban: after the letter is handed over, the letter-sent message and the rating invitation', () => {
    setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
    const reg = letterAt(office, 'Didisposisikan');
    const letter = (who: string, action: string, extra: Record<string, unknown> = {}) =>
      office.as<{ ok: boolean; message: string; whatsapp?: Offer[] }>(who, 'runLetterAction', {
        action,
        regNumber: reg,
        version: Number(registerRow(office, reg)['Versi']),
        ...extra,
      });
    expect(letter(PEOPLE.koperasi, 'draft', { answer: 'Pendampingan dijadwalkan Kamis.' }).whatsapp).toEqual([]);
    letter(PEOPLE.koperasi, 'submit');
    letter(PEOPLE.kadis, 'sign');
    const sent = letter(PEOPLE.sekretaris, 'deliver', { method: 'pos', handedOverDate: '2026-11-30' });
    expect(sent.ok, sent.message).toBe(true);
    expect(sent.whatsapp!.map((o) => o.kind)).toEqual(['letterSent', 'ratingInvite']);
    const number = String(registerRow(office, reg)['No. Surat Jawaban']);
    expect(text(sent.whatsapp![0])).toContain(`surat jawaban nomor ${number} telah dikirim melalui pos`);
    const invite = text(sent.whatsapp![1]);
    expect(invite).toContain(`${STATUS_URL}?halaman=nilai&no=${reg}&t=`);
    expect(invite).not.toContain(LETTER.name);
  });
});
