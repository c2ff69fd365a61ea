// The "Buka Kembali" picker: open requests first (oldest first), then Selesai complaints of the last 90 days, nothing else.
import { describe, expect, it } from 'vitest';
import { reopenCandidates, REOPEN_WINDOW_DAYS } from '../../src/app/reopenCandidates';
import type { Complaint, Status } from '../../src/domain/complaint';
import type { Rating } from '../../src/domain/rating';
import { instantAt } from '../../src/domain/time';
import type { StoredComplaint } from '../../src/ports';
import { makeComplaint, settle } from '../bundle/registerSeed';

const TODAY = '2027-03-31';

function stored(list: Complaint[]): StoredComplaint[] {
  return list.map((complaint, i) => ({ row: i + 2, complaint, responseId: '' }));
}

function rating(c: Complaint, day: string, resolved: boolean, round = c.reopenCount): Rating {
  return {
    at: instantAt(day, 10),
    regNumber: c.regNumber,
    unit: c.unit,
    round,
    score: resolved ? 5 : 2,
    resolved,
    comment: '',
  };
}

describe('reopenCandidates', () => {
  const closed = (day: string, extra: Partial<Complaint> = {}, status: Status = 'Selesai') =>
    settle(makeComplaint({ unit: 'Bidang Koperasi', ...extra }), instantAt(day, 14), status);
  const c = {
    recentA: closed('2027-03-30'),
    recentB: closed('2027-02-01'),
    edge: closed('2026-12-31'), // exactly 90 days before 31 Mar 2027
    old: closed('2026-12-30'),
    oldAsked: closed('2026-06-01'), // closed long ago but the complainant asked: listed all the same
    recentAsked: closed('2027-03-15'),
    answered: closed('2027-03-20'), // rated "resolved": an ordinary recent closing
    reopenedSince: closed('2027-03-10', { reopenCount: 1 }), // the request was about the first closing: done with
    forwarded: closed('2027-03-29', {}, 'Dialihkan'),
    open: makeComplaint({ status: 'Ditindaklanjuti' }),
  };
  const ratings = [
    rating(c.recentAsked, '2027-03-16', false),
    rating(c.oldAsked, '2026-06-03', false),
    rating(c.answered, '2027-03-21', true),
    rating(c.reopenedSince, '2027-03-01', false, 0),
    rating(c.open, '2027-03-01', false, 0),
  ];
  const all = stored(Object.values(c));

  it('lists the requests first, oldest request first, then the last 90 days of closings, latest first', () => {
    const list = reopenCandidates(all, ratings, TODAY);
    expect(list.map((x) => x.stored.complaint.regNumber)).toEqual(
      [c.oldAsked, c.recentAsked, c.recentA, c.answered, c.reopenedSince, c.recentB, c.edge].map((x) => x.regNumber),
    );
    expect(list.slice(0, 2).map((x) => x.request?.score)).toEqual([2, 2]);
    expect(list.slice(2).every((x) => x.request === null)).toBe(true);
    expect(list.map((x) => x.stored.row)).toContain(all.find((s) => s.complaint === c.edge)?.row);
  });

  it('is bounded by the window whatever the size of the register', () => {
    const many = stored(Array.from({ length: 500 }, (_, i) => closed(i % 10 === 0 ? '2027-03-01' : '2025-01-15')));
    const list = reopenCandidates(many, [], TODAY);
    expect(list).toHaveLength(50);
    expect(reopenCandidates(many, [], TODAY, 1000)).toHaveLength(500);
    expect(REOPEN_WINDOW_DAYS).toBe(90);
  });
});
