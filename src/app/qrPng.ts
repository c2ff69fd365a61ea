// The verification QR as a PNG: the matrix from the npm package qrcode-generator (pinned, bundled by esbuild),
// the image written here (1-bit grayscale, zlib "stored" blocks: no compressor needed in Apps Script).
import qrcode from 'qrcode-generator';

/** The dark/light modules of a QR code for `text` (byte mode, error correction M, smallest version that fits). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

const CRC_TABLE = ((): number[] => {
  const t: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t.push(c >>> 0);
  }
  return t;
})();

function crc32(bytes: readonly number[]): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function chunk(type: string, data: readonly number[]): number[] {
  const body = [...type].map((ch) => ch.charCodeAt(0)).concat(data);
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/** A zlib stream of uncompressed ("stored") deflate blocks, with its Adler-32. */
function zlibStored(data: readonly number[]): number[] {
  const out = [0x78, 0x01];
  for (let i = 0; i === 0 || i < data.length; i += 65535) {
    const part = data.slice(i, i + 65535);
    const last = i + 65535 >= data.length ? 1 : 0;
    out.push(last, part.length & 0xff, part.length >>> 8, ~part.length & 0xff, (~part.length >>> 8) & 0xff);
    for (const b of part) out.push(b);
  }
  let a = 1;
  let b = 0;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return out.concat(u32(((b << 16) | a) >>> 0));
}

/** QR_QUIET modules of white around the code, as the QR standard asks. */
const QR_QUIET = 4;

/**
 * The matrix as 1-bit gray rows (PNG's and PDF's layout: 1 is white, 8 pixels a byte, each row padded to a whole
 * byte), `scale` pixels a module, with the quiet zone; and the image's side in pixels.
 */
export function qrBitmap(matrix: readonly (readonly boolean[])[], scale: number): { size: number; rows: number[][] } {
  const n = matrix.length;
  const size = (n + 2 * QR_QUIET) * scale;
  const rowBytes = Math.ceil(size / 8);
  const rows: number[][] = [];
  for (let y = 0; y < size; y++) {
    const r = Math.floor(y / scale) - QR_QUIET;
    const row: number[] = [];
    for (let bx = 0; bx < rowBytes; bx++) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) {
        const x = bx * 8 + bit;
        const c = Math.floor(x / scale) - QR_QUIET;
        const dark = x < size && r >= 0 && r < n && c >= 0 && c < n && matrix[r][c];
        if (!dark) byte |= 0x80 >> bit;
      }
      row.push(byte);
    }
    rows.push(row);
  }
  return { size, rows };
}

/** A PNG of the matrix: `scale` pixels a module, a quiet zone of 4 modules. Bytes 0–255. */
export function matrixPng(matrix: readonly (readonly boolean[])[], scale = 4): number[] {
  const { size, rows } = qrBitmap(matrix, scale);
  const raw = rows.flatMap((row) => [0, ...row]); // each row's filter byte: none
  const ihdr = [...u32(size), ...u32(size), 1, 0, 0, 0, 0];
  return [
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', zlibStored(raw)),
    ...chunk('IEND', []),
  ];
}

/** The QR code of `text` as PNG bytes. */
export function qrPng(text: string, scale = 4): number[] {
  return matrixPng(qrMatrix(text), scale);
}
