// The daily deadline digest (to the Ketua Tim and to each unit) and the monthly-report notice, as text + HTML.
import { escapeHtml, escapeMultiline } from '../lib/html';
import type { WatchCategory } from '../domain/sla';
import type { EmailContent } from './emails';

export const CATEGORY_TITLES: Record<WatchCategory, (nextDay: string) => string> = {
  overdue: () => 'Terlambat (melewati batas waktu)',
  dueToday: () => 'Jatuh tempo hari ini',
  dueNext: (nextDay) => `Jatuh tempo hari kerja berikutnya (${nextDay})`,
  specialEnding: () => 'Kasus khusus (batas 1 bulan) segera berakhir',
};

export const NO_UNIT_LABEL = '(Belum didisposisikan ke unit)';

export const DIGEST_TEXT = {
  late: (n: number) => `terlambat ${n} hari kerja`,
  today: 'jatuh tempo hari ini',
  next: 'jatuh tempo hari kerja berikutnya',
  left: (n: number) => `sisa ${n} hari kerja`,
  signature: 'Dumas — Pengaduan Masyarakat\nEmail ini dikirim otomatis setiap hari kerja.',
  specialCase: ' (kasus khusus)',
  /** Who and what the daily run's audit line names. */
  actor: 'Dumas (otomatis)',
  auditAction: 'Ringkasan harian',
  /** The daily run's line in the audit log: what was sent, and what waits for the next run. */
  runSummary: (sent: string, deferred: string) => `Terkirim: ${sent}. Ditunda: ${deferred}.`,
  deferred: (key: string, reason: string, since: string) => `${key} (${reason}, sejak ${since})`,
} as const;

/** One complaint in the digest; every value is already redacted for the recipients. */
export interface DigestLine {
  category: WatchCategory;
  regNumber: string;
  link: string;
  subject: string;
  complainant: string;
  status: string;
  deadline: string;
  note: string;
  /** The channel (Surat, SP4N-LAPOR!…) and the category of the Kategori sheet ('' when none). */
  channel: string;
  topic: string;
}

/** "Kanal: Surat · Kategori: Koperasi" (the category only when there is one). */
export function channelAndTopic(l: Pick<DigestLine, 'channel' | 'topic'>): string {
  return l.topic === '' ? `Kanal: ${l.channel}` : `Kanal: ${l.channel} · Kategori: ${l.topic}`;
}

/** The mix of the listed complaints: "Menurut kanal: Surat 3, SP4N-LAPOR! 1. Menurut kategori: Koperasi 2, (tanpa kategori) 2." */
export function mixText(
  byChannel: readonly { key: string; count: number }[],
  byTopic: readonly { key: string; count: number }[],
): string {
  const list = (rows: readonly { key: string; count: number }[]) =>
    rows
      .filter((r) => r.count > 0)
      .map((r) => `${r.key === '' ? '(tanpa kategori)' : r.key} ${r.count}`)
      .join(', ');
  const channels = list(byChannel);
  const topics = list(byTopic);
  return channels === '' ? '' : `Menurut kanal: ${channels}. Menurut kategori: ${topics}.`;
}

/** The step a complaint waits on, as the digest names it. */
export const STEP_WAITING: Record<string, string> = {
  agenda: 'agenda Sekretaris Tim',
  disposition: 'disposisi Kepala Dinas',
  followUp: 'tindak lanjut unit',
  draft: 'konsep jawaban diajukan untuk tanda tangan',
  signature: 'tanda tangan Kepala Dinas',
  delivery: 'pengiriman jawaban',
};

export const FORECAST_TEXT = {
  title: 'Akan terlambat (perkiraan menurut tahapan)',
  explain:
    'Perkiraan dari lama setiap tahapan yang biasa (median hari kerja di Log Audit, per unit): tahapan yang tersisa memerlukan lebih banyak hari kerja daripada sisa waktu.',
  line: (step: string, needed: string, left: number) =>
    `menunggu ${step}; perlu sekitar ${needed} hari kerja lagi, sisa ${left} hari kerja`,
  bottleneck: (count: number, step: string, days: number) =>
    `Hambatan utama: ${count} pengaduan menunggu ${step} lebih dari ${days} hari kerja.`,
} as const;

