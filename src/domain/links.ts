// Links between complaints: "duplikat dari" (one main complaint; the duplicate closes by reference to it) and
// "terkait dengan" (both ways, any number up to a bound). The register keeps registration numbers, nothing else.
import { LINK_LABELS, LINK_TEXT } from '../messages/duplicates';
import { isClosed, type Status } from './complaint';

export interface LinkFields {
  /** The main complaint's registration number, or ''. */
  duplicateOf: string;
  /** Registration numbers separated by ", " (formatLinkList), or ''. */
  relatedTo: string;
}

export interface Linkable extends LinkFields {
  regNumber: string;
  status: Status;
}

export type LinkKind = 'duplicateOf' | 'relatedTo';
export const LINK_KINDS: readonly LinkKind[] = ['duplicateOf', 'relatedTo'];

/** A cell stays short and readable: a complaint relates to at most this many others. */
export const MAX_RELATED = 20;

/** The numbers of a cell, as typed or written: split on commas, semicolons or spaces, each once, in order. */
export function parseLinkList(cell: string): string[] {
  const out: string[] = [];
  for (const part of String(cell ?? '').split(/[\s,;]+/)) {
    const n = part.trim().toUpperCase();
    if (n !== '' && !out.includes(n)) out.push(n);
  }
  return out;
}

export function formatLinkList(list: readonly string[]): string {
  return list.join(', ');
}

const same = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The complaints marked as duplicates of `regNumber`. */
export function duplicatesOf(regNumber: string, all: readonly Linkable[]): string[] {
  return all.filter((c) => c.duplicateOf !== '' && same(c.duplicateOf, regNumber)).map((c) => c.regNumber);
}

/**
 * Why `dup` may not be closed as a duplicate of `main` (null: it may). Links stay one level deep: the main complaint
 * is not itself a duplicate, and a complaint others point to is not made a duplicate (no chains, no cycles).
 */
export function duplicateRefusal(dup: Linkable, main: Linkable, all: readonly Linkable[]): string | null {
  if (same(dup.regNumber, main.regNumber)) return LINK_TEXT.self;
  if (dup.duplicateOf !== '') return LINK_TEXT.alreadyDuplicate(dup.regNumber, dup.duplicateOf);
  if (isClosed(dup.status)) return LINK_TEXT.closed(dup.regNumber, dup.status);
  if (main.duplicateOf !== '') return LINK_TEXT.mainIsDuplicate(main.regNumber, main.duplicateOf);
  const pointing = duplicatesOf(dup.regNumber, all);
  if (pointing.length > 0) return LINK_TEXT.hasDuplicates(dup.regNumber, formatLinkList(pointing));
  return null;
}

/** Why `a` and `b` may not be linked as related (null: they may). */
export function relatedRefusal(a: Linkable, b: Linkable): string | null {
  if (same(a.regNumber, b.regNumber)) return LINK_TEXT.self;
  if (parseLinkList(a.relatedTo).some((n) => same(n, b.regNumber))) {
    return LINK_TEXT.alreadyRelated(a.regNumber, b.regNumber);
  }
  for (const c of [a, b]) {
    if (parseLinkList(c.relatedTo).length >= MAX_RELATED) return LINK_TEXT.tooMany(c.regNumber, MAX_RELATED);
  }
  return null;
}

/** The cell of `c` with `other` added (related links are written on both complaints). */
export function relatedWith(c: LinkFields, other: string): string {
  const list = parseLinkList(c.relatedTo);
  if (!list.some((n) => same(n, other))) list.push(other.trim().toUpperCase());
  return formatLinkList(list);
}

export interface LinkLine {
  label: string;
  regNumbers: string[];
}

/** The links of `c` as the history and the report show them: its main complaint, its duplicates, related ones. */
export function linkLines(c: Linkable, all: readonly Linkable[]): LinkLine[] {
  const lines: LinkLine[] = [];
  if (c.duplicateOf !== '') lines.push({ label: LINK_LABELS.duplicateOf, regNumbers: [c.duplicateOf] });
  const dups = duplicatesOf(c.regNumber, all);
  if (dups.length > 0) lines.push({ label: LINK_LABELS.duplicates, regNumbers: dups });
  const related = parseLinkList(c.relatedTo);
  if (related.length > 0) lines.push({ label: LINK_LABELS.relatedTo, regNumbers: related });
  return lines;
}

/** One line of text per link kind, e.g. "Duplikat dari DUMAS-2026-0003" (report cells, CSV). */
export function linkText(c: Linkable, all: readonly Linkable[]): string {
  return linkLines(c, all)
    .map((l) => `${l.label} ${formatLinkList(l.regNumbers)}`)
    .join('; ');
}
