// Every Indonesian text people read lives in src/messages/: this scans every other TypeScript file of src/
// with the compiler (string literals, template pieces, literal types, regular expressions) and fails on any
// literal that contains an Indonesian word, unless it is one of the two kinds of words code may hold:
//
// 1. A key: one token with no space that is SCREAMING_CASE or holds one of _ - = & | : (a role code such
//    as KETUA, a setting key such as nama_instansi, a placeholder such as nama_pengadu, a URL query such
//    as halaman=verifikasi&kode=, a cache or lock prefix such as catat:). Keys are names code and sheets
//    agree on, never prose.
// 2. A vocabulary reference: a literal the compiler checks against a declared union of literal types that
//    contains it (its contextual type, the other side of ===/!==, or the switch it is a case of), e.g.
//    `c.status === 'Selesai'` where `status: Status`. A typo does not compile, and the word itself is
//    declared once, in the allowlisted vocabulary file below.
//
// The HTML templates in src/ui/pages are not scanned: they are the pages' markup, each static sentence is
// written once in the page that shows it, and it is escaped as markup by HtmlService. Moving it would
// route every heading and hint of 23 pages through the server's template data (see README).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = 'src';

/** Files that may hold Indonesian words, each with why. Keep this short. */
const ALLOWED_FILES: Record<string, string> = {
  'src/domain/vocabulary.ts':
    'the values Dumas stores in the register and reads back (status, channel, privacy, priority, delivery method, ' +
    'deadline kind): data a person reads and types, declared once as literal types; renaming one is a data migration',
  'src/domain/holidays.ts':
    'the official holiday table quoted from the decrees (names and sources as published): data that seeds the ' +
    '"Hari Libur" sheet, not interface text',
  'src/ui/templates.ts': 'the file names of the sidebar pages in src/ui/pages (Surat.html…): names of files, not text',
  'src/diagnostics/cases/docs.ts':
    'conformance fixtures: sample document text each case writes into a scratch file and deletes; what Google does ' +
    'with it is the point (placeholders, $1 groups), nobody reads it',
  'src/diagnostics/cases/sheets.ts': 'conformance fixtures: sample cell values written into the scratch sheet',
  'src/diagnostics/cases/services.ts': 'conformance fixtures: the title of a question in a scratch form',
  'src/diagnostics/cases/projects.ts': 'conformance fixtures: sample values and addresses of the scratch cases',
};

/**
 * Indonesian words that are not also English words (so "register", "data", "status", "unit", "media",
 * "format", "email" are not here): function words, and the nouns and verbs of the complaint procedure.
 */
const INDONESIAN = `
  ada adalah agar akan akun alamat alasan anda anggota angka antara apa atas atau bagi bahwa baik banyak baris
  baru batas begitu berhalangan belum benar berhasil berikut berisi bersama besok biasa bila bidang bisa boleh buat buka
  bulan bukan catat catatan cek cetak contoh cuti dalam dan dapat dari daripada dengan di dicatat diisi
  diterima ditemukan dibuat diproses dipasang disimpan dikirim diubah dinas dua dulu hanya harap hari harian harus
  hilang ini isi itu jam jawaban karakter jangan jika juga jumlah kami kanal kasus ke kembali kepada kepala kerja
  ketua khusus kirim kode kolom kosong kunci lagi lambat lain lama lebih lewat libur lima mana masa masih masuk
  masyarakat melihat memang menjadi menunggu menurut milik minta mohon mulai nama namun nomor oleh pada paling
  para otomatis pejabat peran pengadu pengaduan pengaturan penilaian perlu petugas pilih ringkasan saat saja salah sama sampai
  satu sebagai sebelum sedang sejak sekali sekretaris selesai semua sisa sendiri sesuai setelah siapkan
  silakan sistem sudah surat tahun tambah tanda tanggal tanpa tautan telah telepon templat tentang terima
  tersebut tetap tiga tidak tim tindak untuk urutan wajib waktu yang
`
  .split(/\s+/)
  .filter((w) => w !== '');
const WORD = new RegExp(`(?<![\\p{L}])(${INDONESIAN.join('|')})(?![\\p{L}])`, 'iu');

/** A key: one token without space, SCREAMING_CASE or with one of _ - = & | : (codes, setting keys, placeholders, URL queries). */
const KEY = /^(?:[A-Z][A-Z0-9_]*|\S*[-_=&|:]\S*)$/;

