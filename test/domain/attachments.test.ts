// Attachments: the type read from the bytes (never the name), the limits, the link's period, the stored name.
import { describe, expect, it } from 'vitest';
import {
  MAX_BASE64_CHARS,
  MAX_BYTES_PER_DAY,
  MAX_FILES_PER_COMPLAINT,
  MAX_FILES_PER_DAY,
  MAX_FILE_BYTES,
  attachmentFileName,
  attachmentLinkMessage,
  linkLastDay,
  linkState,
  sizeText,
  sniffType,
  uploadRefusal,
} from '../../src/domain/attachments';
import { instantAt } from '../../src/domain/time';
import { baseComplaint, complaintIn } from './fixtures';

const bytes = (...parts: (number[] | string)[]): number[] =>
  parts.flatMap((p) => (typeof p === 'string' ? Array.from(Buffer.from(p, 'latin1')) : p));
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF\0 body', [0xff, 0xd9]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 0, 1]);
const PDF = bytes('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');
const signed = (b: number[]) => b.map((x) => (x > 127 ? x - 256 : x)); // Apps Script's Java bytes

describe('sniffType: by content only', () => {
  it('recognises JPEG, PNG and PDF, as unsigned or as Java signed bytes', () => {
    expect([sniffType(JPEG), sniffType(PNG), sniffType(PDF)]).toEqual(['jpeg', 'png', 'pdf']);
    expect([sniffType(signed(JPEG)), sniffType(signed(PNG)), sniffType(signed(PDF))]).toEqual(['jpeg', 'png', 'pdf']);
  });

  it('refuses programs, web pages, archives, WebP, HEIC, SVG and truncated files whatever they are called', () => {
    const refused = {
      exe: bytes('MZ\x90\0\x03\0\0\0', 'This program cannot be run in DOS mode'),
      elf: bytes([0x7f], 'ELF'),
      html: bytes('<!DOCTYPE html><html><script>alert(1)</script></html>'),
      htmlWithPdfInside: bytes('<html>%PDF-1.4 %%EOF</html>'),
      zip: bytes('PK\x03\x04', 'word/document.xml'),
      webp: bytes('RIFF\0\0\0\0WEBPVP8 '),
      heic: bytes([0, 0, 0, 0x18], 'ftypheic'),
      svg: bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'),
      jpegCut: JPEG.slice(0, -2),
      pngWithoutHeader: PNG.slice(0, 12),
      pdfWithoutEnd: bytes('%PDF-1.7\n1 0 obj'),
      empty: [],
    };
    for (const [name, b] of Object.entries(refused)) expect(sniffType(b), name).toBeNull();
  });

  it('finds the PDF end marker only in the last 1,024 bytes', () => {
    const late = bytes('%PDF-1.4\n%%EOF\n', ' '.repeat(2000));
    expect(sniffType(late)).toBeNull();
    expect(sniffType(bytes('%PDF-1.4\n', ' '.repeat(2000), '%%EOF\r\n'))).toBe('pdf');
  });
});

describe('limits', () => {
  const today = { day: '2026-11-05', files: 0, bytes: 0 };

  it('accepts a file within every limit and names its type', () => {
    expect(uploadRefusal(JPEG, 0, today)).toEqual({ type: 'jpeg' });
    expect(uploadRefusal(PDF, MAX_FILES_PER_COMPLAINT - 1, today)).toEqual({ type: 'pdf' });
  });

  it('refuses, in order: a full complaint, an empty file, an oversized one, a full day, then a wrong type', () => {
    const big = new Array<number>(MAX_FILE_BYTES + 1).fill(0);
    expect(uploadRefusal(JPEG, MAX_FILES_PER_COMPLAINT, today)).toEqual({ refusal: 'complaintFull' });
    expect(uploadRefusal([], 0, today)).toEqual({ refusal: 'empty' });
    expect(uploadRefusal(big, 0, today)).toEqual({ refusal: 'tooLarge' });
    expect(uploadRefusal(JPEG, 0, { ...today, files: MAX_FILES_PER_DAY })).toEqual({ refusal: 'dayFull' });
    expect(uploadRefusal(JPEG, 0, { ...today, bytes: MAX_BYTES_PER_DAY - 2 })).toEqual({ refusal: 'dayFull' });
    expect(uploadRefusal(bytes('MZ'), 0, today)).toEqual({ refusal: 'badType' });
  });

  it('bounds the base64 text before it is decoded: a file of the largest size fits, one more block does not', () => {
    const fits = Buffer.alloc(MAX_FILE_BYTES).toString('base64');
    expect(fits.length).toBeLessThanOrEqual(MAX_BASE64_CHARS);
    expect(Buffer.alloc(MAX_FILE_BYTES + 3).toString('base64').length).toBeGreaterThan(MAX_BASE64_CHARS - 4);
  });
});

describe('the link and the stored name', () => {
  const received = instantAt('2026-11-02', 9);

  it('works through the day received + the period (WITA), not after; never for a settled complaint; off below 1', () => {
    const c = { ...baseComplaint(), receivedAt: received };
    expect(linkLastDay(received, 14)).toBe('2026-11-16');
    expect(linkState(c, instantAt('2026-11-16', 23, 59), 14)).toBe('open');
    expect(linkState(c, instantAt('2026-11-17', 0, 0), 14)).toBe('expired');
    expect(linkState({ ...complaintIn('Selesai'), receivedAt: received }, instantAt('2026-11-05', 10), 14)).toBe(
      'closed',
    );
    expect(linkState({ ...complaintIn('Dialihkan'), receivedAt: received }, instantAt('2026-11-05', 10), 14)).toBe(
      'closed',
    );
    expect(linkState(c, instantAt('2026-11-03', 9), 0)).toBe('off');
    expect(linkLastDay(received, -1)).toBeNull();
  });

  it('signs the number and the moment received, nothing personal', () => {
    const c = { ...baseComplaint(), regNumber: 'DUMAS-2026-0007', receivedAt: received };
    expect(attachmentLinkMessage(c)).toBe('dumas-lampiran|v1|DUMAS-2026-0007|2026-11-02T01:00:00.000Z');
    expect(attachmentLinkMessage({ ...c, receivedAt: instantAt('2026-11-02', 10) })).not.toBe(attachmentLinkMessage(c));
  });

  it('names a file by number and sequence with the extension of its real type', () => {
    expect(attachmentFileName('DUMAS-2026-0007', 3, 'pdf')).toBe('DUMAS-2026-0007-3.pdf');
    expect(attachmentFileName('DUMAS-2026-0007', 1, 'jpeg')).toBe('DUMAS-2026-0007-1.jpg');
    expect([sizeText(300), sizeText(350 * 1024), sizeText(1.25 * 1024 * 1024)]).toEqual(['1 KB', '350 KB', '1,3 MB']);
  });
});
