// End to end through the built bundle: the public status page, the signed rating link, rating and reopen requests.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ratingStats } from '../../src/domain/rating';
import { rowToRating } from '../../src/gas/ratingsSheet';
import { openOffice, PEOPLE, type Office } from './office';
import { DEFAULT_BUILD_DIR } from '../emulator/loader';
import { act as runAction } from './workflowOffice';
import {
  KOPERASI,
  STATUS_URL,
  act,
  complaintOf,
  complaints,
  pageHtml,
  person,
  ratingLinkFor,
  setSetting,
  setting,
  walkIn,
  formAnswers,
  type Person,
} from './publicHelpers';

type Lookup = { ok: true; status: Record<string, unknown> & { stage: string } } | { ok: false; message: string };
type Rated = { ok: boolean; message: string; errors?: Record<string, string> };

function check(office: Office, regNumber: unknown, code: unknown): Lookup {
  return office.web<Lookup>('checkStatus', regNumber, code);
}

function rate(office: Office, payload: Record<string, unknown>): Rated {
  return office.web<Rated>('submitRating', payload);
}

function bootOf(html: string): Record<string, unknown> {
  const m = /var BOOT = (.*);\n/.exec(html);
  if (!m) throw new Error('no BOOT in page');
  return JSON.parse(m[1]) as Record<string, unknown>;
}

type Candidate = { regNumber: string; status: string; stateText: string };

/** The "Buka Kembali" sidebar as `email` opens it: its picker's lines. */
function reopenPicker(office: Office, email: string): Candidate[] {
  office.as(email, 'showBukaKembaliSidebar');
  const sidebar = office.emu.ui.sidebars.at(-1);
  if (!sidebar) throw new Error('no sidebar');
  return (bootOf(sidebar.html) as { candidates: Candidate[] }).candidates;
}

const invitationsTo = (office: Office, email: string) =>
  office.emu.mail.outbox.filter((m) => m.to === email && m.subject.startsWith('Penilaian Layanan'));

let office: Office;
beforeEach(() => {
  office = openOffice();
  setSetting(office, 'url_halaman_status', STATUS_URL);
  office.emu.mail.clear();
});

