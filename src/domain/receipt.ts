// The complainant's receipt: how many an address may get a day, the share of the mail quota public receipts may
// not touch, and text from the public that must never become a link in an agency-branded email.

/** At most this many receipts a day to one address (a flood aimed at someone's inbox stops there). */
export const RECEIPTS_PER_ADDRESS_PER_DAY = 3;
/**
 * Recipients of the daily mail quota (100 on a consumer account) kept for staff mail (notices, digests, letters)
 * and for receipts of complaints staff recorded: a receipt of the public form is not sent when it would cut into it.
 */
export const QUOTA_RESERVE = 25;

export type ReceiptSource = 'public' | 'staff';

export type ReceiptDecision = 'send' | 'quota' | 'limit';

/** Whether a receipt may go now, given today's receipts to that address and the quota left. */
export function receiptDecision(
  source: ReceiptSource,
  sentToAddressToday: number,
  remainingQuota: number,
): ReceiptDecision {
  if (sentToAddressToday >= RECEIPTS_PER_ADDRESS_PER_DAY) return 'limit';
  const floor = source === 'public' ? QUOTA_RESERVE : 0;
  return remainingQuota > floor ? 'send' : 'quota';
}

/**
 * Text typed by the public, made inert for an email: mail clients turn "http://…", "www.…", "name.tld" and
 * addresses into links even in plain text, so "://", every "@" and every dot before a letter (a host name, not an
 * amount like "1.500.000") are bracketed ("contoh[.]com"), as security notices quote addresses. Nothing else changes.
 */
export function withoutLinks(text: string): string {
  return text
    .replace(/:\/\//g, '[://]')
    .replace(/([\p{L}\p{N}_-])\.(?=\p{L})/gu, '$1[.]')
    .replace(/([\p{L}\p{N}_.-])@(?=[\p{L}\p{N}_-])/gu, '$1[@]');
}

/** A short, stable key of an address (FNV-1a, 32 bits): the daily count per address keeps no address itself. */
export function addressKey(email: string): string {
  let h = 0x811c9dc5;
  for (const ch of email.trim().toLowerCase()) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
