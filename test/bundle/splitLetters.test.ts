// Letter files in the split deployment, through the built bundle: every Doc and PDF is the core's (the
// Administrator's account), in a letters folder shared with no one; a draft is shared with the member drafting it
// only, without a protected identity; signing takes the Doc back before the identity enters it; the purge trashes
// every letter file, the core being their owner.
import { describe, expect, it } from 'vitest';
import { person, STATUS_URL, walkIn, type Person } from './publicHelpers';
import { LETTER } from './workflowOffice';
import { filesOpenedBy, found, openSplitWorld, PEOPLE, viewMatchesVault, type SplitWorld } from './splitWorld';

const MEMBERS = [PEOPLE.cs, PEOPLE.sekretaris, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi, PEOPLE.ukm];

function recordLetter(w: SplitWorld, p: Person, privacy: string): string {
  const r = w.as<{ ok: boolean; regNumber: string; message: string }>(PEOPLE.cs, 'recordComplaint', {
    ...LETTER,
    name: p.name,
    nik: p.nik,
    phone: p.phone,
    email: p.email,
    address: p.address,
    subject: p.subject,
    description: p.description,
    privacy,
  });
  expect(r.ok, r.message).toBe(true);
  return r.regNumber;
}

function toUnit(w: SplitWorld, reg: string): void {
  const steps: [string, string, string, Record<string, string>][] = [
    [PEOPLE.sekretaris, 'agenda', 'agenda', { agendaNumber: `SM-2026-${reg.slice(-4)}`, agendaDate: '2026-11-30' }],
    [PEOPLE.sekretaris, 'agenda', 'forwardToHead', {}],
    [
      PEOPLE.kadis,
      'disposisi',
      'dispose',
      { unit: 'Bidang Koperasi', instruction: 'Tindak lanjuti.', priority: 'Segera' },
    ],
    [PEOPLE.koperasi, 'tindakLanjut', 'followUp', { note: 'Sudah dihubungi, jadwal kunjungan Rabu.' }],
  ];
  for (const [who, sidebar, action, input] of steps) {
    const r = w.act(who, sidebar, reg, action, input);
    expect(r.ok, `${action}: ${r.message}`).toBe(true);
  }
}

function step(w: SplitWorld, who: string, action: string, reg: string, extra: Record<string, unknown> = {}): void {
  const r = w.letter(who, action, reg, extra);
  expect(r.ok, `${action}: ${r.message}`).toBe(true);
}

const docIdOf = (url: unknown): string => /\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? '';

describe('letter files of the split deployment', () => {
  it('a rahasia letter: the drafter alone opens the draft, without the identity; nobody opens the signed letter', async () => {
    const w = openSplitWorld();
    w.setSetting('url_halaman_status', STATUS_URL);
    w.setSetting('cara_tanda_tangan', 'tanda persetujuan');
    const p = person(41);
    const reg = recordLetter(w, p, 'rahasia');
    toUnit(w, reg);
    step(w, PEOPLE.koperasi, 'draft', reg, { answer: 'Pendampingan dijadwalkan Kamis.' });
    const doc = docIdOf(w.registerRow(reg)['Konsep Surat']);
    const draft = w.emu.ctx.files.get(doc);
    expect(draft?.owner).toBe(PEOPLE.admin);
    expect(draft?.editors).toEqual([PEOPLE.koperasi]);
    const drafter = await filesOpenedBy(w.emu, PEOPLE.koperasi);
    expect(drafter.map((f) => f.id)).toContain(doc);
    // The assigned unit may read a rahasia complaint's content, never the identity of the complainant.
    expect(found(drafter, [p.name, p.address, p.nik, p.phone, p.email])).toEqual([]);
    expect((await filesOpenedBy(w.emu, PEOPLE.ukm)).map((f) => f.id)).not.toContain(doc);

    step(w, PEOPLE.koperasi, 'submit', reg);
    step(w, PEOPLE.kadis, 'sign', reg);
    expect(w.emu.ctx.files.get(doc)?.editors).toEqual([]);
    const letters = w.emu.drive
      .files()
      .filter((f) => f.name.includes(reg.replace(/\//g, '-')) || f.name.includes('Surat-Jawaban'));
    const pdf = letters.find((f) => f.mimeType === 'application/pdf' && !f.trashed);
    expect(pdf, JSON.stringify(letters.map((f) => f.name))).toBeDefined();
    expect(w.emu.ctx.files.get(pdf!.id)?.owner).toBe(PEOPLE.admin);
    for (const member of MEMBERS) {
      const files = await filesOpenedBy(w.emu, member);
      expect(found(files, [p.name, p.address, p.nik, p.phone, p.email, p.description]), member).toEqual([]);
    }
    // The signed letter does carry the identity (so the scan above could fail), in files only the core opens.
    const pdfText = (await filesOpenedBy(w.emu, PEOPLE.admin)).filter((f) => f.id === pdf!.id);
    expect(found(pdfText, [p.name])).toHaveLength(1);
  });

  it('the purge trashes every letter file and berita acara after the retention period, the core owning them', () => {
    const w = openSplitWorld();
    w.setSetting('url_halaman_status', STATUS_URL);
    w.setSetting('cara_tanda_tangan', 'tanda persetujuan');
    const p = person(42);
    const reg = recordLetter(w, p, 'biasa');
    toUnit(w, reg);
    step(w, PEOPLE.koperasi, 'draft', reg, { answer: 'Pendampingan dijadwalkan Kamis.' });
    step(w, PEOPLE.koperasi, 'submit', reg);
    step(w, PEOPLE.kadis, 'sign', reg);
    step(w, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' });
    const walk = walkIn(w, p, true);
    step(w, PEOPLE.cs, 'beritaAcara', walk);
    const folder = w.setting('id_folder_surat');
    const under = (id: string): boolean => {
      const e = w.emu.ctx.files.get(id);
      return !!e && e.parents.some((q) => q === folder || under(q));
    };
    const letterFiles = () =>
      w.emu.drive.files().filter((f) => f.mimeType !== 'application/vnd.google-apps.folder' && under(f.id));
    const made = letterFiles().filter((f) => f.id !== w.setting('id_templat_surat'));
    expect(made.length).toBeGreaterThanOrEqual(3); // the Doc, its PDF, the berita acara
    for (const f of made) expect(w.emu.ctx.files.get(f.id)?.owner, f.name).toBe(PEOPLE.admin);
    w.emu.clock.set('2026-12-01T07:00:00+08:00');
    w.trigger('runDaily');
    w.emu.clock.set('2028-11-30T07:00:00+08:00');
    w.trigger('runDaily');
    // The monthly recaps (figures, no identity) stay; every file of a purged complaint is in the trash.
    const left = letterFiles().filter(
      (f) => f.id !== w.setting('id_templat_surat') && !f.trashed && !f.name.startsWith('Rekap Pengaduan'),
    );
    expect(left.map((f) => f.name)).toEqual([]);
    // The purge's register writes reached the view too.
    expect(w.registerRow(reg)['Nama Pengadu']).toBe('');
    viewMatchesVault(w);
    expect(w.emu.logs.lines.map((l) => l.message).join('\n')).not.toContain('purge: letters of');
  });
});
