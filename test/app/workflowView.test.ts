// Sidebar views: monitoring order, history masking, direct-edit records and the role-aware menu entries.
import { describe, expect, it } from 'vitest';
import { compareForMonitoring, historyView, listItem, type ViewContext } from '../../src/app/workflowView';
import { directEditRecords } from '../../src/gas/directEditRecords';
import { REGISTER_WIDTH, columnOf } from '../../src/gas/registerColumns';
import { workflowEntries } from '../../src/ui/menu';
import { ROLES } from '../../src/domain/roles';
import { instantAt } from '../../src/domain/time';
import { NOW, actors, cal, complaintIn } from '../domain/fixtures';

const vc: ViewContext = { now: NOW, calendar: cal, units: [], rowUrl: (r) => `u#range=A${r}` };

describe('monitoring order', () => {
  it('puts the overdue first (most late first), then by deadline, settled last', () => {
    const mk = (reg: string, deadline: string, closed = false) =>
      listItem(
        { ...complaintIn(closed ? 'Selesai' : 'Didisposisikan'), regNumber: reg, deadline },
        2,
        actors.KETUA,
        vc,
      );
    const items = [
      mk('A', '2026-11-20'),
      mk('B', '2026-11-03'),
      mk('C', '2026-11-05'),
      mk('D', '2026-10-20'),
      mk('E', '2026-11-01', true),
      mk('F', '2026-11-06'),
    ].sort(compareForMonitoring);
    expect(items.map((i) => [i.regNumber, i.state])).toEqual([
      ['D', 'overdue'],
      ['B', 'overdue'],
      ['C', 'due_today'],
      ['F', 'due_next_working_day'],
      ['A', 'open_on_track'],
      ['E', 'settled_late'],
    ]);
    expect(items[0].url).toBe('u#range=A2');
  });
});

describe('historyView', () => {
  const entries = [
    {
      at: instantAt('2026-11-05', 11),
      actor: 'b@x',
      role: 'ANGGOTA',
      action: 'followUp',
      regNumber: 'R',
      before: '{"followUpNotes":""}',
      after: '{"followUpNotes":"Kunjungan ke Budi"}',
      note: 'Kunjungan ke Budi',
    },
    {
      at: instantAt('2026-11-05', 9),
      actor: 'a@x',
      role: 'KEPALA_DINAS',
      action: 'Disposisi',
      regNumber: 'R',
      before: '{"unit":""}',
      after: '{"unit":"Bidang UMKM","disposedAt":"2026-11-05T09:00:00+08:00"}',
      note: '',
    },
  ];

  it('is oldest first with labels, readable dates and role names', () => {
    const h = historyView(entries, complaintIn('Ditindaklanjuti'), actors.KETUA);
    expect(h.map((e) => [e.actor, e.role, e.action])).toEqual([
      ['a@x', 'Kepala Dinas', 'Disposisi'],
      ['b@x', 'Anggota Tim', 'Catat tindak lanjut'],
    ]);
    expect(h[0].changes).toEqual([
      { field: 'unit', label: 'Bidang/Sekretariat', before: '—', after: 'Bidang UMKM' },
      { field: 'disposedAt', label: 'DisposedAt', before: '—', after: '5 November 2026 pukul 09.00 WITA' },
    ]);
  });

  it('hides the content of a rahasia complaint from another unit, in changes and in notes', () => {
    const c = { ...complaintIn('Ditindaklanjuti'), privacy: 'rahasia' as const };
    const other = { ...actors.ANGGOTA, unit: 'Sekretariat' };
    const h = historyView(entries, c, other);
    expect(JSON.stringify(h)).not.toContain('Budi');
    expect(h[1].note).toBe('(dirahasiakan)');
    expect(JSON.stringify(historyView(entries, c, actors.ANGGOTA))).toContain('Budi');
  });
});

describe('directEditRecords', () => {
  const row = (reg: string, version: number): unknown[] => {
    const r: unknown[] = Array.from({ length: REGISTER_WIDTH }, () => '');
    r[0] = reg;
    r[columnOf('version') - 1] = version;
    r[columnOf('status') - 1] = 'Selesai';
    return r;
  };

  it('records one entry per row, bumps only rows with a number, and sums up a huge paste', () => {
    const status = columnOf('status');
    const one = directEditRecords({
      firstRow: 5,
      columns: [status],
      rows: [row('R1', 4)],
      oldValue: 'Didisposisikan',
      editor: 'e@x',
      role: 'CS',
      now: NOW,
    });
    expect(one.entries).toEqual([
      expect.objectContaining({
        regNumber: 'R1',
        before: '{"status":"Didisposisikan"}',
        after: '{"status":"Selesai"}',
        action: 'Suntingan langsung di sheet',
      }),
    ]);
    expect(one.bumps).toEqual([{ row: 5, values: [5, NOW, 'e@x'] }]);
    const many = directEditRecords({
      firstRow: 2,
      columns: [status],
      rows: Array.from({ length: 250 }, (_, i) => row(i % 2 ? `R${i}` : '', 1)),
      editor: '',
      role: '',
      now: NOW,
    });
    expect(many.entries).toHaveLength(1);
    expect(many.entries[0].note).toContain('250 baris');
    expect(many.bumps).toHaveLength(125);
  });
});

describe('workflowEntries (menu)', () => {
  it('offers each role exactly the sidebars it may use', () => {
    const byRole = Object.fromEntries(
      ROLES.map((r) => [r, workflowEntries(r).map((e) => (e === 'separator' ? '-' : e.functionName))]),
    );
    expect(byRole).toEqual({
      CS: ['showLaporSidebar', 'showRiwayatSidebar'],
      SEKRETARIS: ['showAgendaSidebar', 'showLaporSidebar', 'showRiwayatSidebar'],
      KETUA: [
        'showAgendaSidebar',
        'showTindakLanjutSidebar',
        'showPerpanjanganSidebar',
        'showAlihkanSidebar',
        'showBukaKembaliSidebar',
        'showLepasDataPribadiSidebar',
        'showPemantauanSidebar',
        'showRiwayatSidebar',
      ],
      KEPALA_DINAS: ['showDisposisiSidebar', 'showPerpanjanganSidebar', 'showPemantauanSidebar', 'showRiwayatSidebar'],
      ANGGOTA: ['showTindakLanjutSidebar', 'showRiwayatSidebar'],
      ADMIN: ['showRiwayatSidebar'],
    });
  });
});