export function indonesianWordIn(text: string): string | null {
  return WORD.exec(text)?.[1] ?? null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

export interface Hit {
  file: string;
  line: number;
  text: string;
  word: string;
}

function literalValues(type: ts.Type): string[] {
  const members = type.isUnion() ? type.types : [type];
  return members.filter((t): t is ts.StringLiteralType => t.isStringLiteral()).map((t) => t.value);
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** The literal is checked by the compiler against a declared union of literal types that holds it. */
function isVocabularyReference(
  node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral,
  checker: ts.TypeChecker,
): boolean {
  if (ts.isLiteralTypeNode(node.parent)) return false; // a declaration of the word, not a use
  const parent = node.parent;
  const types: (ts.Type | undefined)[] = [checker.getContextualType(node)];
  if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) {
    types.push(checker.getTypeAtLocation(parent.left === node ? parent.right : parent.left));
  }
  if (ts.isCaseClause(parent)) types.push(checker.getTypeAtLocation(parent.parent.parent.expression));
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node) {
    // A quoted key of an object typed Record<Status, …>: the key must be one of that type's names.
    const owner = ts.isPropertyAssignment(parent) ? checker.getContextualType(parent.parent) : undefined;
    if (owner && !owner.getStringIndexType() && owner.getProperty(node.text)) return true;
  }
  return types.some((t) => t !== undefined && literalValues(t).includes(node.text));
}

/** Every Indonesian literal of the given files that is neither a key nor a vocabulary reference. */
export function scan(files: readonly string[], extra: Record<string, string> = {}): Hit[] {
  const host = ts.createCompilerHost({});
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => extra[name] ?? readFile(name);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in extra || fileExists(name);
  const program = ts.createProgram({
    rootNames: [...files, ...Object.keys(extra)],
    options: {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['google-apps-script', 'node'],
    },
    host,
  });
  const checker = program.getTypeChecker();
  const hits: Hit[] = [];
  for (const file of [...files, ...Object.keys(extra)]) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not parsed: ${file}`);
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return;
      let text: string | null = null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        if (!KEY.test(node.text) && !isVocabularyReference(node, checker)) text = node.text;
      } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        if (!KEY.test(node.text)) text = node.text;
      } else if (ts.isRegularExpressionLiteral(node)) {
        text = node.text;
      }
      const word = text === null ? null : indonesianWordIn(text);
      if (text !== null && word !== null) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        hits.push({ file, line, text, word });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return hits;
}

const FILES = sourceFiles(SRC).filter((f) => !f.startsWith(`${SRC}/messages/`));
const SCANNED = FILES.filter((f) => !(f in ALLOWED_FILES));
const HITS = scan(SCANNED);
const show = (h: Hit): string => `${h.file}:${h.line} «${h.word}» ${JSON.stringify(h.text).slice(0, 90)}`;

describe('user-facing text lives in src/messages/', () => {
  it('no Indonesian literal outside src/messages/ and the allowlisted vocabulary files', () => {
    expect(HITS.map(show)).toEqual([]);
  });

  it('the allowlist names existing files', () => {
    for (const f of Object.keys(ALLOWED_FILES)) expect(FILES, f).toContain(f);
  });

  it('the scan is not blind: it reads the literals of every file', () => {
    expect(SCANNED.length).toBeGreaterThan(100);
    expect(SCANNED).toContain('src/app/workflow.ts');
  });

  it('the rule catches a thrown Indonesian error, a template text and a free-standing status word', () => {
    const fake = {
      'src/app/fakeLookup.ts': [
        "import type { Status } from '../domain/complaint';",
        "export function find(n: string): never { throw new Error('Pengaduan tidak ditemukan'); }",
        'export const late = (d: number): string => `sisa ${d} hari`;',
        "export const closed = 'Selesai';",
        "export const isClosed = (s: Status): boolean => s === 'Selesai';",
        "export const code: 'KETUA' | 'CS' = 'KETUA';",
        "export const key = 'nama_instansi';",
        'export const slug = (n: string): string => `statistik-pengaduan-${n}.csv`;',
        'export const english = (n: string): string => `no register column for ${n}`;',
        "export const order: Partial<Record<Status, number>> = { 'Konsep Jawaban': 1 };",
        "export const rank = (s: Status): number => { switch (s) { case 'Selesai': return 1; default: return 0; } };",
        "export const hint: Partial<Record<Status, string>> = { Selesai: 'Pengaduan selesai' };",
      ].join('\n'),
    };
    const hits = scan(['src/domain/complaint.ts'], fake).filter((h) => h.file === 'src/app/fakeLookup.ts');
    expect(hits.map((h) => [h.line, h.text])).toEqual([
      [2, 'Pengaduan tidak ditemukan'],
      [3, 'sisa '],
      [3, ' hari'],
      [4, 'Selesai'],
      [12, 'Pengaduan selesai'],
    ]);
  });

  it('the word list finds Indonesian and leaves English alone', () => {
    expect(indonesianWordIn('Sistem belum disiapkan')).toBe('Sistem');
    expect(indonesianWordIn('Folder surat jawaban dibuat.')).toBe('surat');
    expect(indonesianWordIn('no register column for status')).toBeNull();
    expect(indonesianWordIn('dd/mm/yyyy hh:mm')).toBeNull();
  });
});
