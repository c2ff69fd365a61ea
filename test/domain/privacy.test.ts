// Who sees identity and content, and what the redacted copies and email copies contain.
import { describe, expect, it } from 'vitest';
import type { Complaint, Privacy } from '../../src/domain/complaint';
import { canSeeContent, canSeeIdentity, forEmail, maskOwnIdentity, redact } from '../../src/domain/privacy';
import { projectForView } from '../../src/domain/registerView';
import { ROLES, type Actor, type Role } from '../../src/domain/roles';
import { actors, complaintIn } from './fixtures';

const otherUnit: Actor = { ...actors.ANGGOTA, unit: 'Bidang Koperasi' };
const withPrivacy = (privacy: Privacy): Complaint => ({ ...complaintIn('Didisposisikan'), privacy });

/** [privacy, role, identity visible, content visible] for a complaint of the ANGGOTA's own unit. */
const MATRIX: [Privacy, Role, boolean, boolean][] = [
  ['biasa', 'CS', true, true],
  ['biasa', 'SEKRETARIS', true, true],
  ['biasa', 'KETUA', true, true],
  ['biasa', 'KEPALA_DINAS', true, true],
  ['biasa', 'ANGGOTA', true, true],
  ['biasa', 'ADMIN', true, true],
  ['anonim', 'CS', true, true],
  ['anonim', 'SEKRETARIS', true, true],
  ['anonim', 'KETUA', true, true],
  ['anonim', 'KEPALA_DINAS', false, true],
  ['anonim', 'ANGGOTA', false, true],
  ['anonim', 'ADMIN', false, true],
  ['rahasia', 'CS', true, true],
  ['rahasia', 'SEKRETARIS', true, true],
  ['rahasia', 'KETUA', true, true],
  ['rahasia', 'KEPALA_DINAS', false, true],
  ['rahasia', 'ANGGOTA', false, true],
  ['rahasia', 'ADMIN', false, false],
];

describe('privacy rules', () => {
  it('covers every role and level in the matrix', () => {
    expect(MATRIX).toHaveLength(ROLES.length * 3);
  });

  it.each(MATRIX)('%s / %s: identity %s, content %s', (privacy, role, identity, content) => {
    const c = withPrivacy(privacy);
    expect(canSeeIdentity(actors[role], c)).toBe(identity);
    expect(canSeeContent(actors[role], c)).toBe(content);
  });

  it('an ANGGOTA of another unit does not see rahasia content', () => {
    expect(canSeeContent(otherUnit, withPrivacy('rahasia'))).toBe(false);
    expect(canSeeContent(otherUnit, withPrivacy('anonim'))).toBe(true);
  });

  it('the public (no actor) sees neither', () => {
    for (const p of ['biasa', 'anonim', 'rahasia'] as Privacy[]) {
      expect(canSeeIdentity(null, withPrivacy(p))).toBe(false);
      expect(canSeeContent(null, withPrivacy(p))).toBe(false);
    }
  });
});

describe('redact', () => {
  it('masks the NIK even for the team, and drops the access code', () => {
    const r = redact(withPrivacy('biasa'), actors.KETUA);
    expect(r).toMatchObject({
      nik: '5102********0002',
      name: 'Ni Luh Putu Sari',
      phone: '081234567890',
      accessCode: '',
    });
    expect(redact(withPrivacy('biasa'), actors.KETUA, { revealNik: true }).nik).toBe('5102015501900002');
  });

  it('hides identity of an anonymous complainant from the unit, keeps the content', () => {
    const r = redact(withPrivacy('anonim'), actors.ANGGOTA, { revealNik: true });
    expect(r).toMatchObject({
      name: '(dirahasiakan)',
      nik: '(dirahasiakan)',
      phone: '(dirahasiakan)',
      phoneCanonical: '(dirahasiakan)',
      email: '(dirahasiakan)',
      address: '(dirahasiakan)',
      subject: 'Bantuan modal koperasi',
    });
  });

  it('hides identity and content of a rahasia complaint from another unit', () => {
    const r = redact({ ...withPrivacy('rahasia'), followUpNotes: 'catatan', answer: 'jawaban' }, otherUnit);
    expect(r).toMatchObject({
      name: '(dirahasiakan)',
      subject: '(dirahasiakan)',
      description: '(dirahasiakan)',
      followUpNotes: '(dirahasiakan)',
      answer: '(dirahasiakan)',
      status: 'Didisposisikan',
      regNumber: 'DUMAS-2026-0001',
    });
  });

  it('does not change the original', () => {
    const c = withPrivacy('rahasia');
    redact(c, null);
    expect(c.name).toBe('Ni Luh Putu Sari');
    expect(c.nik).toBe('5102015501900002');
  });
});

