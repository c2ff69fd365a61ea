// Possible duplicates as the recording and agenda sidebars list them: the complaints team only (they may see every
// complainant's identity, which a "same NIK" reason reveals), each row with its reasons and its link to this one.
import type { Complaint } from '../domain/complaint';
import { formatDay } from '../domain/format';
import { possibleDuplicates, type DuplicateProbe } from '../domain/duplicates';
import { parseLinkList } from '../domain/links';
import { stripPersonalData } from '../domain/personalData';
import { COMPLAINTS_TEAM, type Actor } from '../domain/roles';
import { DUPLICATE_REASON_LABELS } from '../messages/duplicates';

export interface DuplicateRow {
  regNumber: string;
  received: string;
  status: string;
  unit: string;
  /** The subject without personal data (the list is not a place to read NIKs). */
  subject: string;
  /** e.g. "NIK sama, perihal mirip" */
  reasons: string;
  /** How it is already linked to the complaint at hand: 'duplicateOf' (its main), 'duplicate', 'related' or ''. */
  link: 'duplicateOf' | 'duplicate' | 'related' | '';
}

/** The window from the setting, kept between 0 and a year. */
export function duplicateWindow(days: number): number {
  return Number.isInteger(days) ? Math.min(366, Math.max(0, days)) : 30;
}

export function duplicateRows(
  viewer: Actor,
  probe: DuplicateProbe & Partial<Pick<Complaint, 'duplicateOf' | 'relatedTo'>>,
  complaints: readonly Complaint[],
  windowDays: number,
): DuplicateRow[] {
  if (!COMPLAINTS_TEAM.includes(viewer.role)) return [];
  const related = parseLinkList(probe.relatedTo ?? '');
  return possibleDuplicates(probe, complaints, duplicateWindow(windowDays)).map(({ complaint: c, reasons }) => ({
    regNumber: c.regNumber,
    received: formatDay(c.receivedAt),
    status: c.status,
    unit: c.unit,
    subject: stripPersonalData(c.subject),
    reasons: reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(', '),
    link:
      probe.duplicateOf === c.regNumber
        ? 'duplicateOf'
        : c.duplicateOf !== '' && c.duplicateOf === probe.regNumber
          ? 'duplicate'
          : related.includes(c.regNumber)
            ? 'related'
            : '',
  }));
}
