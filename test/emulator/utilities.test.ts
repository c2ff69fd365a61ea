// Tests for the emulated Utilities: Java date patterns in Asia/Makassar, bytes, base64, digests, UUIDs, sleep.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createUtilities } from './utilities';

function setup() {
  const ctx = new EmuContext({ now: '2026-01-05T09:00:00+08:00' });
  const { global: Utilities, control } = createUtilities(ctx);
  return { ctx, Utilities, control };
}

describe('Utilities.formatDate', () => {
  const { Utilities, ctx } = setup();
  // 2026-03-07 16:05:09.045 WITA is a Saturday; 08:05:09 UTC.
  const d = ctx.newDate(Date.UTC(2026, 2, 7, 8, 5, 9, 45));

  it('formats numeric fields in Asia/Makassar whatever the host zone', () => {
    expect(Utilities.formatDate(d, 'Asia/Makassar', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-03-07 16:05:09.045');
    expect(Utilities.formatDate(d, 'Asia/Makassar', 'd/M/yy H:m:s')).toBe('7/3/26 16:5:9');
    expect(Utilities.formatDate(d, 'Asia/Makassar', 'hh:mm a')).toBe('04:05 PM');
    expect(Utilities.formatDate(d, 'UTC', 'HH:mm')).toBe('08:05');
  });

  it('uses English month and day names as Apps Script does', () => {
    expect(Utilities.formatDate(d, 'Asia/Makassar', 'EEE, d MMM yyyy')).toBe('Sat, 7 Mar 2026');
    expect(Utilities.formatDate(d, 'Asia/Makassar', 'EEEE d MMMM yyyy')).toBe('Saturday 7 March 2026');
  });

  it('prints zones and quoted text', () => {
    expect(Utilities.formatDate(d, 'Asia/Makassar', 'HH:mm z')).toBe('16:05 WITA');
    expect(Utilities.formatDate(d, 'Asia/Makassar', 'Z')).toBe('+0800');
    expect(Utilities.formatDate(d, 'Asia/Makassar', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-03-07T16:05:09+08:00');
    expect(Utilities.formatDate(d, 'UTC', 'X')).toBe('Z');
    expect(Utilities.formatDate(d, 'Asia/Makassar', "'Pukul' HH.mm 'o''clock'")).toBe("Pukul 16.05 o'clock");
  });

  it("'Y' is Java's week year and 'w' its week: the last days of December belong to the next year's week 1", () => {
    // 28 December 2026 is a Monday; its Sunday-to-Saturday week holds 1 January 2027 (Locale.US week rules).
    const dec28 = ctx.newDate(Date.UTC(2026, 11, 28, 2));
    expect(Utilities.formatDate(dec28, 'Asia/Makassar', 'yyyy-MM-dd')).toBe('2026-12-28');
    expect(Utilities.formatDate(dec28, 'Asia/Makassar', 'YYYY-MM-dd')).toBe('2027-12-28');
    expect(Utilities.formatDate(dec28, 'Asia/Makassar', "YY 'w'w")).toBe('27 w1');
    // 26 December 2026 (Saturday) is still in the week of 20 December: week 52 of 2026.
    const dec26 = ctx.newDate(Date.UTC(2026, 11, 26, 2));
    expect(Utilities.formatDate(dec26, 'Asia/Makassar', "YYYY 'w'w")).toBe('2026 w52');
    expect(Utilities.formatDate(d, 'Asia/Makassar', "YYYY 'w'ww")).toBe('2026 w10');
  });

  it('rolls the date over at midnight WITA, not UTC', () => {
    const late = ctx.newDate(Date.UTC(2026, 0, 5, 16, 30)); // 00:30 WITA on 6 January
    expect(Utilities.formatDate(late, 'Asia/Makassar', 'yyyy-MM-dd')).toBe('2026-01-06');
    expect(Utilities.formatDate(late, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-01-05 11:30');
  });

  it('throws on an illegal pattern letter and on a non-Date argument', () => {
    expect(() => Utilities.formatDate(d, 'Asia/Makassar', 'yyyy-qq')).toThrow(
      "Exception: Illegal pattern character 'q'",
    );
    expect(() => Utilities.formatDate('2026-01-01' as unknown as Date, 'Asia/Makassar', 'yyyy')).toThrow(
      /don't match the method signature for Utilities.formatDate/,
    );
  });

  it('falls back to GMT for an unknown zone, as Java does', () => {
    expect(Utilities.formatDate(d, 'Mars/Olympus', 'HH:mm')).toBe('08:05');
  });
});

describe('Utilities bytes and helpers', () => {
  it('creates blobs with bytes, type and name', () => {
    const { Utilities } = setup();
    const b = Utilities.newBlob('Rp 1.000 – é', 'text/plain', 'n.txt');
    expect(b.getDataAsString()).toBe('Rp 1.000 – é');
    expect(b.getContentType()).toBe('text/plain');
    expect(b.getName()).toBe('n.txt');
    expect(b.getBytes().some((x) => x < 0)).toBe(true); // Java bytes are signed
    const copy = b.copyBlob().setName('m.txt');
    expect([b.getName(), copy.getName()]).toEqual(['n.txt', 'm.txt']);
  });

  it('encodes and decodes base64, plain and web-safe', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode('Dinas Koperasi?>')).toBe('RGluYXMgS29wZXJhc2k/Pg==');
    expect(Utilities.base64EncodeWebSafe('Dinas Koperasi?>')).toBe('RGluYXMgS29wZXJhc2k_Pg==');
    const bytes = Utilities.base64Decode('RGluYXMgS29wZXJhc2k/Pg==');
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe('Dinas Koperasi?>');
    expect(Utilities.newBlob(Utilities.base64DecodeWebSafe('RGluYXMgS29wZXJhc2k_Pg==')).getDataAsString()).toBe(
      'Dinas Koperasi?>',
    );
    expect(() => Utilities.base64Decode('***')).toThrow(/decode/);
  });

  it('computes digests as signed byte arrays', () => {
    const { Utilities } = setup();
    const sha = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(sha).toHaveLength(32);
    expect(Math.min(...sha)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...sha)).toBeLessThanOrEqual(127);
    const hex = sha.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc')
      .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
      .join('');
    expect(md5).toBe('900150983cd24fb0d6963f7d28e17f72');
    const hmac = Utilities.computeHmacSha256Signature('data', 'key')
      .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
      .join('');
    expect(hmac).toBe('5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0');
  });

  it('gives RFC 4122 v4-shaped UUIDs, deterministic per seed', () => {
    const a = setup();
    const b = setup();
    const u = a.Utilities.getUuid();
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.Utilities.getUuid()).toBe(u);
    expect(a.Utilities.getUuid()).not.toBe(u);
  });

  it('sleeps on the simulated clock, at most 5 minutes', () => {
    const { Utilities, ctx } = setup();
    const t0 = ctx.clock.now();
    Utilities.sleep(1500);
    expect(ctx.clock.now() - t0).toBe(1500);
    expect(() => Utilities.sleep(300001)).toThrow();
  });

  it('parses CSV and formats strings', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('a,"b,c"\n"d ""e""",f')).toEqual([
      ['a', 'b,c'],
      ['d "e"', 'f'],
    ]);
    expect(Utilities.formatString('%s-%03d %.2f', 'DUMAS', 7, 1.5)).toBe('DUMAS-007 1.50');
  });
});