describe('setup for the public pages', () => {
  it('creates the "Penilaian" sheet and the signing secret once; a second run changes neither', () => {
    expect(office.sheetValues('Penilaian')[0]).toEqual([
      'Waktu',
      'No. Registrasi',
      'Unit',
      'Jawaban Ke-',
      'Nilai (1-5)',
      'Masalah Terselesaikan',
      'Komentar',
    ]);
    const secret = office.emu.properties.scriptStore.get('DUMAS_RATING_SECRET');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    office.as(PEOPLE.admin, 'setupSystem');
    expect(office.emu.properties.scriptStore.get('DUMAS_RATING_SECRET')).toBe(secret);
    expect(office.emu.ui.alerts.at(-1)?.message).toContain('Tidak ada yang perlu diperbaiki');
  });

  it('the built manifest deploys the web app as the owner, open to anyone without a Google account', () => {
    const manifest = JSON.parse(readFileSync(join(DEFAULT_BUILD_DIR, 'appsscript.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
    expect(office.bundle.entryPoints()).toEqual(expect.arrayContaining(['doGet', 'checkStatus', 'submitRating']));
  });

  it('doGet serves the mobile status page by default and the rating page with ?halaman=nilai', () => {
    const out = office.web<{
      getContent(): string;
      getTitle(): string;
      getMetaTags(): { getName(): string; getContent(): string }[];
    }>('doGet', {
      parameter: {},
      parameters: {},
      queryString: '',
      pathInfo: '',
      contextPath: '',
      contentLength: -1,
    });
    expect(out.getTitle()).toBe('Cek Status Pengaduan');
    expect(out.getMetaTags().map((m) => `${m.getName()}=${m.getContent()}`)).toContain(
      'viewport=width=device-width, initial-scale=1',
    );
    expect(out.getContent()).toContain('id="lookup"');
    expect(bootOf(pageHtml(office, { halaman: 'nilai', no: 'DUMAS-2026-0001', t: 'x' })).state).toBe('invalid');
  });
});

describe('status lookup', () => {
  it('returns the stage, dates, deadline and unit for a valid number and code, typed loosely', () => {
    const reg = walkIn(office, person(1), false);
    const c = complaintOf(office, reg);
    const answer = check(office, ` ${reg.toLowerCase()} `, c.accessCode.toLowerCase().split('').join(' '));
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.status).toMatchObject({
      regNumber: reg,
      stage: 'Ditindaklanjuti',
      received: '30 November 2026',
      deadline: 'Senin, 7 Desember 2026',
      deadlineKind: '5 hari kerja',
      deadlineState: 'Dalam batas waktu',
      unit: 'Bidang Koperasi',
      closed: '',
    });
    const steps = answer.status.steps as { label: string; state: string }[];
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
  });

  it('answers a wrong code, an unknown number and nonsense identically', () => {
    const reg = walkIn(office, person(2), false);
    const code = complaintOf(office, reg).accessCode;
    const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    const answers = [
      check(office, reg, wrong),
      check(office, 'DUMAS-2026-0999', code),
      check(office, 'DUMAS-2026-0998', wrong),
      check(office, '<script>', code),
      check(office, reg, ''),
      check(office, null, { code }),
    ];
    for (const a of answers) expect(JSON.stringify(a)).toBe(JSON.stringify(answers[0]));
    expect(answers[0]).toEqual({
      ok: false,
      message: 'Nomor registrasi atau kode akses tidak cocok. Periksa kembali tanda terima pengaduan Anda.',
    });
  });

  it('slows guessing per number (5 failures → 15 minutes) the same way for unknown numbers', () => {
    const reg = walkIn(office, person(3), false);
    const code = complaintOf(office, reg).accessCode;
    for (let i = 0; i < 5; i++) check(office, reg, 'ZZZZZZ');
    for (let i = 0; i < 5; i++) check(office, 'DUMAS-2026-0777', 'ZZZZZZ');
    const blocked = check(office, reg, code);
    expect(blocked).toEqual({
      ok: false,
      message: 'Terlalu banyak percobaan yang gagal. Silakan coba lagi dalam 15 menit.',
    });
    expect(check(office, 'DUMAS-2026-0777', 'ZZZZZZ')).toEqual(blocked);
    // Another complainant is not affected.
    const other = walkIn(office, person(4), false);
    expect(check(office, other, complaintOf(office, other).accessCode).ok).toBe(true);
    office.emu.clock.advance(15 * 60 * 1000 + 1000);
    expect(check(office, reg, code).ok).toBe(true);
  });

  it('slows everyone down after 100 failures in 10 minutes, until the window passes', () => {
    const reg = walkIn(office, person(5), false);
    const code = complaintOf(office, reg).accessCode;
    office.emu.clock.set('2026-11-30T10:00:30+08:00');
    for (let i = 0; i < 100; i++) check(office, `DUMAS-2026-${String(1000 + i)}`, 'ZZZZZZ');
    expect(check(office, reg, code)).toEqual({
      ok: false,
      message: 'Terlalu banyak percobaan yang gagal. Silakan coba lagi dalam 15 menit.',
    });
    office.emu.clock.set('2026-11-30T10:10:01+08:00');
    expect(check(office, reg, code).ok).toBe(true);
  });

  it('costs a constant handful of service calls, success or failure', () => {
    const reg = walkIn(office, person(6), false);
    const code = complaintOf(office, reg).accessCode;
    const ok = office.emu.calls.measure(() => check(office, reg, code));
    const bad = office.emu.calls.measure(() => check(office, reg, 'ZZZZZZ'));
    expect(ok.calls).toBeLessThanOrEqual(12);
    expect(bad.calls).toBeLessThanOrEqual(12);
    console.info(
      `status lookup: ${ok.calls} calls (ok) ${JSON.stringify(ok.counts)}, ${bad.calls} calls (refused) ${JSON.stringify(bad.counts)}`,
    );
  });
});

describe('no personal data in any public response over a simulated month', () => {
  it('scans every page, lookup and rating answer for every name, NIK, phone, address, email, subject and description', () => {
    const formId = setting(office, 'id_formulir');
    const people: Person[] = [];
    const regs: string[] = [];
    const responses: string[] = [];
    const start = Date.parse('2026-11-30T09:00:00+08:00');
    for (let day = 0; day < 30; day++) {
      office.emu.clock.set(start + day * 24 * 3600 * 1000);
      const p = person(day);
      people.push(p);
      const kind = day % 3;
      if (kind === 0) {
        office.emu.forms.submit(formId, formAnswers(p));
        regs.push(complaints(office).at(-1)!.regNumber);
      } else regs.push(walkIn(office, p, kind === 1));
      if (day % 5 === 4) {
        // A walk-in connected to the unit is answered by the unit later, then rated: not resolved.
        const open = complaints(office).find((c) => c.status === 'Ditindaklanjuti');
        if (open) act(office, open.regNumber, 'closeWithAnswer', KOPERASI, { answer: `Jawaban untuk ${open.name}` });
      }
      for (const c of complaints(office)) {
        responses.push(JSON.stringify(check(office, c.regNumber, c.accessCode)));
        responses.push(JSON.stringify(check(office, c.regNumber, 'ZZZZZZ')));
        if (day % 10 === 9) responses.push(pageHtml(office, { no: c.regNumber }));
      }
    }
    for (const p of people) {
      const invited = office.emu.mail.outbox.some((m) => m.to === p.email && m.subject.startsWith('Penilaian Layanan'));
      if (!invited) continue;
      const link = ratingLinkFor(office, p.email);
      const params = Object.fromEntries(link.searchParams.entries());
      responses.push(link.toString());
      responses.push(pageHtml(office, params));
      responses.push(
        JSON.stringify(rate(office, { regNumber: params.no, token: params.t, score: 3, resolved: false, comment: '' })),
      );
      responses.push(pageHtml(office, params));
    }
    const stages = new Set(complaints(office).map((c) => c.status));
    expect([...stages].sort()).toEqual(['Diterima', 'Ditindaklanjuti', 'Selesai']);
    expect(responses.length).toBeGreaterThan(900);
    const secrets = people.flatMap((p) => [
      p.name,
      p.nik,
      p.phone,
      p.email,
      p.address,
      p.subject,
      p.description,
      p.nik.slice(-4) + p.phone.slice(-4),
    ]);
    const everything = responses.join('\n');
    for (const s of secrets) expect(everything.includes(s), s).toBe(false);
    // …while the lookups did answer: the stages are there.
    expect(everything).toContain('"stage":"Selesai"');
  });
});

describe('rating and reopening round trip', () => {
  it('a walk-in answered on the spot gets a signed link; the rating lands in "Penilaian" as typed; once only', () => {
    const p = person(10);
    const reg = walkIn(office, p, true);
    const link = ratingLinkFor(office, p.email);
    expect(link.toString().startsWith(`${STATUS_URL}?halaman=nilai&no=${reg}&t=`)).toBe(true);
    const token = link.searchParams.get('t')!;
    expect(bootOf(pageHtml(office, { halaman: 'nilai', no: reg, t: token }))).toMatchObject({
      state: 'open',
      regNumber: reg,
      token,
    });
    const comment = '=HYPERLINK("http://evil.example","klik") <b>puas</b>\nbaris dua 🙏';
    expect(rate(office, { regNumber: reg, token, score: 4, resolved: true, comment })).toEqual({
      ok: true,
      message: 'Terima kasih atas penilaian Anda.',
    });
    const rows = office.sheetValues('Penilaian').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(1)).toEqual([reg, 'Bidang Koperasi', 1, 4, 'Ya', comment]);
    expect(office.sheetValues('Log Audit').at(-1)?.slice(1, 5)).toEqual([
      'Pengadu (halaman penilaian)',
      '',
      'Penilaian Pengadu',
      reg,
    ]);
    expect(rate(office, { regNumber: reg, token, score: 1, resolved: false, comment: '' }).message).toContain(
      'sudah kami terima',
    );
    expect(office.sheetValues('Penilaian')).toHaveLength(2);
    expect(bootOf(pageHtml(office, { halaman: 'nilai', no: reg, t: token })).state).toBe('done');
    const status = check(office, reg, complaintOf(office, reg).accessCode);
    expect(status.ok && status.status.feedback).toBe('Penilaian Anda sudah kami terima. Terima kasih.');
  });

  it("refuses a tampered token, another complaint's token, a bad score and an over-long comment", () => {
    const a = person(11);
    const b = person(12);
    const regA = walkIn(office, a, true);
    const regB = walkIn(office, b, true);
    const tokenA = ratingLinkFor(office, a.email).searchParams.get('t')!;
    const tampered = (tokenA[0] === 'A' ? 'B' : 'A') + tokenA.slice(1);
    const invalid = 'Tautan penilaian ini tidak berlaku. Gunakan tautan terbaru pada email dari kami.';
    expect(rate(office, { regNumber: regA, token: tampered, score: 5, resolved: true })).toMatchObject({
      ok: false,
      message: invalid,
    });
    expect(rate(office, { regNumber: regB, token: tokenA, score: 5, resolved: true })).toMatchObject({
      ok: false,
      message: invalid,
    });
    expect(bootOf(pageHtml(office, { halaman: 'nilai', no: regB, t: tokenA }))).toMatchObject({
      state: 'invalid',
      message: invalid,
    });
    expect(rate(office, { regNumber: regA, token: tokenA, score: 6, resolved: true }).errors).toHaveProperty('score');
    expect(rate(office, { regNumber: regA, token: tokenA, score: 5 }).errors).toHaveProperty('resolved');
    expect(
      rate(office, { regNumber: regA, token: tokenA, score: 5, resolved: true, comment: 'x'.repeat(1001) }).errors,
    ).toHaveProperty('comment');
    expect(office.sheetValues('Penilaian')).toHaveLength(1);
  });

  it('"not resolved" asks the Ketua Tim; the Ketua reopens; the old link dies; the new closing gets a new link; stats count both', () => {
    const p = person(13);
    const reg = walkIn(office, p, true);
    const first = ratingLinkFor(office, p.email).searchParams.get('t')!;
    office.emu.mail.clear();
    const answer = rate(office, {
      regNumber: reg,
      token: first,
      score: 2,
      resolved: false,
      comment: 'Simpanan saya belum kembali.',
    });
    expect(answer.message).toContain('Ketua Tim Pengaduan');
    // The complaint itself is untouched: the Ketua Tim decides.
    expect(complaintOf(office, reg).status).toBe('Selesai');
    const mail = office.emu.mail.outbox;
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toBe(PEOPLE.ketua);
    expect(mail[0].subject).toBe(`[Dumas] Permintaan buka kembali ${reg}`);
    expect(mail[0].body).toContain('Simpanan saya belum kembali.');
    expect(office.sheetValues('Log Audit').at(-1)?.slice(3, 5)).toEqual(['Permintaan Buka Kembali', reg]);
    const code = complaintOf(office, reg).accessCode;
    const waiting = check(office, reg, code);
    expect(waiting.ok && waiting.status.feedback).toContain('dipertimbangkan Ketua Tim');

    // A walk-in closed later, without a request: the request still comes first in the Ketua Tim's picker.
    office.emu.clock.advance(60 * 1000);
    const later = walkIn(office, person(15), true);
    office.emu.clock.advance(60 * 60 * 1000);
    const picker = reopenPicker(office, PEOPLE.ketua);
    expect(picker.map((c) => c.regNumber)).toEqual([reg, later]);
    expect(picker[0].stateText).toBe('Pengadu minta dibuka kembali (nilai 2, 30 November 2026)');
    expect(picker[1].stateText).not.toContain('minta dibuka kembali');
    office.emu.mail.clear();
    const reopenedNow = runAction(office, PEOPLE.ketua, 'bukaKembali', reg, 'reopen', {
      note: 'Pengadu menyatakan belum terselesaikan (Penilaian).',
    });
    expect(reopenedNow).toMatchObject({ ok: true, complaint: { status: 'Ditindaklanjuti' } });
    // The unit hears that the work is theirs again; the request is no longer open.
    expect(office.emu.mail.outbox.map((m) => [m.to, m.subject])).toEqual([
      [PEOPLE.koperasi, `[Dumas] Pengaduan ${reg} dibuka kembali`],
    ]);
    expect(reopenPicker(office, PEOPLE.ketua).map((c) => c.regNumber)).toEqual([later]);
    const reopened = check(office, reg, code);
    expect(reopened.ok && reopened.status).toMatchObject({
      stage: 'Ditindaklanjuti',
      reopened: 'Dibuka kembali 1 kali atas permintaan pengadu',
      closed: '',
    });
    expect(bootOf(pageHtml(office, { halaman: 'nilai', no: reg, t: first })).state).toBe('invalid');

    // The unit answers again through its Tindak Lanjut sidebar: a new invitation, with a link signed for the second
    // closing (checked against an HMAC computed here with the secret from Script Properties).
    office.emu.clock.advance(24 * 60 * 60 * 1000);
    const closedAgain = runAction(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'closeWithAnswer', {
      answer: 'Simpanan telah dikembalikan pengurus.',
    });
    expect(closedAgain.ok).toBe(true);
    expect(closedAgain.message).toContain('Undangan penilaian layanan dikirim ke email pengadu.');
    expect(rate(office, { regNumber: reg, token: first, score: 5, resolved: true }).ok).toBe(false);
    const secret = office.emu.properties.scriptStore.get('DUMAS_RATING_SECRET')!;
    const second = createHmac('sha256', secret).update(`dumas-nilai|v1|${reg}|1`).digest('base64url');
    expect(second).not.toBe(first);
    expect(ratingLinkFor(office, p.email).searchParams.get('t')).toBe(second);
    expect(bootOf(pageHtml(office, { halaman: 'nilai', no: reg, t: second })).state).toBe('open');
    expect(rate(office, { regNumber: reg, token: second, score: 5, resolved: true, comment: 'Terima kasih.' }).ok).toBe(
      true,
    );
    const rows = office.sheetValues('Penilaian').slice(1);
    expect(rows.map((r) => r[3])).toEqual([1, 2]);
    const stats = ratingStats(rows.map(rowToRating));
    expect(stats).toMatchObject({ count: 2, average: 3.5, notResolved: 1, distribution: [0, 1, 0, 0, 1] });
    const done = check(office, reg, code);
    expect(done.ok && done.status.feedback).toBe('Penilaian Anda sudah kami terima. Terima kasih.');
  });

  it('a walk-in closed through the Tindak Lanjut sidebar is invited to rate; not on a follow-up, not without email', () => {
    const p = person(16);
    const reg = walkIn(office, p, false);
    office.emu.mail.clear();
    expect(
      runAction(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', { note: 'Dijadwalkan bertemu pengurus.' }).ok,
    ).toBe(true);
    expect(invitationsTo(office, p.email)).toHaveLength(0);
    const cost = office.emu.calls.measure(() =>
      runAction(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'closeWithAnswer', {
        answer: 'Pengurus telah mengembalikan simpanan.',
      }),
    );
    expect(complaintOf(office, reg).status).toBe('Selesai');
    const invited = invitationsTo(office, p.email);
    expect(invited).toHaveLength(1);
    expect(invited[0].body).not.toContain(p.nik);
    const token = ratingLinkFor(office, p.email).searchParams.get('t')!;
    expect(bootOf(pageHtml(office, { halaman: 'nilai', no: reg, t: token }))).toMatchObject({
      state: 'open',
      regNumber: reg,
    });
    expect(rate(office, { regNumber: reg, token, score: 5, resolved: true }).ok).toBe(true);
    expect(cost.counts['MailApp.sendEmail']).toBe(1);
    console.info(`closeWithAnswer with invitation: ${cost.calls} calls ${JSON.stringify(cost.counts)}`);

    const silent = { ...person(17), email: '' };
    const quiet = walkIn(office, silent, false);
    const before = office.emu.mail.outbox.length;
    const closed = runAction(office, PEOPLE.koperasi, 'tindakLanjut', quiet, 'closeWithAnswer', {
      answer: 'Dijawab lewat telepon.',
    });
    expect(closed.ok).toBe(true);
    expect(closed.message).not.toContain('Undangan penilaian');
    expect(office.emu.mail.outbox).toHaveLength(before);
  });

  it('"Buka Kembali" lists requests and the last 90 days of closings; older ones open by number; the Ketua Tim only', () => {
    const old = walkIn(office, person(20), true);
    const asked = walkIn(office, person(21), true);
    const token = ratingLinkFor(office, person(21).email).searchParams.get('t')!;
    expect(rate(office, { regNumber: asked, token, score: 1, resolved: false, comment: 'Belum beres.' }).ok).toBe(true);
    office.emu.clock.set('2027-03-15T09:00:00+08:00'); // 105 days later
    const recent = walkIn(office, person(22), true);
    walkIn(office, person(23), false); // still open: never a candidate
    const cost = office.emu.calls.measure(() => reopenPicker(office, PEOPLE.ketua));
    const picker = reopenPicker(office, PEOPLE.ketua);
    expect(picker.map((c) => c.regNumber)).toEqual([asked, recent]);
    expect(picker[0].stateText).toBe('Pengadu minta dibuka kembali (nilai 1, 30 November 2026)');
    // Whatever the sizes: the register's header row (its columns are found by header), its number, status and
    // closing columns (three single-column reads, not the whole register), one ratings read, and the picker's
    // columns of the few candidates (one read per block).
    expect(cost.counts['Range.getValues']).toBeLessThanOrEqual(11);
    const registerRows = office.sheetValues('Register').length - 1;
    const grid = (name: string) => office.emu.spreadsheet.getSheetByName(name)?.getMaxRows() ?? 0;
    const config = 2 * grid('Pengaturan') + 3 * grid('Unit') + 4 * grid('Hari Libur') + 9 * grid('Tim');
    const cells = cost.records.filter((r) => r.name === 'Range.getValues').reduce((sum, r) => sum + r.cells, 0);
    const ratingCells = 7 * office.sheetValues('Penilaian').length; // its rows and its header
    const header = office.emu.spreadsheet.getSheetByName('Register')?.getMaxColumns() ?? 0;
    // The three columns are read to the register grid's bottom (no last-row call), blank rows included.
    expect(registerRows).toBeLessThan(grid('Register'));
    expect(cells - config - ratingCells - header).toBeLessThanOrEqual(3 * grid('Register') + 2 * 44);
    console.info(`Buka Kembali sidebar: ${cost.calls} calls ${JSON.stringify(cost.counts)}`);
    const opened = office.as<{ ok: boolean; complaint?: { actions: { name: string }[] } }>(
      PEOPLE.ketua,
      'openWorkflowComplaint',
      'bukaKembali',
      old,
    );
    expect(opened.ok).toBe(true);
    expect(opened.complaint?.actions.map((a) => a.name)).toEqual(['reopen']);

    const alerts = office.emu.ui.alerts.length;
    const sidebars = office.emu.ui.sidebars.length;
    office.as(PEOPLE.koperasi, 'showBukaKembaliSidebar');
    expect(office.emu.ui.sidebars).toHaveLength(sidebars);
    expect(office.emu.ui.alerts[alerts].message).toContain('Hanya Ketua Tim');
    const refused = runAction(office, PEOPLE.koperasi, 'bukaKembali', asked, 'reopen', { note: 'Saya buka sendiri.' });
    expect(refused.ok).toBe(false);
    expect(runAction(office, PEOPLE.ketua, 'bukaKembali', asked, 'reopen', { note: '' })).toMatchObject({ ok: false });
    expect(complaintOf(office, asked).status).toBe('Selesai');
  });

  it('sends no invitation while the web app URL is not set', () => {
    setSetting(office, 'url_halaman_status', '');
    const p = person(14);
    walkIn(office, p, true);
    expect(office.emu.mail.outbox.filter((m) => m.subject.startsWith('Penilaian Layanan'))).toHaveLength(0);
    expect(office.emu.mail.outbox.filter((m) => m.to === p.email)).toHaveLength(1); // the receipt only
  });
});
