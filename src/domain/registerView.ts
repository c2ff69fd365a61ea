// The register as every team member may see it (the office's register view, split deployment): no identity column,
// personal data written into the text masked, and a rahasia complaint's content replaced by a fixed placeholder,
// because rules.md §3 restricts it to the team, the Kepala Dinas and the assigned unit while every member can open
// the view. What an entitled person may see more of, the core returns through the sidebar.
import { VIEW_RAHASIA_TEXT } from '../messages/domain';
import type { Complaint, ComplaintField } from './complaint';
import { FREE_TEXT_FIELDS, maskPersonalData, releasedFingerprints } from './personalData';
import { CONTENT_FIELDS, maskOwnIdentity } from './privacy';

/** Fields the view has no column for: who the complainant is, and the code that opens their status page. */
export const VIEW_HIDDEN_FIELDS: readonly ComplaintField[] = [
  'name',
  'nik',
  'phone',
  'phoneCanonical',
  'email',
  'address',
  'accessCode',
];

/** The complaint as the view shows it (the hidden fields emptied; the view has no column for them anyway). */
export function projectForView(c: Complaint): Complaint {
  const copy: Complaint = { ...c };
  for (const f of VIEW_HIDDEN_FIELDS) (copy as unknown as Record<string, unknown>)[f] = '';
  if (c.privacy === 'rahasia') {
    for (const f of CONTENT_FIELDS) if (c[f] !== '') copy[f] = VIEW_RAHASIA_TEXT;
  }
  const released = releasedFingerprints(c);
  for (const f of FREE_TEXT_FIELDS) copy[f] = maskPersonalData(copy[f], 'all', released);
  // The view holds no identity (every member opens it, whatever the complaint): not even repeated in the text.
  for (const f of FREE_TEXT_FIELDS) copy[f] = maskOwnIdentity(copy[f], c);
  return copy;
}
