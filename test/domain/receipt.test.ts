import { describe, expect, it } from 'vitest';
import {
  QUOTA_RESERVE,
  RECEIPTS_PER_ADDRESS_PER_DAY,
  addressKey,
  receiptDecision,
  withoutLinks,
} from '../../src/domain/receipt';

describe('receipt policy', () => {
  it('stops at the per-address limit, and public receipts leave the reserve to staff mail', () => {
    expect(receiptDecision('public', 0, 100)).toBe('send');
    expect(receiptDecision('public', RECEIPTS_PER_ADDRESS_PER_DAY, 100)).toBe('limit');
    expect(receiptDecision('public', 0, QUOTA_RESERVE)).toBe('quota');
    expect(receiptDecision('public', 0, QUOTA_RESERVE + 1)).toBe('send');
    expect(receiptDecision('staff', 0, 1)).toBe('send');
    expect(receiptDecision('staff', 0, 0)).toBe('quota');
  });

  it('never lets typed text become a link', () => {
    expect(withoutLinks('Klik http://hadiah.example.com/klaim sekarang')).toBe(
      'Klik http[://]hadiah[.]example[.]com/klaim sekarang',
    );
    expect(withoutLinks('www.bit.ly/x atau admin@bank.co.id')).toBe('www[.]bit[.]ly/x atau admin[@]bank[.]co[.]id');
    expect(withoutLinks('Koperasi tidak membayar. Mohon dibantu, Rp 1.500.000')).toBe(
      'Koperasi tidak membayar. Mohon dibantu, Rp 1.500.000',
    );
  });

  it('keys an address without keeping it', () => {
    expect(addressKey(' Ayu@Example.com ')).toBe(addressKey('ayu@example.com'));
    expect(addressKey('ayu@example.com')).not.toContain('ayu');
    expect(addressKey('a@example.com')).not.toBe(addressKey('b@example.com'));
  });
});
