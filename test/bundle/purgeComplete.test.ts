// The complete purge, end to end through the built bundle: after the retention period no identity of a purged
// complaint remains anywhere the emulator holds (every Drive file, every form response, Script/User/Document
// Properties, CacheService, mail sent after the purge, the execution log); before the period it is all still there.
import { beforeEach, describe, expect, it } from 'vitest';
import { pdfTextItems } from '../emulator/pdf';
import { openOffice, PEOPLE, type Office } from './office';
import {
  KETUA,
  STATUS_URL,
  act as actDirect,
  complaints,
  formAnswers,
  person,
  ratingLinkFor,
  setSetting,
  setting,
  walkIn,
  type Person,
} from './publicHelpers';
import { act, recordLetter, registerRow } from './workflowOffice';
import { attachLinkFor, jpegBytes, pdfBytes, upload } from './attachHelpers';

const MIME = {
  sheet: 'application/vnd.google-apps.spreadsheet',
  doc: 'application/vnd.google-apps.document',
  form: 'application/vnd.google-apps.form',
  folder: 'application/vnd.google-apps.folder',
  pdf: 'application/pdf',
};

interface Place {
  where: string;
  text: string;
}

/** Everything the emulator holds, as text, each piece named by where it lies. */
async function everything(office: Office, mailFrom = 0): Promise<Place[]> {
  const emu = office.emu;
  const out: Place[] = [];
  for (const f of emu.drive.files()) {
    const tag = `${f.trashed ? 'trashed ' : ''}${f.name} (${f.id})`;
    if (f.mimeType === MIME.sheet) {
      const ss = emu.sheets.byId(f.id);
      for (const sheet of ss?.getSheets() ?? []) {
        const range = sheet.getDataRange();
        out.push({ where: `${tag} / ${sheet.getName()}`, text: JSON.stringify(range.getValues()) });
        out.push({ where: `${tag} / ${sheet.getName()} notes`, text: JSON.stringify(range.getNotes()) });
      }
    } else if (f.mimeType === MIME.doc) {
      const d = emu.docs.document(f.id);
      out.push({ where: tag, text: [d.header, d.body, d.footer].join('\n') });
    } else if (f.mimeType === MIME.form) {
      out.push({ where: `${tag} responses`, text: JSON.stringify(emu.forms.responses(f.id)) });
    } else if (f.mimeType === MIME.pdf) {
      const bytes = emu.drive.bytes(f.id);
      const items = await pdfTextItems(bytes);
      out.push({ where: tag, text: items.map((i) => i.str).join(' ') });
      out.push({ where: `${tag} raw`, text: items.map((i) => i.str).join('') });
    } else if (f.mimeType !== MIME.folder) {
      out.push({ where: tag, text: Buffer.from(emu.drive.bytes(f.id)).toString('utf8') });
    }
  }
  out.push({ where: 'Script Properties', text: JSON.stringify([...emu.properties.scriptStore]) });
  out.push({ where: 'Document Properties', text: JSON.stringify([...emu.properties.documentStore]) });
  for (const [user, store] of emu.properties.userStores)
    out.push({ where: `User Properties ${user}`, text: JSON.stringify([...store]) });
  out.push({ where: 'Script Cache', text: JSON.stringify([...emu.cache.script]) });
  out.push({ where: 'Document Cache', text: JSON.stringify([...emu.cache.document]) });
  for (const [user, bucket] of emu.cache.users)
    out.push({ where: `User Cache ${user}`, text: JSON.stringify([...bucket]) });
  emu.mail.outbox
    .slice(mailFrom)
    .forEach((m, i) => out.push({ where: `mail ${mailFrom + i}`, text: JSON.stringify(m) }));
  out.push({ where: 'execution log', text: emu.logs.lines.map((l) => l.message).join('\n') });
  return out;
}

/** The values a scan looks for; a phone also as Dumas stores it canonically (+62…). */
function identityOf(p: Person): string[] {
  return [p.name, p.nik, p.phone, `+62${p.phone.slice(1)}`, p.email, p.address];
}

const normal = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

function hits(places: readonly Place[], values: readonly string[]): string[] {
  const found: string[] = [];
  for (const p of places) {
    const text = normal(p.text);
    for (const v of values) if (text.includes(normal(v))) found.push(`${v} in ${p.where}`);
  }
  return found;
}

type LetterResult = { ok: boolean; message: string };

