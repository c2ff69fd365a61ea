// Docs cases: Body.replaceText with regex metacharacters in the pattern and `$` or `\` in the replacement.
import { thrownBy } from '../observe';
import type { DiagnosticCase, Json, Scratch } from '../types';

const REPLACE_DOC = 'https://developers.google.com/apps-script/reference/document/body#replaceText(String,String)';
// Apps Script documents the pattern (RE2) but not the replacement; Java's Matcher.replaceAll is the assumption.
const JAVA_REPLACEMENT =
  'unverified: replacement read as by java.util.regex.Matcher.replaceAll (https://docs.oracle.com/javase/8/docs/api/java/util/regex/Matcher.html#replaceAll-java.lang.String-)';

/** Puts `text` in the scratch document, replaces, and reports the text (and the error, if any). */
function replaced(s: Scratch, text: string, pattern: string, replacement: string): Json {
  const body = s.doc().getBody();
  body.setText(text);
  const error = thrownBy(() => body.replaceText(pattern, replacement));
  return error === null ? { text: body.getText() } : { ...(error as { error: string }), text: body.getText() };
}

interface ReplaceCase {
  id: string;
  title: string;
  source: string;
  text: string;
  pattern: string;
  replacement: string;
  expected: Json;
}

const REPLACEMENTS: readonly ReplaceCase[] = [
  {
    id: 'docs.replace.escaped-braces',
    title: 'A {{placeholder}} pattern with escaped braces is replaced literally',
    source: REPLACE_DOC,
    text: 'Yth. {{nama}},',
    pattern: '\\{\\{nama\\}\\}',
    replacement: 'Ni Made Ayu',
    expected: { text: 'Yth. Ni Made Ayu,' },
  },
  {
    id: 'docs.replace.unescaped-dot',
    title: 'An unescaped dot in the pattern matches any character',
    source: REPLACE_DOC,
    text: 'Rp 5.000 dan 50000',
    pattern: '5.000',
    replacement: 'X',
    expected: { text: 'Rp X dan X' },
  },
  {
    id: 'docs.replace.parentheses',
    title: 'Parentheses in the pattern are a group, not literal characters',
    source: REPLACE_DOC,
    text: 'Biaya (Rp)',
    pattern: '(Rp)',
    replacement: 'IDR',
    expected: { text: 'Biaya (IDR)' },
  },
  {
    id: 'docs.replace.case-insensitive',
    title: 'The (?i) prefix makes the pattern case-insensitive (RE2 syntax)',
    source: REPLACE_DOC,
    text: 'PERIHAL: izin',
    pattern: '(?i)perihal',
    replacement: 'Hal',
    expected: { text: 'Hal: izin' },
  },
  {
    id: 'docs.replace.dollar-group',
    title: '$1 in the replacement inserts the first group',
    source: JAVA_REPLACEMENT,
    text: 'dalam 14 hari',
    pattern: '(\\d+) hari',
    replacement: '$1 hari kerja',
    expected: { text: 'dalam 14 hari kerja' },
  },
  {
    id: 'docs.replace.dollar-missing-group',
    title: 'A $ followed by a digit with no such group (Rp$5.000) throws and leaves the text as it was',
    source: JAVA_REPLACEMENT,
    text: 'Biaya: {{biaya}}',
    pattern: '\\{\\{biaya\\}\\}',
    replacement: 'Rp$5.000',
    expected: { error: 'Exception: No group 5', text: 'Biaya: {{biaya}}' },
  },
  {
    id: 'docs.replace.dollar-escaped',
    title: 'An escaped \\$ in the replacement is a literal dollar sign',
    source: JAVA_REPLACEMENT,
    text: 'Biaya: {{biaya}}',
    pattern: '\\{\\{biaya\\}\\}',
    replacement: 'Rp\\$5.000',
    expected: { text: 'Biaya: Rp$5.000' },
  },
  {
    id: 'docs.replace.backslash',
    title: 'A backslash in the replacement escapes the next character and disappears',
    source: JAVA_REPLACEMENT,
    text: 'Lokasi: {{path}}',
    pattern: '\\{\\{path\\}\\}',
    replacement: 'C:\\new',
    expected: { text: 'Lokasi: C:new' },
  },
];

const replaceCases: DiagnosticCase[] = REPLACEMENTS.map((c) => ({
  id: c.id,
  title: c.title,
  source: c.source,
  expected: c.expected,
  run: (s: Scratch) => replaced(s, c.text, c.pattern, c.replacement),
}));

export const DOC_CASES: readonly DiagnosticCase[] = [
  {
    id: 'docs.new-document',
    title: 'A new document holds one empty paragraph',
    source: 'unverified: the body of DocumentApp.create',
    expected: { children: 1, text: '', type: 'PARAGRAPH' },
    run: (s) => {
      const body = s.newDoc('Dumas — diagnostik dokumen baru').getBody();
      return { children: body.getNumChildren(), text: body.getText(), type: String(body.getChild(0).getType()) };
    },
  },
  {
    id: 'docs.set-text-newline',
    title: 'Body.setText with a line break keeps one paragraph',
    source: 'unverified: how Body.setText treats \\n',
    expected: { children: 1, text: 'baris 1\nbaris 2' },
    run: (s) => {
      const body = s.doc().getBody();
      body.setText('baris 1\nbaris 2');
      return { children: body.getNumChildren(), text: body.getText() };
    },
  },
  {
    id: 'docs.replace.per-paragraph',
    title: 'replaceText never matches across two paragraphs',
    source: REPLACE_DOC,
    expected: { text: 'akhir\nawal' },
    run: (s) => {
      const body = s.doc().getBody();
      body.setText('akhir');
      body.appendParagraph('awal');
      body.replaceText('akhir\\s+awal', 'X');
      return { text: body.getText() };
    },
  },
  ...replaceCases,
];