/** One "akan terlambat" line; values already redacted, personal data in the text already stripped. */
export interface ForecastLine {
  regNumber: string;
  link: string;
  subject: string;
  unit: string;
  status: string;
  deadline: string;
  note: string;
}

export interface DigestGroup {
  unit: string;
  lines: DigestLine[];
}

export interface DigestView {
  /** 'leader': every unit; 'unit': one unit's own complaints. */
  audience: 'leader' | 'unit';
  unit?: string;
  day: string;
  nextDay: string;
  counts: Record<WatchCategory, number>;
  groups: DigestGroup[];
  registerUrl: string;
  /** Set when this digest replaces one held back on an earlier day (quota or time limit). */
  deferredFrom?: string;
  /** Complaints counted but not listed (the list is capped to keep the email readable and under Gmail's size limit). */
  omitted: number;
  /** The listed complaints by channel and by category ('' when none is listed). */
  mix?: string;
  /** The forecast by step: complaints that will be late at the usual pace, and the bottleneck sentence ('' for none). */
  forecast?: { lines: ForecastLine[]; bottleneck: string };
  /** The deadline rule's figures (domain/deadline.ts), as the intro states them. */
  workingDays: number;
  specialMonths: number;
  /** Leader only: complaints never closed whose identity the retention purge removes soon (number, link, day). */
  retention?: RetentionLine[];
}

export interface RetentionLine {
  regNumber: string;
  link: string;
  due: string;
}

export const RETENTION_NOTICE = {
  title: 'Belum selesai dan akan dihapus data pribadinya (masa simpan)',
  explain:
    'Pengaduan ini tidak pernah diselesaikan dan tidak ada kegiatan selama masa simpan data pribadi. Pada tanggal yang disebut, nama, NIK, telepon, email, dan alamat pengadu dihapus (isi dan status tetap). Selesaikan atau tindak lanjuti bila masih ditangani.',
  line: (due: string) => `data pribadi dihapus ${due}`,
  count: (n: number) => `${n} akan dihapus data pribadinya`,
} as const;

function retentionText(v: DigestView): string[] {
  const lines = v.retention ?? [];
  if (lines.length === 0) return [];
  const out = [`== ${RETENTION_NOTICE.title} ==`, RETENTION_NOTICE.explain];
  for (const l of lines) out.push(`- ${l.regNumber} | ${RETENTION_NOTICE.line(l.due)}`, `  ${l.link}`);
  return [...out, ''];
}

function retentionHtml(v: DigestView): string {
  const lines = v.retention ?? [];
  if (lines.length === 0) return '';
  const rows = lines
    .map(
      (l) =>
        `<tr><td style="${TD}"><a href="${escapeHtml(l.link)}">${escapeHtml(l.regNumber)}</a></td>` +
        `<td style="${TD}">${escapeHtml(RETENTION_NOTICE.line(l.due))}</td></tr>`,
    )
    .join('');
  return (
    `<h3 style="margin:16px 0 4px;color:#c5221f">${escapeHtml(RETENTION_NOTICE.title)}</h3>` +
    `<p style="color:#5f6368">${escapeHtml(RETENTION_NOTICE.explain)}</p>` +
    `<table style="border-collapse:collapse;font-size:13px">${rows}</table>`
  );
}

export interface ReportLinks {
  month: string;
  docUrl: string;
  pdfUrl: string;
  sheetUrl: string;
}

function summary(v: DigestView): string {
  const parts: string[] = [];
  const soon = v.forecast?.lines.length ?? 0;
  if (v.counts.overdue) parts.push(`${v.counts.overdue} terlambat`);
  if (v.counts.dueToday) parts.push(`${v.counts.dueToday} jatuh tempo hari ini`);
  if (v.counts.dueNext) parts.push(`${v.counts.dueNext} jatuh tempo ${v.nextDay}`);
  if (v.counts.specialEnding) parts.push(`${v.counts.specialEnding} kasus khusus segera berakhir`);
  if (soon) parts.push(`${soon} akan terlambat`);
  if (v.retention?.length) parts.push(RETENTION_NOTICE.count(v.retention.length));
  return parts.join(', ');
}

