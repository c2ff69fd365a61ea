// The signing rules and the verification code, pure: which signature lets a letter leave in which mode, the code's
// shape and stability, and what a visitor may type.
import { describe, expect, it } from 'vitest';
import {
  formatCode,
  hexOf,
  normalizeCode,
  normalizeSha256,
  parseSigningMode,
  signatureProblem,
  verificationCode,
  verificationUrl,
  type LetterRecord,
} from '../../src/domain/signature';

const record = (over: Partial<LetterRecord>): LetterRecord => ({
  letterNumber: '000.8.3.3/1/Diskopumkm/2026',
  letterDate: '2026-12-03',
  regNumber: 'DUMAS-2026-0001',
  code: 'ABCDEFGHJK',
  signerName: 'Kepala',
  signerTitle: 'KEPALA DINAS',
  form: 'none',
  state: 'approved',
  sha256: '',
  sentAt: null,
  method: '',
  ...over,
});

describe('signing mode and the signature a letter needs', () => {
  it('reads the setting as typed; anything unknown is the stricter default (scan)', () => {
    expect(parseSigningMode('pindaian')).toBe('scan');
    expect(parseSigningMode('Tanda Persetujuan')).toBe('mark');
    expect(parseSigningMode(' tanda_persetujuan ')).toBe('mark');
    expect(parseSigningMode('ttd basah')).toBe('scan');
    expect(parseSigningMode(undefined)).toBe('scan');
  });

  it('scan mode: only an uploaded signed PDF; mark mode: the mark or a scan; never an unfinished signing', () => {
    expect(signatureProblem('scan', record({ form: 'none' }))).toBe('needsScan');
    expect(signatureProblem('scan', record({ form: 'mark' }))).toBe('needsScan');
    expect(signatureProblem('scan', record({ form: 'scan' }))).toBeNull();
    expect(signatureProblem('mark', record({ form: 'mark' }))).toBeNull();
    expect(signatureProblem('mark', record({ form: 'scan' }))).toBeNull();
    expect(signatureProblem('mark', record({ form: 'none' }))).toBe('noMark');
    for (const mode of ['scan', 'mark'] as const) {
      expect(signatureProblem(mode, null)).toBe('incomplete');
      expect(signatureProblem(mode, record({ state: 'incomplete', form: 'scan' }))).toBe('incomplete');
      expect(signatureProblem(mode, record({ state: 'voided', form: 'scan' }))).toBe('incomplete');
    }
  });
});

describe('verification code', () => {
  it('is 10 characters of the unambiguous alphabet, the same for the same signature, different otherwise', () => {
    const a = verificationCode('q2Vx_9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789');
    expect(a).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(verificationCode('q2Vx_9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).toBe(a);
    expect(verificationCode('r2Vx_9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).not.toBe(a);
  });

  it('accepts what a visitor types (case, spaces, dashes) and nothing else', () => {
    expect(formatCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(normalizeCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(normalizeCode('ABCDE FGHJ0')).toBeNull(); // 0 is not in the alphabet
    expect(normalizeCode('ABCDE')).toBeNull();
    expect(normalizeCode(42)).toBeNull();
    expect(normalizeCode('<script>alert(1)</script>')).toBeNull();
  });

  it('hashes as typed or pasted; hex of signed bytes; the link only with a web app URL', () => {
    const hex = 'AB'.repeat(32);
    expect(normalizeSha256(`  ${hex.slice(0, 10)}:${hex.slice(10)} `)).toBe(hex.toLowerCase());
    expect(normalizeSha256('xyz')).toBeNull();
    expect(hexOf([-1, 0, 15, 127, -128])).toBe('ff000f7f80');
    expect(verificationUrl('', 'ABCDEFGHJK')).toBe('');
    expect(verificationUrl('https://s.example/exec', 'ABCDEFGHJK')).toBe(
      'https://s.example/exec?halaman=verifikasi&kode=ABCDEFGHJK',
    );
    expect(verificationUrl('https://s.example/exec?x=1', 'K')).toBe(
      'https://s.example/exec?x=1&halaman=verifikasi&kode=K',
    );
  });
});
