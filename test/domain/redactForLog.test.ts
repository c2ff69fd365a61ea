// Personal data never reaches the execution log: the redaction the mailer and error handlers apply.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactForLog } from '../../src/domain/privacy';

describe('redactForLog', () => {
  it("removes Google's quoted address, a NIK and phone numbers, keeping the rest", () => {
    expect(redactForLog('Exception: Invalid email: ni.made.ayu@gmail.com')).toBe('Exception: Invalid email: [email]');
    expect(redactForLog('NIK 5102034501900001 dan HP 0812-3456-7890 atau +62 81234567890.')).toBe(
      'NIK [NIK] dan HP [telepon] atau [telepon].',
    );
    expect(redactForLog('Surat 000.8.3.3/12/Diskopumkm/2026, baris 14')).toBe(
      'Surat 000.8.3.3/12/Diskopumkm/2026, baris 14',
    );
  });

  it('no generated address, NIK or mobile number survives, whatever surrounds it', () => {
    const local = fc.stringMatching(/^[a-z0-9._-]{1,12}$/);
    const email = fc.tuple(local, local).map(([a, b]) => `${a}@${b}.co.id`);
    const nik = fc.stringMatching(/^[1-9]\d{15}$/);
    const phone = fc.stringMatching(/^08\d{8,11}$/);
    const filler = fc.stringMatching(/^[A-Za-z ,.:]{0,20}$/);
    fc.assert(
      fc.property(filler, fc.oneof(email, nik, phone), filler, (a, secret, b) => {
        expect(redactForLog(`${a} ${secret} ${b}`)).not.toContain(secret);
      }),
    );
  });
});
