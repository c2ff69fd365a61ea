// Tests for the emulated MailApp: the three sendEmail forms, the 24-hour recipient quota window, and per-message limits.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createMailApp, QUOTA_EXCEEDED } from './mail';
import { createUtilities } from './utilities';

function setup(quota?: number) {
  const ctx = new EmuContext({ now: '2026-01-05T09:00:00+08:00' });
  const { global: MailApp, control } = createMailApp(ctx, { quota });
  const { global: Utilities } = createUtilities(ctx);
  return { ctx, MailApp, control, Utilities };
}

describe('MailApp', () => {
  it('sends with (to, subject, body) and with options', () => {
    const { MailApp, control, Utilities } = setup();
    MailApp.sendEmail('warga@example.com', 'Tanda terima', 'Pengaduan Anda diterima.');
    const pdf = Utilities.newBlob('isi', 'text/plain', 'a.txt');
    MailApp.sendEmail('warga@example.com', 'Subjek', 'Isi', {
      cc: 'kabid@example.go.id',
      htmlBody: '<b>Isi</b>',
      name: 'Dinas Koperasi',
      replyTo: 'dumas@example.go.id',
      attachments: [pdf],
    });
    expect(control.outbox).toHaveLength(2);
    expect(control.outbox[0]).toMatchObject({
      to: 'warga@example.com',
      subject: 'Tanda terima',
      body: 'Pengaduan Anda diterima.',
      htmlBody: null,
      sentAt: '2026-01-05T01:00:00.000Z',
    });
    const second = control.outbox[1];
    expect(second).toMatchObject({
      cc: 'kabid@example.go.id',
      htmlBody: '<b>Isi</b>',
      name: 'Dinas Koperasi',
      replyTo: 'dumas@example.go.id',
    });
    expect(second.attachments[0]).toMatchObject({ name: 'a.txt', contentType: 'text/plain' });
    expect(Buffer.from(second.attachments[0].bytes).toString()).toBe('isi');
  });

  it('sends a message object and counts every recipient against the quota', () => {
    const { MailApp, control } = setup();
    MailApp.sendEmail({
      to: 'a@example.com, b@example.com',
      cc: 'c@example.com',
      bcc: 'd@example.com',
      subject: 'S',
      body: 'B',
      noReply: true,
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
    expect(control.outbox[0].from).toMatch(/noreply/);
  });

  it('throws the daily-quota exception and resets 24 hours after the first send, not at midnight', () => {
    const { MailApp, ctx, control } = setup(2);
    MailApp.sendEmail('a@example.com', 's', 'b'); // 09:00 WITA: the window opens
    ctx.clock.set('2026-01-05T15:00:00+08:00');
    MailApp.sendEmail('b@example.com', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('c@example.com', 's', 'b')).toThrow(QUOTA_EXCEEDED);
    ctx.clock.set('2026-01-06T07:30:00+08:00'); // a new calendar day, but the window is still open
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('c@example.com', 's', 'b')).toThrow(QUOTA_EXCEEDED);
    expect(control.resetsAt()).toBe(Date.parse('2026-01-06T09:00:00+08:00'));
    ctx.clock.set('2026-01-06T09:00:00+08:00');
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    MailApp.sendEmail('c@example.com', 's', 'b'); // a new window opens here
    expect(control.resetsAt()).toBe(Date.parse('2026-01-07T09:00:00+08:00'));
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it('refuses invalid addresses, missing recipients, too many recipients and oversize messages', () => {
    const { MailApp, control, Utilities } = setup();
    expect(() => MailApp.sendEmail('bukan-email', 's', 'b')).toThrow('Exception: Invalid email: bukan-email');
    expect(() => MailApp.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow(
      'Exception: Failed to send email: no recipient',
    );
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
    expect(() => MailApp.sendEmail(many, 's', 'b')).toThrow(/Recipients Per Message/);
    const big = Utilities.newBlob(new Array<number>(26 * 1024 * 1024).fill(0), 'application/pdf', 'big.pdf');
    expect(() => MailApp.sendEmail('a@example.com', 's', 'b', { attachments: [big] })).toThrow(/Attachments Size/);
    expect(control.outbox).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('accepts "Name <address>" and counts calls as mail', () => {
    const { MailApp, control, ctx } = setup();
    MailApp.sendEmail('Ibu Ayu <ayu@example.com>', 's', 'b');
    expect(control.outbox[0].to).toBe('ayu@example.com');
    expect(ctx.calls.all().find((r) => r.name === 'MailApp.sendEmail')?.kind).toBe('mail');
    control.clear();
    expect(control.outbox).toHaveLength(0);
  });
});
