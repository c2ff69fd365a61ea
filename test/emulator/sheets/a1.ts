// A1 notation: column letters, cell and range references, as Sheets reads and writes them.

export interface GridRef {
  sheetName: string | null;
  row: number; // 1-based
  col: number;
  /** null when open-ended (whole column "A:A", or "A2:C"): the sheet's max rows decide. */
  numRows: number | null;
  /** null when open-ended (whole rows "1:3"): the sheet's max columns decide. */
  numCols: number | null;
}

export function columnLetter(col: number): string {
  let out = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = cellA1(row, col);
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}

/** Splits an optional sheet prefix: `'My sheet'!A1` or `Sheet1!A1:B2`. */
export function splitSheet(ref: string): { sheetName: string | null; local: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const plain = /^([^!]+)!(.+)$/.exec(ref);
  if (plain) return { sheetName: plain[1], local: plain[2] };
  return { sheetName: null, local: ref };
}

interface Part {
  col: number | null;
  row: number | null;
}

function parsePart(text: string): Part | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const col = m[1] === '' ? null : columnNumber(m[1]);
  const row = m[2] === '' ? null : Number(m[2]);
  if (row === 0) return null;
  return { col, row };
}

/** Parses A1 notation; returns null when Sheets would answer "Range not found". */
export function parseA1(ref: string): GridRef | null {
  const { sheetName, local } = splitSheet(ref.trim());
  const pieces = local.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.col === null || a.row === null) return null;
    return { sheetName, row: a.row, col: a.col, numRows: 1, numCols: 1 };
  }
  const b = parsePart(pieces[1]);
  if (!b) return null;
  // Whole rows ("1:3"), whole columns ("A:C"), or a rectangle possibly open at the bottom ("A2:C").
  if (a.col === null || b.col === null) {
    if (a.col !== null || b.col !== null || a.row === null || b.row === null) return null;
    const top = Math.min(a.row, b.row);
    return { sheetName, row: top, col: 1, numRows: Math.abs(b.row - a.row) + 1, numCols: null };
  }
  const left = Math.min(a.col, b.col);
  const numCols = Math.abs(b.col - a.col) + 1;
  if (a.row === null || b.row === null) {
    const top = a.row ?? b.row ?? 1;
    return { sheetName, row: top, col: left, numRows: null, numCols };
  }
  const top = Math.min(a.row, b.row);
  return { sheetName, row: top, col: left, numRows: Math.abs(b.row - a.row) + 1, numCols };
}
