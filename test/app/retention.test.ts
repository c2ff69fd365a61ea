// The purge's leftovers (fakes for the ports): written before the register, kept until each part is done, retried.
import { describe, expect, it } from 'vitest';
import {
  purgePersonalData,
  type FormResponsesPort,
  type LetterFilesPort,
  type PurgeDeps,
  type PurgeJournalPort,
  type PurgeTask,
} from '../../src/app/retention';
import type { AuditEntry, StoredComplaint } from '../../src/ports';
import { instantAt } from '../../src/domain/time';
import { complaintIn } from '../domain/fixtures';

class MemoryJournal implements PurgeJournalPort {
  readonly tasks = new Map<string, PurgeTask>();
  add(tasks: readonly PurgeTask[]): void {
    for (const t of tasks) this.tasks.set(t.regNumber, t);
  }
  all(): PurgeTask[] {
    return [...this.tasks.values()];
  }
  done(regNumber: string): void {
    this.tasks.delete(regNumber);
  }
}

function setup(failForm: number, failLetters: number) {
  const closed = {
    ...complaintIn('Selesai', 'Surat'),
    regNumber: 'DUMAS-2026-0001',
    replyDocUrl: 'https://docs.google.com/document/d/doc_1/edit',
  };
  let rows: StoredComplaint[] = [{ row: 2, complaint: closed, responseId: 'resp_1' }];
  const journal = new MemoryJournal();
  const responses = new Set(['resp_1']);
  const order: string[] = [];
  const forms: FormResponsesPort = {
    deleteResponses(ids) {
      order.push('forms');
      if (failForm-- > 0) return { gone: ids.filter((id) => !responses.has(id)), deleted: 0 };
      for (const id of ids) responses.delete(id);
      return { gone: [...ids], deleted: ids.length };
    },
  };
  const letterFiles: LetterFilesPort = {
    trashFiles() {
      order.push('letters');
      if (failLetters-- > 0) throw new Error('Access denied: DriveApp.');
      return 2;
    },
  };
  const audit: AuditEntry[] = [];
  const deps = (at: string): PurgeDeps => ({
    now: instantAt(at, 7),
    retentionYears: 2,
    store: {
      loadAll: () => rows,
      writePurged: (purged) => {
        order.push('register');
        rows = rows.map((r) => purged.find((p) => p.row === r.row) ?? r);
      },
    },
    audit: {
      append: (e) => {
        order.push('audit');
        audit.push(...e);
      },
    },
    lock: { withLock: (fn) => fn() },
    forms,
    journal: {
      add: (t) => {
        order.push('journal');
        journal.add(t);
      },
      all: () => journal.all(),
      done: (r) => journal.done(r),
    },
    letterFiles,
    auditScrub: { scrub: () => (order.push('scrub'), 0) },
  });
  return { deps, journal, responses, order, rows: () => rows, audit };
}

describe('purge leftovers', () => {
  it('records the task before the register write, and drops it once the answer and the files are gone', () => {
    const t = setup(0, 0);
    const out = purgePersonalData(t.deps('2028-11-06'), 'sistem', '');
    expect(t.order).toEqual(['journal', 'scrub', 'audit', 'register', 'forms', 'letters']);
    expect(out).toMatchObject({ formResponsesDeleted: 1, letterFilesTrashed: 2, pending: 0, errors: [] });
    expect(t.rows()[0].complaint.name).toBe('');
    expect(t.journal.all()).toEqual([]);
  });

  it('a failed deletion or a Drive refusal keeps the task; later runs retry it until done, nothing purged twice', () => {
    const t = setup(1, 1);
    const first = purgePersonalData(t.deps('2028-11-06'), 'sistem', '');
    expect(first.pending).toBe(1);
    expect(first.errors.join(' ')).toContain('not deleted yet');
    expect(t.journal.all()[0]).toEqual({
      regNumber: 'DUMAS-2026-0001',
      responseId: 'resp_1',
      letterDocId: 'doc_1',
      days: ['2026-11-05'],
    });
    const second = purgePersonalData(t.deps('2028-11-07'), 'sistem', '');
    expect(second.plan.items).toEqual([]); // the register is already purged
    expect(second.formResponsesDeleted).toBe(1);
    expect(second.pending).toBe(0);
    expect(t.responses.size).toBe(0);
    expect(t.audit.filter((e) => e.action === 'Hapus Data Pribadi')).toHaveLength(1);
  });
});
