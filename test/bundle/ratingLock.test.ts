// A forged rating link is refused before the lock: anonymous callers never hold what staff and the form need.
// The rating page calls the web app, which runs as its owner (office.web).
import { beforeEach, describe, expect, it } from 'vitest';
import { openOffice, type Office } from './office';
import { PUBLIC } from '../../src/messages/public';
import { STATUS_URL, person, ratingLinkFor, setSetting, walkIn } from './publicHelpers';

type Rated = { ok: boolean; message: string };

let office: Office;
beforeEach(() => {
  office = openOffice();
  setSetting(office, 'url_halaman_status', STATUS_URL);
});

describe('rating link checked before the lock', () => {
  it('a forged token is refused at once even while another execution holds the lock, and never waits for it', () => {
    const p = person(31);
    const reg = walkIn(office, p, true);
    const genuine = ratingLinkFor(office, p.email).searchParams.get('t')!;
    const forged = genuine.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));

    office.emu.lock.holdBy('staff');
    const before = office.emu.clock.now();
    const refused = office.web<Rated>('submitRating', {
      regNumber: reg,
      token: forged,
      score: 5,
      resolved: true,
    });
    expect(refused).toEqual({ ok: false, message: PUBLIC.linkInvalid, errors: {} });
    expect(office.emu.clock.now() - before).toBeLessThan(1000); // no lock wait (a wait costs its whole timeout)

    // The genuine link does need the lock (it writes), and is told to try again while it is busy.
    const busy = office.web<Rated>('submitRating', {
      regNumber: reg,
      token: genuine,
      score: 5,
      resolved: true,
    });
    expect(busy.ok).toBe(false);
    office.emu.lock.release();
    expect(office.web<Rated>('submitRating', { regNumber: reg, token: genuine, score: 5, resolved: true }).ok).toBe(
      true,
    );
  });
});
