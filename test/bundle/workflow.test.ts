// End to end through the built bundle: a letter carried through agenda, disposition, follow-up, extension and
// forwarding; stale data refused; masking in sidebars and emails; the monitoring list; history = audit log.
import { beforeEach, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from './office';
import { INPUTS, act, letterAt, recordLetter, registerRow, versionOf, type ActResult } from './workflowOffice';

type Row = Record<string, unknown>;

function auditRows(office: Office, regNumber: string): unknown[][] {
  return office
    .sheetValues('Log Audit')
    .slice(1)
    .filter((r) => r[4] === regNumber);
}

/** The JSON the server put in the sidebar's <script> (boot), decoded. */
function bootOf(html: string): Record<string, unknown> {
  const m = /var BOOT = (.*);\n/.exec(html);
  if (!m) throw new Error('no boot in sidebar');
  return JSON.parse(m[1]) as Record<string, unknown>;
}

function lastSidebar(office: Office) {
  const s = office.emu.ui.sidebars[office.emu.ui.sidebars.length - 1];
  if (!s) throw new Error('no sidebar shown');
  return s;
}

function selectRow(office: Office, row: number): void {
  const sheet = office.emu.spreadsheet.getSheetByName('Register');
  if (!sheet) throw new Error('no register');
  office.emu.sheets.select(sheet, `C${row}`);
}

describe('workflow through the built bundle', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
  });

  it('carries a letter through every sidebar action, one audit row each, and notifies the next person', () => {
    const reg = recordLetter(office);
    office.emu.mail.clear();
    const steps: [string, string, string][] = [
      [PEOPLE.sekretaris, 'agenda', 'agenda'],
      [PEOPLE.sekretaris, 'agenda', 'forwardToHead'],
      [PEOPLE.kadis, 'disposisi', 'dispose'],
      [PEOPLE.koperasi, 'tindakLanjut', 'followUp'],
      [PEOPLE.koperasi, 'tindakLanjut', 'requestInfo'],
      [PEOPLE.ketua, 'perpanjangan', 'extend'],
      [PEOPLE.ketua, 'alihkan', 'forward'],
    ];
    const statuses: string[] = [];
    for (const [who, sidebar, action] of steps) {
      const before = auditRows(office, reg).length;
      const result = act(office, who, sidebar, reg, action, INPUTS[action]);
      expect(result.ok, `${action}: ${result.message}`).toBe(true);
      expect(auditRows(office, reg)).toHaveLength(before + 1);
      statuses.push(String(registerRow(office, reg)['Status']));
    }
    expect(statuses).toEqual([
      'Diagendakan',
      'Menunggu Disposisi',
      'Didisposisikan',
      'Ditindaklanjuti',
      'Ditindaklanjuti',
      'Ditindaklanjuti',
      'Dialihkan',
    ]);
    const row: Row = registerRow(office, reg);
    expect(row['No. Agenda']).toBe('SM-2026-0001');
    expect(row['Unit']).toBe('Bidang Koperasi');
    expect(row['Jenis Tenggat']).toBe('khusus');
    expect(row['Dialihkan Ke']).toBe('Dinas Perindustrian dan Perdagangan');
    expect(row['Versi']).toBe(1 + steps.length);
    // The audit rows name the actor, the role and the action, with before/after JSON of what changed.
    const log = auditRows(office, reg);
    expect(log.map((r) => r[3])).toEqual([
      'Dicatat',
      'Agendakan surat masuk',
      'Ajukan ke Kepala Dinas',
      'Disposisi',
      'Catat tindak lanjut',
      'Minta informasi tambahan',
      'Perpanjang (kasus khusus)',
      'Alihkan (bukan wewenang)',
    ]);
    const dispose = log[3];
    expect([dispose[1], dispose[2]]).toEqual([PEOPLE.kadis, 'KEPALA_DINAS']);
    expect(JSON.parse(String(dispose[5]))).toMatchObject({ status: 'Menunggu Disposisi', unit: '' });
    expect(JSON.parse(String(dispose[6]))).toMatchObject({
      status: 'Didisposisikan',
      unit: 'Bidang Koperasi',
      priority: 'Segera',
    });
    const mails = office.emu.mail.outbox.map((m) => [m.to, m.subject]);
    expect(mails).toEqual([
      [PEOPLE.kadis, `[Dumas] Menunggu disposisi ${reg}`],
      [PEOPLE.koperasi, `[Dumas] Disposisi ${reg} untuk Bidang Koperasi`],
      ['ayu.lestari@example.com', `Permintaan Informasi Tambahan — Pengaduan ${reg}`],
      ['ayu.lestari@example.com', `Perpanjangan Waktu Penyelesaian — Pengaduan ${reg}`],
      [PEOPLE.koperasi, `[Dumas] Perpanjangan ${reg}`],
      ['ayu.lestari@example.com', `Pengaduan ${reg} Diteruskan kepada Instansi Berwenang`],
      [PEOPLE.koperasi, `[Dumas] Pengaduan ${reg} dialihkan`],
    ]);
    for (const m of office.emu.mail.outbox) expect(m.body).not.toContain('5102014506900002');
  });

  it("an action's answer carries the history as loaded afterwards, without asking the log's last row again", () => {
    const reg = letterAt(office, 'Ditindaklanjuti');
    act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', INPUTS.followUp);
    let acted: ActResult | null = null;
    const m = office.emu.calls.measure(() => {
      acted = act(office, PEOPLE.ketua, 'perpanjangan', reg, 'extend', INPUTS.extend);
    });
    const result = acted as unknown as ActResult;
    expect(result.ok, result.message).toBe(true);
    const loaded = office.as<{ ok: true; history: ActResult['history'] }>(
      PEOPLE.ketua,
      'openWorkflowComplaint',
      'riwayat',
      reg,
    );
    expect(loaded.history?.map((h) => h.action)).toEqual(auditRows(office, reg).map((r) => r[3]));
    expect(result.history).toEqual(loaded.history);
    // Only the audit append asks for a last row (Tim is read to its grid's bottom, find reads the row its year's
    // offset points to): the history reads up to the row the append left last.
    expect(m.counts['Sheet.getLastRow']).toBe(1);
  });

  it("a picker reads the status to the grid's bottom: rows past a blank gap listed, no last-row call on the register", () => {
    const first = letterAt(office, 'Menunggu Disposisi');
    const second = letterAt(office, 'Menunggu Disposisi');
    const sheet = office.emu.spreadsheet.getSheetByName('Register');
    if (!sheet) throw new Error('no register');
    sheet.insertRowsBefore(3, 5); // blank rows left by hand: the second complaint is now row 8
    const m = office.emu.calls.measure(() => office.as(PEOPLE.kadis, 'showDisposisiSidebar'));
    const boot = bootOf(lastSidebar(office).html) as { candidates: { regNumber: string; row: number }[] };
    expect(boot.candidates.map((c) => [c.regNumber, c.row])).toEqual([
      [first, 2],
      [second, 8],
    ]);
    expect(m.counts['Sheet.getLastRow'] ?? 0).toBe(0); // Tim too is read to its grid's bottom
    // Agenda's next number from the filled agenda numbers, read the same way.
    const agenda = office.emu.calls.measure(() => office.as(PEOPLE.sekretaris, 'showAgendaSidebar'));
    const numbers = [first, second].map((r) => String(registerRow(office, r)['No. Agenda']));
    const next = Math.max(...numbers.map((n) => Number(n.slice(-4)))) + 1;
    const suggestion = (bootOf(lastSidebar(office).html) as { agendaSuggestion: string }).agendaSuggestion;
    expect(suggestion.slice(-4)).toBe(String(next).padStart(4, '0'));
    expect(agenda.counts['Sheet.getLastRow'] ?? 0).toBe(0);
  });

  it('the history sidebar reproduces the audit log of the complaint, row for row', () => {
    const reg = letterAt(office, 'Ditindaklanjuti');
    act(office, PEOPLE.ketua, 'perpanjangan', reg, 'extend', INPUTS.extend);
    const log = auditRows(office, reg);
    const loaded = office.as<{ ok: true; history: ActResult['history'] }>(
      PEOPLE.ketua,
      'openWorkflowComplaint',
      'riwayat',
      reg,
    );
    const history = loaded.history ?? [];
    expect(history).toHaveLength(log.length);
    // People are named as the Tim sheet names them; bookkeeping (version, last change) is not shown.
    const names = new Map(office.sheetValues('Tim').map((r) => [String(r[0]), String(r[1])]));
    const internal = ['version', 'updatedAt', 'updatedBy', 'phoneCanonical', 'accessCode'];
    history.forEach((h, i) => {
      expect(h.actor).toBe(names.get(String(log[i][1])) ?? log[i][1]);
      expect(h.actor).not.toContain('@');
      expect(h.action).toBe(log[i][3]);
      expect(h.note).toBe(log[i][7]);
      const after = log[i][6] === '' ? {} : (JSON.parse(String(log[i][6])) as Record<string, unknown>);
      const shown = Object.keys(after).filter((f) => !internal.includes(f));
      expect(h.changes.map((c) => c.field)).toEqual(expect.arrayContaining(shown));
      expect(h.changes.map((c) => c.field)).not.toContain('version');
    });
    // Opened on the selected row, the Riwayat sidebar carries the same history in its boot data.
    selectRow(office, 2); // the only complaint
    office.as(PEOPLE.ketua, 'showRiwayatSidebar');
    const boot = bootOf(lastSidebar(office).html) as { selected: { ok: boolean; history: unknown[] } };
    expect(boot.selected.ok).toBe(true);
    expect(boot.selected.history).toEqual(history);
  });

  it('refuses a stale action with a clear message and writes nothing', () => {
    const reg = letterAt(office, 'Didisposisikan');
    const seen = versionOf(office, reg);
    const first = act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', INPUTS.followUp, seen);
    expect(first.ok).toBe(true);
    const snapshot = JSON.stringify(office.sheetValues('Register'));
    const audit = office.sheetValues('Log Audit').length;
    const second = act(office, PEOPLE.ketua, 'alihkan', reg, 'forward', INPUTS.forward, seen);
    expect(second.ok).toBe(false);
    expect(second.conflict).toBe(true);
    expect(second.message).toContain('sudah diubah oleh anggota.koperasi@diskopumkm.tabanankab.go.id');
    expect(second.message).toContain('TIDAK disimpan');
    expect(second.complaint?.version).toBe(seen + 1);
    expect(JSON.stringify(office.sheetValues('Register'))).toBe(snapshot);
    expect(office.sheetValues('Log Audit')).toHaveLength(audit);
  });

  it('masks an anonymous complainant in the unit email and in sidebars of those not allowed', () => {
    const secret = { name: 'Putu Rahasia Sekali', nik: '5102015708850003', phone: '081999888777' };
    const reg = letterAt(office, 'Menunggu Disposisi', { ...secret, privacy: 'anonim' });
    office.emu.mail.clear();
    const leaks = (text: string) =>
      [secret.name, secret.nik, secret.phone, '081999888777'].filter((s) => text.includes(s));
    selectRow(office, 2);
    office.as(PEOPLE.kadis, 'showDisposisiSidebar');
    expect(leaks(lastSidebar(office).html)).toEqual([]);
    expect(act(office, PEOPLE.kadis, 'disposisi', reg, 'dispose', INPUTS.dispose).ok).toBe(true);
    const unitMail = office.emu.mail.outbox.find((m) => m.to === PEOPLE.koperasi);
    expect(unitMail).toBeDefined();
    expect(leaks(`${unitMail?.body} ${unitMail?.htmlBody}`)).toEqual([]);
    expect(unitMail?.body).toContain('(dirahasiakan)');
    for (const who of [PEOPLE.koperasi, PEOPLE.kadis]) {
      const sidebar = who === PEOPLE.kadis ? 'perpanjangan' : 'tindakLanjut';
      const view = office.as<{ ok: boolean; complaint: Row; history: unknown[] }>(
        who,
        'openWorkflowComplaint',
        sidebar,
        reg,
      );
      expect(view.ok).toBe(true);
      expect(leaks(JSON.stringify(view))).toEqual([]);
      expect(view.complaint.name).toBe('(dirahasiakan)');
    }
    selectRow(office, 2);
    office.as(PEOPLE.koperasi, 'showTindakLanjutSidebar');
    expect(leaks(lastSidebar(office).html)).toEqual([]);
    // The complaints team may see who it is (NIK still masked on screen).
    const ketua = office.as<{ ok: boolean; complaint: Row }>(
      PEOPLE.ketua,
      'openWorkflowComplaint',
      'perpanjangan',
      reg,
    );
    expect(ketua.complaint.name).toBe(secret.name);
    expect(ketua.complaint.nik).toBe('5102********0003');
  });

  it('renders hostile text as data: escaped in the sidebar boot and in emails', () => {
    const hostile = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';
    const reg = letterAt(office, 'Menunggu Disposisi', { subject: hostile });
    selectRow(office, 2);
    office.as(PEOPLE.kadis, 'showDisposisiSidebar');
    const html = lastSidebar(office).html;
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect((bootOf(html) as { selected: { complaint: Row } }).selected.complaint.subject).toBe(hostile);
    act(office, PEOPLE.kadis, 'disposisi', reg, 'dispose', { ...INPUTS.dispose, instruction: hostile });
    const mail = office.emu.mail.outbox.find((m) => m.to === PEOPLE.koperasi);
    expect(mail?.htmlBody).not.toContain('<img src=x');
    expect(mail?.htmlBody).toContain('&lt;img src=x');
  });

  it('lists complaints for monitoring, overdue first, each linking to its row, and selects the row', () => {
    const late = recordLetter(office, { subject: 'Lama', receivedDate: '2026-11-16', receivedTime: '10:00' });
    const fresh = letterAt(office, 'Didisposisikan', { subject: 'Baru' });
    const closed = letterAt(office, 'Didisposisikan', { subject: 'Dialihkan' });
    act(office, PEOPLE.ketua, 'alihkan', closed, 'forward', INPUTS.forward);
    const list = office.as<{ ok: boolean; items: Row[] }>(PEOPLE.kadis, 'monitoringList', { includeClosed: false });
    expect(list.ok).toBe(true);
    expect(list.items.map((i) => i.regNumber)).toEqual([late, fresh]);
    expect(list.items[0]).toMatchObject({ state: 'overdue' });
    expect(list.items[0].stateText).toMatch(/^Terlambat \d+ hari kerja$/);
    const sheet = office.emu.spreadsheet.getSheetByName('Register');
    const gid = sheet?.getSheetId();
    expect(list.items[1].url).toBe(`${office.emu.spreadsheet.getUrl()}#gid=${gid}&range=A3`);
    const all = office.as<{ ok: boolean; items: Row[] }>(PEOPLE.ketua, 'monitoringList', { includeClosed: true });
    expect(all.items.map((i) => i.regNumber)).toEqual([late, fresh, closed]);
    const picked = office.as<{ ok: boolean; row: number }>(PEOPLE.ketua, 'selectRegisterRow', fresh);
    expect(picked).toMatchObject({ ok: true, row: 3 });
    expect(office.emu.spreadsheet.getActiveRange()?.getA1Notation()).toBe('A3');
    office.as(PEOPLE.ketua, 'showPemantauanSidebar');
    expect((bootOf(lastSidebar(office).html) as { items: Row[] }).items).toHaveLength(2);
  });

  it('works on the selected register row and refuses a number used twice in the agenda', () => {
    const a = recordLetter(office);
    const b = recordLetter(office);
    selectRow(office, 3);
    const selected = office.as<{ ok: boolean; complaint: Row }>(PEOPLE.sekretaris, 'openSelectedComplaint', 'agenda');
    expect(selected.complaint.regNumber).toBe(b);
    // The agenda step, and the helpers the Agenda sidebar also offers (duplicate, related link, category).
    expect((selected.complaint.actions as { name: string }[]).map((x) => x.name)).toEqual([
      'agenda',
      'markDuplicate',
      'linkRelated',
      'setCategory',
    ]);
    office.as(PEOPLE.sekretaris, 'showAgendaSidebar');
    const boot = bootOf(lastSidebar(office).html) as {
      agendaSuggestion: string;
      candidates: Row[];
      selected: { complaint: Row };
    };
    expect(boot.agendaSuggestion).toBe('SM-2026-0001');
    expect(boot.candidates.map((c) => c.regNumber)).toEqual([a, b]);
    expect(boot.selected.complaint.regNumber).toBe(b);
    expect(act(office, PEOPLE.sekretaris, 'agenda', a, 'agenda', INPUTS.agenda).ok).toBe(true);
    const again = act(office, PEOPLE.sekretaris, 'agenda', b, 'agenda', INPUTS.agenda);
    expect(again).toMatchObject({
      ok: false,
      message: `Nomor agenda SM-2026-0001 sudah dipakai untuk pengaduan ${a}.`,
    });
    selectRow(office, 1);
    const header = office.as<{ ok: boolean; message: string }>(PEOPLE.sekretaris, 'openSelectedComplaint', 'agenda');
    expect(header.ok).toBe(false);
    expect(header.message).toContain('Pilih satu baris pengaduan');
  });
});