export function isAllClear(v: DigestView): boolean {
  return (
    v.groups.every((g) => g.lines.length === 0) &&
    (v.forecast?.lines.length ?? 0) === 0 &&
    (v.retention?.length ?? 0) === 0
  );
}

function forecastText(v: DigestView): string[] {
  const f = v.forecast;
  if (!f || (f.lines.length === 0 && f.bottleneck === '')) return [];
  const out = [`== ${FORECAST_TEXT.title} ==`, FORECAST_TEXT.explain];
  for (const l of f.lines) {
    out.push(
      `- ${l.regNumber} | ${l.subject} | ${l.unit} | Status: ${l.status} | Batas waktu: ${l.deadline} | ${l.note}`,
    );
    out.push(`  ${l.link}`);
  }
  if (f.bottleneck !== '') out.push(f.bottleneck);
  return [...out, ''];
}

function forecastHtml(v: DigestView): string {
  const f = v.forecast;
  if (!f || (f.lines.length === 0 && f.bottleneck === '')) return '';
  const rows = f.lines
    .map(
      (l) =>
        '<tr>' +
        `<td style="${TD}"><a href="${escapeHtml(l.link)}">${escapeHtml(l.regNumber)}</a></td>` +
        [l.subject, l.unit, l.status, l.deadline, l.note]
          .map((x) => `<td style="${TD}">${escapeMultiline(x)}</td>`)
          .join('') +
        '</tr>',
    )
    .join('');
  return (
    `<h3 style="margin:16px 0 4px;color:#b06000">${escapeHtml(FORECAST_TEXT.title)}</h3>` +
    `<p style="color:#5f6368">${escapeHtml(FORECAST_TEXT.explain)}</p>` +
    (rows ? `<table style="border-collapse:collapse;font-size:13px">${rows}</table>` : '') +
    (f.bottleneck !== '' ? `<p><strong>${escapeHtml(f.bottleneck)}</strong></p>` : '')
  );
}

function subjectOf(v: DigestView): string {
  const who = v.audience === 'unit' && v.unit ? ` ${v.unit}:` : '';
  if (isAllClear(v)) return `[Dumas]${who} Tidak ada pengaduan mendesak — ${v.day}`;
  return `[Dumas]${who} Pengingat batas waktu ${v.day} — ${summary(v)}`;
}

function intro(v: DigestView): string[] {
  const greeting =
    v.audience === 'leader' ? 'Yth. Ketua Tim Pengaduan,' : `Yth. Tim Pengaduan ${v.unit ?? ''},`.replace(' ,', ',');
  const lines = [greeting];
  if (v.deferredFrom)
    lines.push(
      `Ringkasan ini menyusul ringkasan tanggal ${v.deferredFrom} yang tertunda (kuota email atau batas waktu eksekusi); isinya keadaan terbaru hari ini.`,
    );
  if (isAllClear(v))
    lines.push(`Per ${v.day} tidak ada pengaduan yang terlambat atau jatuh tempo dalam satu hari kerja.`);
  else {
    const scope = v.audience === 'leader' ? 'seluruh unit' : 'unit Anda';
    lines.push(
      `Pengaduan ${scope} yang perlu perhatian per ${v.day}: ${summary(v)}. Batas waktu penyelesaian ${v.workingDays} hari kerja (SOP), kasus khusus ${v.specialMonths} bulan.`,
    );
    if (v.mix) lines.push(v.mix);
  }
  return lines;
}

function outro(v: DigestView): string[] {
  const more =
    v.omitted > 0
      ? [`Dan ${v.omitted} pengaduan lain yang kurang mendesak tidak dicantumkan; lihat register (kolom Tenggat).`]
      : [];
  return [...more, `Buka register: ${v.registerUrl}`];
}

const CATEGORY_ORDER: readonly WatchCategory[] = ['overdue', 'dueToday', 'dueNext', 'specialEnding'];

