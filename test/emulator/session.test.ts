// Tests for the emulated Session: users, time zone, locale, temporary key.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createSession } from './session';

describe('Session', () => {
  it('reports the active and effective user, time zone and locale', () => {
    const ctx = new EmuContext({ user: 'admin@dinas.example.go.id' });
    const { global: Session, control } = createSession(ctx);
    expect(Session.getActiveUser().getEmail()).toBe('admin@dinas.example.go.id');
    expect(Session.getEffectiveUser().getEmail()).toBe('admin@dinas.example.go.id');
    expect(Session.getScriptTimeZone()).toBe('Asia/Makassar');
    expect(Session.getActiveUserLocale()).toBe('id');
    control.setUser('staf@dinas.example.go.id');
    expect(Session.getActiveUser().getEmail()).toBe('staf@dinas.example.go.id');
    expect(ctx.users.effective).toBe('staf@dinas.example.go.id');
  });

  it('can hide the active user e-mail as consumer accounts do, without changing who runs', () => {
    const ctx = new EmuContext({ user: 'owner@gmail.com' });
    const { global: Session, control } = createSession(ctx);
    control.setActiveUserEmail('');
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@gmail.com');
  });

  it('gives a stable temporary key per user that is not the e-mail', () => {
    const ctx = new EmuContext({ user: 'a@example.com' });
    const { global: Session, control } = createSession(ctx);
    const k1 = Session.getTemporaryActiveUserKey();
    expect(k1).toBe(Session.getTemporaryActiveUserKey());
    expect(k1).not.toContain('a@example.com');
    control.setUser('b@example.com');
    expect(Session.getTemporaryActiveUserKey()).not.toBe(k1);
  });
});