function letterStep(office: Office, who: string, action: string, reg: string, extra: Record<string, unknown> = {}) {
  const version = Number(registerRow(office, reg)['Versi']);
  const r = office.as<LetterResult>(who, 'runLetterAction', { action, regNumber: reg, version, ...extra });
  expect(r.ok, `${action}: ${r.message}`).toBe(true);
}

function rate(office: Office, p: Person, reg: string, comment: string): void {
  const token = ratingLinkFor(office, p.email).searchParams.get('t')!;
  const r = office.web<{ ok: boolean; message: string }>('submitRating', {
    regNumber: reg,
    token,
    score: 4,
    resolved: true,
    comment,
  });
  expect(r.ok, r.message).toBe(true);
}

const ANONIM = 'anonim — identitas saya hanya diketahui Tim Pengaduan';

interface Scenario {
  office: Office;
  formId: string;
  /** Every complaint of the scenario, with the person behind it. */
  people: Map<string, Person>;
  letterReg: string;
  walkInReg: string;
  openReg: string;
  anonimReg: string;
}

/** Monday 30 November 2026: five complaints on every path, their letters, ratings, notes and attachments. */
async function scenario(): Promise<Scenario> {
  const office = openOffice();
  setSetting(office, 'url_halaman_status', STATUS_URL);
  setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
  const formId = setting(office, 'id_formulir');
  const people = new Map<string, Person>();

  // 1. Online, biasa, forwarded elsewhere (Dialihkan).
  const pub = person(21);
  office.emu.forms.submit(formId, formAnswers(pub));
  const pubReg = complaints(office).at(-1)!.regNumber;
  actDirect(office, pubReg, 'forward', KETUA, { forwardedTo: 'Dinas Perdagangan', forwardNote: 'Bukan kewenangan.' });
  people.set(pubReg, pub);

  // 2. Online, anonim: its form answer is the one whose deletion fails once.
  const anon = person(22);
  office.emu.forms.submit(formId, { ...formAnswers(anon), 'Kerahasiaan Identitas': ANONIM });
  const anonimReg = complaints(office).at(-1)!.regNumber;
  actDirect(office, anonimReg, 'forward', KETUA, { forwardedTo: 'Dinas Sosial', forwardNote: 'Bukan kewenangan.' });
  people.set(anonimReg, anon);

  // 3. A letter, rahasia: a follow-up note naming the complainant with their NIK, drafted, approved, sent by email.
  const lp = person(23);
  const letterReg = recordLetter(office, {
    name: lp.name,
    nik: lp.nik,
    phone: lp.phone,
    email: lp.email,
    address: lp.address,
    privacy: 'rahasia',
  });
  people.set(letterReg, lp);
  const steps: [string, string, string, Record<string, string>][] = [
    [PEOPLE.sekretaris, 'agenda', 'agenda', { agendaNumber: 'SM-2026-0901', agendaDate: '2026-11-30' }],
    [PEOPLE.sekretaris, 'agenda', 'forwardToHead', {}],
    [
      PEOPLE.kadis,
      'disposisi',
      'dispose',
      { unit: 'Bidang Koperasi', instruction: 'Tindak lanjuti.', priority: 'Segera' },
    ],
    [
      PEOPLE.koperasi,
      'tindakLanjut',
      'followUp',
      { note: `Sudah bertemu ${lp.name} (NIK ${lp.nik}) di ${lp.address}.` },
    ],
  ];
  for (const [who, sidebar, action, input] of steps) {
    const r = act(office, who, sidebar, letterReg, action, input);
    expect(r.ok, `${action}: ${r.message}`).toBe(true);
  }
  letterStep(office, PEOPLE.koperasi, 'draft', letterReg, { answer: 'Pendampingan dijadwalkan Kamis.' });
  letterStep(office, PEOPLE.koperasi, 'submit', letterReg);
  letterStep(office, PEOPLE.kadis, 'sign', letterReg);
  letterStep(office, PEOPLE.sekretaris, 'deliver', letterReg, { method: 'email' });
  rate(office, lp, letterReg, `Terima kasih, hubungi saya di ${lp.phone} bila perlu. Salam, ${lp.name}`);

  // 4. A walk-in answered on the spot, with its berita acara and a rating whose comment holds a phone.
  const wp = person(24);
  const walkInReg = walkIn(office, wp, true);
  people.set(walkInReg, wp);
  letterStep(office, PEOPLE.cs, 'beritaAcara', walkInReg);
  rate(office, wp, walkInReg, `Puas. WA saya ${wp.phone}.`);

  // 5. A walk-in connected to the unit and never closed (nobody touches it again).
  const op = person(25);
  const openReg = walkIn(office, op, false);
  people.set(openReg, op);
  // Its complainant attaches, through the receipt's link, a statement naming themselves and a photo.
  const link = attachLinkFor(office, op.email);
  const statement = await pdfBytes(`Surat pernyataan ${op.name}, NIK ${op.nik}, ${op.address}`);
  expect(upload(office, link, statement).ok).toBe(true);
  expect(upload(office, link, jpegBytes(100)).ok).toBe(true);
  return { office, formId, people, letterReg, walkInReg, openReg, anonimReg };
}