describe('forEmail', () => {
  it('never carries the full NIK', () => {
    for (const p of ['biasa', 'anonim', 'rahasia'] as Privacy[]) {
      const c = withPrivacy(p);
      expect(forEmail(c, { kind: 'complainant' }).nik).not.toContain('5501900');
      for (const role of ROLES)
        expect(forEmail(c, { kind: 'staff', actor: actors[role] }).nik).not.toContain('5501900');
    }
  });

  it('the complainant gets their own details and access code; staff do not get the code', () => {
    const c = withPrivacy('anonim');
    expect(forEmail(c, { kind: 'complainant' })).toMatchObject({
      name: 'Ni Luh Putu Sari',
      accessCode: 'ABC234',
      nik: '5102********0002',
    });
    expect(forEmail(c, { kind: 'staff', actor: actors.ANGGOTA })).toMatchObject({
      name: '(dirahasiakan)',
      accessCode: '',
    });
    expect(forEmail(c, { kind: 'staff', actor: actors.KETUA })).toMatchObject({
      name: 'Ni Luh Putu Sari',
      nik: '5102********0002',
    });
  });
});

describe('identity repeated in the text', () => {
  // Complainants introduce themselves in their own words; staff quote the name in a note.
  const telling = (privacy: Privacy): Complaint => ({
    ...withPrivacy(privacy),
    description: 'Saya NI LUH  PUTU SARI dari Jl. Gatot Subroto, Tabanan; hubungi sari@example.com.',
    followUpNotes: 'Menindaklanjuti pengaduan Ni Luh Putu Sari nomor DUMAS-2026-0001.',
  });

  it('is hidden from whoever may not see the identity, whatever the case and spacing', () => {
    for (const privacy of ['anonim', 'rahasia'] as Privacy[]) {
      const r = redact(telling(privacy), actors.ANGGOTA);
      expect(r.description).toMatch(/^Saya \(dirahasiakan\) dari \(dirahasiakan\); hubungi /);
      expect(r.description).not.toMatch(/sari|gatot/i); // the email too (masked as personal data)
      expect(r.followUpNotes).toBe('Menindaklanjuti pengaduan (dirahasiakan) nomor DUMAS-2026-0001.');
      expect(redact(telling(privacy), actors.KEPALA_DINAS).description).not.toMatch(/sari|gatot/i);
    }
  });

  it('stays for those who may see it, and in a biasa complaint', () => {
    expect(redact(telling('anonim'), actors.CS).description).toContain('NI LUH  PUTU SARI');
    expect(redact(telling('biasa'), actors.ANGGOTA).followUpNotes).toContain('Ni Luh Putu Sari');
  });

  it('is hidden in the register view every member opens, whatever the complaint', () => {
    for (const privacy of ['biasa', 'anonim'] as Privacy[]) {
      expect(projectForView(telling(privacy)).description).not.toMatch(/sari|gatot/i);
      expect(projectForView(telling(privacy)).followUpNotes).toContain('(dirahasiakan) nomor DUMAS-2026-0001');
    }
  });

  it('leaves short values and ordinary text alone, and reads regex characters literally', () => {
    const c = { name: 'Ayu', nik: '', phone: '', email: '', address: 'Br. (Kaja) *Tabanan*' };
    expect(maskOwnIdentity('Ayu datang dari Br. (Kaja) *Tabanan*.', c)).toBe('Ayu datang dari (dirahasiakan).');
    expect(maskOwnIdentity('Br. Kaja Tabanan', c)).toBe('Br. Kaja Tabanan');
    expect(maskOwnIdentity('', c)).toBe('');
  });
});