function textBody(v: DigestView): string {
  const out: string[] = [...intro(v), ''];
  for (const g of v.groups) {
    if (g.lines.length === 0) continue;
    out.push(`== ${g.unit} ==`);
    for (const cat of CATEGORY_ORDER) {
      const lines = g.lines.filter((l) => l.category === cat);
      if (lines.length === 0) continue;
      out.push(`${CATEGORY_TITLES[cat](v.nextDay)}:`);
      for (const l of lines) {
        out.push(
          `- ${l.regNumber} | ${l.subject} | Pengadu: ${l.complainant} | ${channelAndTopic(l)} | Status: ${l.status} | Batas waktu: ${l.deadline} | ${l.note}`,
        );
        out.push(`  ${l.link}`);
      }
    }
    out.push('');
  }
  out.push(...forecastText(v));
  out.push(...retentionText(v));
  out.push(...outro(v), '', DIGEST_TEXT.signature);
  return out.join('\n');
}

const TD = 'padding:4px 8px;border-bottom:1px solid #e0e0e0;vertical-align:top';

function htmlBody(v: DigestView): string {
  const parts: string[] = ['<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124">'];
  for (const p of intro(v)) parts.push(`<p>${escapeMultiline(p)}</p>`);
  for (const g of v.groups) {
    if (g.lines.length === 0) continue;
    parts.push(`<h3 style="margin:16px 0 4px">${escapeHtml(g.unit)}</h3>`);
    parts.push('<table style="border-collapse:collapse;font-size:13px">');
    parts.push(
      `<tr style="background:#f1f3f4">${['No. Registrasi', 'Perihal', 'Pengadu', 'Kanal / Kategori', 'Status', 'Batas Waktu', 'Keterangan'].map((h) => `<th style="${TD};text-align:left">${h}</th>`).join('')}</tr>`,
    );
    for (const cat of CATEGORY_ORDER) {
      const lines = g.lines.filter((l) => l.category === cat);
      if (lines.length === 0) continue;
      const color = cat === 'overdue' ? '#c5221f' : cat === 'specialEnding' ? '#1a73e8' : '#b06000';
      parts.push(
        `<tr><td colspan="7" style="${TD};font-weight:bold;color:${color}">${escapeHtml(CATEGORY_TITLES[cat](v.nextDay))}</td></tr>`,
      );
      for (const l of lines) {
        parts.push(
          '<tr>' +
            `<td style="${TD}"><a href="${escapeHtml(l.link)}">${escapeHtml(l.regNumber)}</a></td>` +
            [l.subject, l.complainant, channelAndTopic(l), l.status, l.deadline, l.note]
              .map((x) => `<td style="${TD}">${escapeMultiline(x)}</td>`)
              .join('') +
            '</tr>',
        );
      }
    }
    parts.push('</table>');
  }
  parts.push(forecastHtml(v));
  parts.push(retentionHtml(v));
  for (const p of outro(v)) parts.push(`<p>${escapeMultiline(p)}</p>`);
  parts.push(`<p style="color:#5f6368">${escapeMultiline(DIGEST_TEXT.signature)}</p></div>`);
  return parts.join('');
}

export function digestEmail(v: DigestView): EmailContent {
  return { subject: subjectOf(v), body: textBody(v), htmlBody: htmlBody(v) };
}

/** To the Kepala Dinas when the monthly recap is ready (aggregates only: no identity). */
export function reportNoticeEmail(links: ReportLinks, agencyName: string): EmailContent {
  const lines = [
    'Yth. Kepala Dinas,',
    `Rekap pengaduan masyarakat bulan ${links.month} telah dibuat otomatis oleh Dumas untuk pelaporan berkala (Perpres 76/2013).`,
    `Google Dokumen: ${links.docUrl}`,
    `PDF siap cetak: ${links.pdfUrl}`,
    `Sheet Laporan (dengan grafik): ${links.sheetUrl}`,
  ];
  const signature = `Dumas — ${agencyName}`;
  return {
    subject: `[Dumas] Rekap pengaduan bulan ${links.month}`,
    body: [...lines, '', signature].join('\n'),
    htmlBody:
      '<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124">' +
      lines.map((p) => `<p>${escapeMultiline(p)}</p>`).join('') +
      `<p style="color:#5f6368">${escapeHtml(signature)}</p></div>`,
  };
}