/** The installed daily trigger firing at `at`. */
function daily(office: Office, at: string): void {
  office.emu.clock.set(at);
  office.trigger('runDaily');
}

let s: Scenario;
beforeEach(async () => {
  s = await scenario();
});

describe('the complete purge', () => {
  it('before the retention period every identity is still where the scenario put it (so the scan can fail)', async () => {
    daily(s.office, '2026-12-01T07:00:00+08:00');
    const places = await everything(s.office);
    for (const [reg, p] of s.people) {
      const found = hits(places, identityOf(p));
      expect(
        found.some((h) => h.includes('/ Register')),
        `${reg} in the Register`,
      ).toBe(true);
      for (const v of [p.name, p.nik, p.email, p.address])
        expect(hits(places, [v]).length, `${reg}: ${v}`).toBeGreaterThan(0);
    }
    const where = (p: Person) => hits(places, [p.name, p.address, p.phone]).join('\n');
    const letter = s.people.get(s.letterReg)!;
    expect(where(letter)).toMatch(/Surat-Jawaban-.*\.pdf/); // the signed letter's PDF
    expect(where(letter)).toMatch(/Surat-Jawaban-[^\n]*\(doc_/); // the working Doc
    expect(where(letter)).toContain('/ Log Audit'); // the follow-up note names the complainant
    expect(where(letter)).toContain('/ Penilaian'); // the rating comment
    expect(where(s.people.get(s.walkInReg)!)).toContain('Berita Acara');
    expect(where(s.people.get(s.walkInReg)!)).toContain('/ Penilaian');
    expect(hits(places, [s.people.get(s.anonimReg)!.name]).join('\n')).toContain('responses');
    expect(where(s.people.get(s.openReg)!)).toContain(`${s.openReg}-1.pdf`); // the complainant's attachment
  });

  it('after the retention period, the daily runs leave no identity of a purged complaint anywhere', async () => {
    const office = s.office;
    daily(office, '2026-12-01T07:00:00+08:00');
    // Thursday 30 November 2028: every complaint falls due (the open one: two years after its last activity).
    office.emu.faults.arm({ call: 'Form.deleteResponse', at: 1, kind: 'error' });
    const cost = office.emu.calls.measure(() => daily(office, '2028-11-30T07:00:00+08:00'));
    console.info(
      `daily run purging ${s.people.size} complaints with their leftovers: ${cost.calls} calls, ${(cost.simulatedMs / 1000).toFixed(1)} s simulated`,
    );
    office.emu.faults.disarm();
    // That morning's digests went out before the purge (they may still name the open complaint); mail from here on
    // is "after the purge".
    const mailFrom = office.emu.mail.outbox.length;
    expect(office.emu.faults.fired.map((f) => f.call)).toEqual(['Form.deleteResponse']);
    // The failed deletion is kept for the next run (no identity in the journal: ids only).
    const pending = [...office.emu.properties.scriptStore.keys()].filter((k) => k.startsWith('dumas.purge.'));
    expect(pending).toHaveLength(1);
    expect(office.emu.forms.responses(s.formId)).toHaveLength(1);
    const purged = office.sheetValues('Log Audit').filter((r) => r[3] === 'Hapus Data Pribadi');
    expect(purged.map((r) => r[4]).sort()).toEqual([...s.people.keys()].sort());
    expect(purged.find((r) => r[4] === s.openReg)?.[7]).toContain('Tidak pernah diselesaikan');
    // Friday: the daily run retries it, under the lock, and the journal empties.
    daily(office, '2028-12-01T07:00:00+08:00');
    expect(office.emu.forms.responses(s.formId)).toHaveLength(0);
    expect([...office.emu.properties.scriptStore.keys()].filter((k) => k.startsWith('dumas.purge.'))).toEqual([]);
    // The attachments went to the trash with the rest, and their index with them.
    const attached = office.emu.drive.files().filter((f) => f.name.startsWith(`${s.openReg}-`));
    expect(attached.map((f) => [f.name, f.trashed])).toEqual([
      [`${s.openReg}-1.pdf`, true],
      [`${s.openReg}-2.jpg`, true],
    ]);
    expect([...office.emu.properties.scriptStore.keys()].filter((k) => k.startsWith('dumas.lampiran.'))).toEqual([]);

    // Nothing is left outside the Drive trash at once; Google empties the trash 30 days later.
    const values = [...s.people.values()].flatMap(identityOf);
    const now = hits(await everything(office, mailFrom), values);
    expect(now.filter((h) => !h.includes(' in trashed '))).toEqual([]);
    expect(now.some((h) => h.includes('Surat-Jawaban-'))).toBe(true); // the letter is in the trash, not yet gone
    const note = office.sheetValues('Log Audit').find((r) => r[4] === s.letterReg && String(r[7]).includes('bertemu'));
    expect(String(note?.[7])).toBe('Sudah bertemu [identitas dihapus] (NIK [NIK]) di [identitas dihapus].');
    daily(office, '2029-01-02T07:00:00+08:00');
    expect(hits(await everything(office, mailFrom), values)).toEqual([]);
    // The register rows, their outcome and the letters' register stay (verification still answers).
    expect(registerRow(office, s.letterReg)['Status']).toBe('Selesai');
    const letters = office.sheetValues('Register Surat').slice(1);
    expect(letters.map((r) => r[2])).toContain(s.letterReg);
  });

  it('with letters kept ("simpan"), only the letters folder still holds the identity, as the setting says', async () => {
    const office = s.office;
    setSetting(office, 'surat_setelah_masa_simpan', 'simpan');
    daily(office, '2028-11-30T07:00:00+08:00');
    daily(office, '2029-01-02T07:00:00+08:00');
    const values = [...s.people.values()].flatMap(identityOf);
    const left = hits(await everything(office, office.emu.mail.outbox.length), values);
    expect(left.length).toBeGreaterThan(0);
    for (const h of left) expect(h).toMatch(/ in (Surat-Jawaban-|DUMAS-\d{4}-\d{4} — Berita Acara)/);
  });

  it('the Ketua Tim is told 30 days ahead which never-closed complaint loses its identity, and any step moves the day', () => {
    const office = s.office;
    const leaderDigest = () =>
      office.emu.mail.outbox.filter((m) => m.to === PEOPLE.ketua && m.subject.includes('Pengingat')).at(-1);
    daily(office, '2028-10-30T07:00:00+08:00'); // 31 days before: not yet
    expect(leaderDigest()?.body ?? '').not.toContain('akan dihapus data pribadinya');
    daily(office, '2028-10-31T07:00:00+08:00');
    const body = leaderDigest()!.body;
    expect(body).toContain('Belum selesai dan akan dihapus data pribadinya');
    expect(body).toContain(`${s.openReg} | data pribadi dihapus Kamis, 30 November 2028`);
    // The unit acts on it: the purge day moves two years on from that step.
    const r = act(office, PEOPLE.koperasi, 'tindakLanjut', s.openReg, 'followUp', { note: 'Dijadwalkan ulang.' });
    expect(r.ok, r.message).toBe(true);
    daily(office, '2028-11-30T07:00:00+08:00');
    expect(registerRow(office, s.openReg)['Nama Pengadu']).toBe(s.people.get(s.openReg)!.name);
  });

  it("the administrator's dry run says what goes: fields, the form's answer, the letters' files, the open complaint", () => {
    const office = s.office;
    office.emu.clock.set('2028-11-30T08:00:00+08:00');
    office.as(PEOPLE.admin, 'previewPurge');
    const text = office.emu.ui.alerts.at(-1)!.message;
    const line = (reg: string) => text.split('\n').find((l) => l.startsWith(reg)) ?? '';
    expect(line(s.anonimReg)).toContain('jawaban formulir online');
    expect(line(s.letterReg)).toContain('berkas surat/berita acara di folder surat (ke Sampah)');
    expect(line(s.walkInReg)).toContain('berkas surat/berita acara di folder surat (ke Sampah)');
    expect(line(s.openReg)).toContain('belum selesai, kegiatan terakhir 30 November 2026');
    expect(line(s.openReg)).toContain('lampiran pengadu di folder lampiran (ke Sampah)');
    expect(line(s.letterReg)).not.toContain('lampiran pengadu');
    expect(text).toContain('[identitas dihapus]');
    setSetting(office, 'surat_setelah_masa_simpan', 'simpan');
    office.as(PEOPLE.admin, 'previewPurge');
    expect(office.emu.ui.alerts.at(-1)!.message).toContain('berkas surat/berita acara tetap disimpan');
  });
});
