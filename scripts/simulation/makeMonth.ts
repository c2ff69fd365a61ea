// Generates scenarios/kantor-desember-2026.json: a realistic December 2026 of the office, deterministic (seeded).
// `node --import tsx scripts/simulation/makeMonth.ts` rewrites the file; the JSON is committed and documented.
import { writeFileSync } from 'node:fs';
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import { normalDeadline } from '../../src/domain/deadline';
import { instantAt, type DayKey } from '../../src/domain/time';
import { prng } from '../../test/bundle/registerSeed';
import type { Scenario, ScenarioEvent } from './scenario';

const cal = new WorkingCalendar(DEFAULT_HOLIDAYS);
const DOMAIN = 'diskopumkm.tabanankab.go.id';
const P = {
  admin: `admin@${DOMAIN}`,
  cs: `cs@${DOMAIN}`,
  sekretaris: `sekretaris@${DOMAIN}`,
  ketua: `ketua@${DOMAIN}`,
  kadis: `kadis@${DOMAIN}`,
};
const UNITS: { name: string; member: string }[] = [
  { name: 'Sekretariat', member: `anggota.sekretariat@${DOMAIN}` },
  { name: 'Bidang Koperasi', member: `anggota.koperasi@${DOMAIN}` },
  { name: 'Bidang Usaha Kecil dan Menengah', member: `anggota.ukm@${DOMAIN}` },
  { name: 'Bidang Pengawasan dan Pemeriksaan Koperasi', member: `anggota.pengawasan@${DOMAIN}` },
];
const TEAM: string[][] = [
  [P.cs, 'Ni Luh Putu Sari', 'Petugas CS', '', '199001012015032001', 'Penata Muda / III.a', 'Petugas Pelayanan', 'Ya'],
  [
    P.sekretaris,
    'I Made Wirawan',
    'Sekretaris Tim',
    'Sekretariat',
    '198805052010011002',
    'Penata / III.c',
    'Kasubbag Umum dan Kepegawaian',
    'Ya',
  ],
  [
    P.ketua,
    'I Gusti Ayu Rai Suryani, S.E.',
    'Ketua Tim',
    'Sekretariat',
    '197902022005012003',
    'Pembina / IV.a',
    'Sekretaris Dinas',
    'Ya',
  ],
  [
    P.kadis,
    'Drs. I Wayan Sudiarta, M.Si.',
    'Kepala Dinas',
    '',
    '196912121994031005',
    'Pembina Utama Muda / IV.c',
    'Kepala Dinas',
    'Ya',
  ],
  [
    UNITS[0].member,
    'Putu Eka Wahyuni',
    'Anggota Tim',
    UNITS[0].name,
    '199305052019032007',
    'Penata Muda / III.a',
    'Analis Kepegawaian',
    'Ya',
  ],
  [
    UNITS[1].member,
    'Kadek Dwi Antari',
    'Anggota Tim',
    UNITS[1].name,
    '199203032018012004',
    'Penata Muda Tk. I / III.b',
    'Analis Koperasi',
    'Ya',
  ],
  [
    UNITS[2].member,
    'Komang Adi Putra',
    'Anggota Tim',
    UNITS[2].name,
    '199104042019031006',
    'Penata Muda / III.a',
    'Analis UMKM',
    'Ya',
  ],
  [
    UNITS[3].member,
    'Gede Arya Pramana',
    'Anggota Tim',
    UNITS[3].name,
    '198911112014031002',
    'Penata / III.c',
    'Pengawas Koperasi',
    'Ya',
  ],
];

const rnd = prng(20261201); // seeded, so the month is the same on every machine
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const FIRST = [
  'Ni Made',
  'I Wayan',
  'Ni Ketut',
  'I Nyoman',
  'Ni Putu',
  'I Gede',
  'Ni Kadek',
  'I Komang',
  'Luh',
  'Dewa Ayu',
];
const LAST = [
  'Sukerti',
  'Artawan',
  'Lestari',
  'Suardana',
  'Wulandari',
  'Mahendra',
  'Astuti',
  'Wirata',
  'Purnami',
  'Sudarma',
];
const TOPICS: [string, string, number][] = [
  [
    'Pendampingan koperasi belum ditindaklanjuti',
    'Sudah dua bulan permohonan pendampingan koperasi kami belum mendapat jawaban.',
    1,
  ],
  [
    'Pencairan dana bergulir terlambat',
    'Dana bergulir untuk usaha kami belum cair padahal berkas sudah lengkap sejak Oktober.',
    2,
  ],
  [
    'Pelatihan UMKM tidak jadi dilaksanakan',
    'Pelatihan pengemasan produk yang dijanjikan dibatalkan tanpa pemberitahuan.',
    2,
  ],
  [
    'Rapat anggota tahunan koperasi tidak pernah diadakan',
    'Pengurus koperasi simpan pinjam di desa kami tidak mengadakan RAT selama tiga tahun.',
    3,
  ],
  ['Pelayanan di kantor lambat', 'Saya menunggu lebih dari dua jam untuk konsultasi izin usaha.', 0],
  [
    'Bunga pinjaman koperasi terlalu tinggi',
    'Koperasi menarik bunga 5% per bulan dan denda yang tidak ada dalam perjanjian.',
    3,
  ],
  [
    'Bantuan peralatan usaha tidak tepat sasaran',
    'Bantuan peralatan diterima oleh orang yang tidak memiliki usaha.',
    2,
  ],
  ['Sertifikat badan hukum koperasi belum terbit', 'Pengesahan badan hukum koperasi kami tertahan lama.', 1],
];
let nikSeq = 1;
function nik(): string {
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  const year = String(60 + Math.floor(rnd() * 40));
  return `510201${day}${month}${year}${String(nikSeq++).padStart(4, '0')}`;
}
const phone = () => `08${pick(['12', '13', '21', '57', '78'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;

const CONSENT = [
  'Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.',
];
const PRIVACY_CHOICE = {
  biasa: 'biasa — identitas saya dapat dilihat petugas yang menangani',
  anonim: 'anonim — identitas saya hanya diketahui Tim Pengaduan',
  rahasia: 'rahasia — identitas dan isi pengaduan hanya untuk Tim Pengaduan dan unit yang menangani',
} as const;

const at = (day: DayKey, hour: number, minute = 0): string => {
  const iso = instantAt(day, hour, minute).toISOString();
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().replace('Z', '+08:00').replace('.000', '');
};
const later = (day: DayKey, n: number): DayKey => cal.addWorkingDays(day, n);
const LAST_DAY: DayKey = '2026-12-31';
/** From this day the Kepala Dinas signs with the approval mark ("tanda persetujuan") instead of a scan. */
const MARK_FROM: DayKey = '2026-12-15';

interface Plan {
  kind: 'form' | 'form-missed' | 'letter' | 'walkin-spot' | 'walkin-agreed';
  day: DayKey;
  hour: number;
  privacy: 'biasa' | 'anonim' | 'rahasia';
  withEmail: boolean;
  /** Working days the office takes at each step: 0 fast … larger = slow (late). */
  pace: number;
  stopAfter?: string; // leave the complaint at this stage
  special?: boolean;
  forward?: boolean;
  returnOnce?: boolean;
}

// 66 complaints over the working days of 30 Nov – 23 Dec, a few on 28–31 Dec that stay open.
const days: DayKey[] = [];
for (let d: DayKey = '2026-11-30'; d <= '2026-12-31'; d = cal.nextWorkingDay(d)) days.push(d);
const plans: Plan[] = [];
for (let i = 0; i < 66; i++) {
  const day = days[Math.min(days.length - 1, Math.floor((i / 66) * days.length))];
  const r = rnd();
  const kind: Plan['kind'] =
    i === 17
      ? 'form-missed'
      : i === 9 || i === 14
        ? 'letter'
        : r < 0.4
          ? 'form'
          : r < 0.72
            ? 'letter'
            : r < 0.86
              ? 'walkin-spot'
              : 'walkin-agreed';
  plans.push({
    kind,
    day,
    hour: kind === 'form' && rnd() < 0.25 ? 19 : 9 + Math.floor(rnd() * 6), // some online complaints arrive after hours
    privacy: i % 11 === 5 ? 'anonim' : i % 13 === 7 ? 'rahasia' : 'biasa',
    withEmail: kind === 'form' ? rnd() < 0.8 : rnd() < 0.4,
    pace: rnd() < 0.2 ? 3 : rnd() < 0.5 ? 1 : 0,
    special: i === 9,
    forward: i === 14,
    returnOnce: i === 4 || i === 30,
  });
}
// The last few complaints stop at each open stage, so the register shows every status at the end.
const OPEN_STAGES = ['registered', 'agenda', 'forwardToHead', 'dispose', 'followUp', 'draft', 'submit'];
plans
  .slice(-12)
  .filter((p) => p.kind === 'form' || p.kind === 'letter')
  .forEach((p, j) => (p.stopAfter = OPEN_STAGES[j % OPEN_STAGES.length]));

// The helpers staff expect, on complaints the month already has (so no number moves): one letter is an SP4N-LAPOR!
// report instead (posted back to LAPOR! once the unit has answered), one complaint repeats an earlier complainant's
// matter and is closed as its duplicate at agenda, another is linked to it as related. Categories come with the topic.
const plain = (p: Plan) => !p.stopAfter && !p.special && !p.forward && !p.returnOnce;
const LAPOR_INDEX = plans.findIndex((p, i) => i >= 20 && p.kind === 'letter' && plain(p));
const DUP_INDEX = plans.findIndex(
  (p, i) => i >= 40 && i !== LAPOR_INDEX && (p.kind === 'letter' || p.kind === 'form') && plain(p),
);
const ORIGINAL_INDEX = DUP_INDEX - 3;
const RELATED_INDEX = plans.findIndex(
  (p, i) => i > DUP_INDEX && (p.kind === 'letter' || p.kind === 'form') && plain(p),
);
/** Each topic's unit (TOPICS' third value) and the category of the Kategori sheet's examples that suggests it. */
const CATEGORY_OF_UNIT = ['Pelayanan Dinas', 'Koperasi', 'UMKM', 'Pengawasan Koperasi'];
const sameAs = new Map<
  number,
  { who: { name: string; email: string }; nik: string; phone: string; topic: [string, string, number] }
>();

type Timed = ScenarioEvent & { order: number };
const events: Timed[] = [];
let order = 0;
const push = (e: ScenarioEvent) => events.push({ ...e, order: order++ });
const v = (reg: string) => ({ $version: reg });

function person(): { name: string; email: string } {
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  return { name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com` };
}

// Registration numbers follow the moment each complaint enters the register (a missed form: the next daily run).
const registration = plans.map((p, index) => {
  const moment = p.kind === 'form-missed' ? at(cal.nextWorkingDay(p.day), 7) : at(p.day, p.hour, 5 + (index % 50));
  return { index, moment };
});
registration.sort((a, b) => (a.moment < b.moment ? -1 : a.moment > b.moment ? 1 : a.index - b.index));
const regOf = new Map(registration.map((r, i) => [r.index, `DUMAS-2026-${String(i + 1).padStart(4, '0')}`]));

plans.forEach((p, index) => {
  const reg = regOf.get(index) as string;
  let who = person();
  let topic = pick(TOPICS);
  const copied = index === DUP_INDEX ? sameAs.get(ORIGINAL_INDEX) : undefined;
  if (copied) ({ who, topic } = copied);
  const [subject, description, unitIndex] = topic;
  const unit = UNITS[unitIndex];
  const time = at(p.day, p.hour, 5 + (index % 50));
  const receivedAt = new Date(time);
  const deadline = normalDeadline(receivedAt, cal);
  const answers = {
    'Nama Lengkap': who.name,
    NIK: index === 23 ? '51020199' : nik(), // one typo: registered anyway, flagged for verification
    Alamat: `Br. ${pick(['Dangin Peken', 'Delod Rurung', 'Kediri', 'Sanggulan'])}, Tabanan`,
    'Nomor HP/WhatsApp': phone(),
    Email: p.withEmail ? who.email : '',
    Perihal: subject,
    'Uraian Pengaduan': description,
    'Kerahasiaan Identitas': PRIVACY_CHOICE[p.privacy],
    'Persetujuan Data Pribadi': CONSENT,
    // Every third online complainant picks the category the form offers.
    ...(index % 3 === 0 ? { 'Kategori Pengaduan': CATEGORY_OF_UNIT[unitIndex] } : {}),
  };
  if (copied) {
    answers.NIK = copied.nik;
    answers['Nomor HP/WhatsApp'] = copied.phone;
  }
  if (index === ORIGINAL_INDEX)
    sameAs.set(index, { who, nik: answers.NIK, phone: answers['Nomor HP/WhatsApp'], topic });
  const lapor = index === LAPOR_INDEX;
  if (p.kind === 'form' || p.kind === 'form-missed') {
    push({ at: time, type: p.kind, answers, note: reg });
  } else {
    const walkIn = p.kind !== 'letter';
    const agreed = later(p.day, 2 + (p.pace > 1 ? 1 : 0));
    push({
      at: time,
      type: 'call',
      as: P.cs,
      fn: 'recordComplaint',
      note: reg,
      args: [
        {
          channel: walkIn ? 'Tatap Muka' : lapor ? 'SP4N-LAPOR!' : 'Surat',
          ...(lapor ? { laporId: '10293847', laporForwardedOn: cal.workingDayOnOrBefore(later(p.day, -1)) } : {}),
          name: who.name,
          nik: answers.NIK,
          phone: answers['Nomor HP/WhatsApp'],
          email: answers.Email,
          address: answers.Alamat,
          subject,
          description,
          privacy: p.privacy,
          ktpSeen: !lapor,
          letterPresent: !walkIn && !lapor,
          ...(p.kind === 'walkin-spot'
            ? { unit: unit.name, outcome: 'onSpot', answer: `Dijelaskan langsung oleh ${unit.name}.` }
            : {}),
          ...(p.kind === 'walkin-agreed'
            ? { unit: unit.name, outcome: 'agreed', agreedDate: agreed <= deadline ? agreed : deadline }
            : {}),
        },
      ],
    });
    // LAPOR! forwards the same report twice now and then: the Sekretaris tries to record it again and is refused.
    if (lapor)
      push({
        at: at(p.day, p.hour, 20 + (index % 30)),
        type: 'call',
        as: P.sekretaris,
        fn: 'recordComplaint',
        expect: 'refused',
        note: `${reg} the same LAPOR! report again`,
        args: [
          {
            channel: 'SP4N-LAPOR!',
            name: who.name,
            subject,
            description,
            laporId: '#10293847',
            laporForwardedOn: p.day,
          },
        ],
      });
    // The walk-in leaves with the receipt on WhatsApp too: CS sends it from the receipt panel and confirms.
    if (walkIn)
      push({
        at: at(p.day, p.hour, 6 + (index % 50)),
        type: 'call',
        as: P.cs,
        fn: 'confirmWhatsAppSent',
        note: reg,
        args: [{ regNumber: reg, kind: 'receipt', recipient: '' }],
      });
    if (p.kind === 'walkin-spot') return;
    if (p.kind === 'walkin-agreed') {
      // The unit answers by the agreed date, or (slow pace) a day after it: late.
      const answerDay =
        p.pace > 1 ? later(agreed <= deadline ? agreed : deadline, 1) : agreed <= deadline ? agreed : deadline;
      if (answerDay > LAST_DAY) return;
      push({
        at: at(answerDay, 14),
        type: 'call',
        as: unit.member,
        fn: 'runWorkflowAction',
        args: [
          {
            sidebar: 'tindakLanjut',
            regNumber: reg,
            version: v(reg),
            action: 'closeWithAnswer',
            input: { answer: 'Sudah dijelaskan dan disepakati bersama pengadu.' },
          },
        ],
      });
      return;
    }
  }
  if (p.stopAfter === 'registered') return;
  // Letter path (letters and the online form). Each step lands on a working day; `pace` adds days.
  let day = p.kind === 'form-missed' ? cal.nextWorkingDay(p.day) : p.hour >= 16 ? cal.nextWorkingDay(p.day) : p.day;
  const step = (n: number) => (day = later(day, n + (p.pace > 1 ? 1 : 0)));
  const steps: [string, number, number, string, string, unknown][] = [];
  const wf = (sidebar: string, action: string, input: Record<string, string>) => ({
    sidebar,
    regNumber: reg,
    version: v(reg),
    action,
    input,
  });
  const letter = (action: string, extra: Record<string, unknown> = {}) => ({
    regNumber: reg,
    version: v(reg),
    action,
    ...extra,
  });
  steps.push([
    'agenda',
    0,
    15,
    P.sekretaris,
    'runWorkflowAction',
    wf('agenda', 'agenda', {
      agendaNumber: `SM-2026-${String(index + 101).padStart(4, '0')}`,
      agendaDate: day,
      category: CATEGORY_OF_UNIT[unitIndex],
    }),
  ]);
  if (index === DUP_INDEX || index === RELATED_INDEX) {
    const original = regOf.get(ORIGINAL_INDEX) as string;
    steps.push(
      index === DUP_INDEX
        ? [
            'duplicate',
            0,
            15,
            P.sekretaris,
            'runWorkflowAction',
            wf('agenda', 'markDuplicate', { duplicateOf: original }),
          ]
        : ['related', 0, 15, P.sekretaris, 'runWorkflowAction', wf('agenda', 'linkRelated', { relatedTo: original })],
    );
  }
  if (index !== DUP_INDEX)
    steps.push(['forwardToHead', 0, 15, P.sekretaris, 'runWorkflowAction', wf('agenda', 'forwardToHead', {})]);
  if (index === DUP_INDEX) {
    // closed by reference to the original at agenda: nothing further
  } else if (p.forward) {
    steps.push([
      'forward',
      1,
      10,
      P.ketua,
      'runWorkflowAction',
      wf('alihkan', 'forward', {
        forwardedTo: 'Dinas Perindustrian dan Perdagangan Kabupaten Tabanan',
        forwardNote: 'Perizinan toko modern adalah kewenangan Disperindag.',
      }),
    ]);
  } else {
    steps.push([
      'dispose',
      1,
      11,
      P.kadis,
      'runWorkflowAction',
      wf('disposisi', 'dispose', {
        unit: unit.name,
        instruction: 'Mohon ditindaklanjuti dan disiapkan konsep jawaban.',
        priority: p.pace > 1 ? 'Biasa' : 'Segera',
      }),
    ]);
    if (p.special) {
      steps.push([
        'extend',
        0,
        14,
        P.ketua,
        'runWorkflowAction',
        wf('perpanjangan', 'extend', {
          extOfficial: `Kepala ${unit.name}`,
          extReason: 'Mengikuti diklat kepemimpinan di Denpasar selama dua minggu.',
          extFrom: later(day, 1),
          extUntil: later(day, 10),
        }),
      ]);
    }
    steps.push([
      'followUp',
      p.special ? 9 : 1,
      9,
      unit.member,
      'runWorkflowAction',
      // Every other unit writes its note from a canned reply ("Templat Jawaban"), filled for the complaint.
      wf('tindakLanjut', 'followUp', {
        note:
          index % 2 === 0
            ? ({ $template: [reg, 'Sudah ditindaklanjuti'] } as unknown as string)
            : 'Pengadu sudah dihubungi; berkas sedang diperiksa.',
      }),
    ]);
    steps.push([
      'draft',
      p.pace,
      10,
      unit.member,
      'runLetterAction',
      letter('draft', {
        answer: `Menindaklanjuti pengaduan Saudara, ${unit.name} telah memeriksa pokok pengaduan.\nHasilnya akan kami sampaikan sesuai ketentuan yang berlaku.`,
      }),
    ]);
    if (lapor) {
      // The liaison admin pastes the unit's answer into LAPOR! and records it: the report is settled.
      steps.push(['postToLapor', 0, 14, P.cs, 'runWorkflowAction', wf('lapor', 'postToLapor', {})]);
    } else steps.push(['submit', 0, 11, unit.member, 'runLetterAction', letter('submit')]);
    if (!lapor && p.returnOnce) {
      steps.push([
        'return',
        0,
        15,
        P.kadis,
        'runLetterAction',
        letter('returnToUnit', { note: 'Mohon sebutkan dasar hukumnya.' }),
      ]);
      steps.push([
        'redraft',
        1,
        9,
        unit.member,
        'runLetterAction',
        letter('draft', {
          answer: `Berdasarkan Permenkop UKM No. 8 Tahun 2023, ${unit.name} telah memeriksa pokok pengaduan Saudara.\nHasilnya akan kami sampaikan sesuai ketentuan.`,
        }),
      ]);
      steps.push(['resubmit', 0, 10, unit.member, 'runLetterAction', letter('submit')]);
    }
    // A LAPOR! report is answered in LAPOR!: no letter to sign, scan or deliver.
    if (!lapor) {
      steps.push(['sign', 0, 15, P.kadis, 'runLetterAction', letter('sign')]);
      // Until the Kepala Dinas switches to the approval mark, the signed scan is uploaded before the letter leaves;
      // now and then someone tries to send it first and is refused.
      if (index % 9 === 2)
        steps.push([
          'tryUnsigned',
          0,
          15,
          P.sekretaris,
          'runLetterAction',
          letter('deliver', { method: 'pos', handedOverDate: '' }),
        ]);
      steps.push([
        'upload',
        0,
        16,
        P.sekretaris,
        'runLetterAction',
        letter('upload', { fileBase64: { $signedScan: reg } }),
      ]);
      steps.push([
        'deliver',
        1,
        9,
        P.sekretaris,
        'runLetterAction',
        letter('deliver', p.withEmail ? { method: 'email' } : { method: 'pos', handedOverDate: '' }),
      ]);
    }
  }
  let signedOn: DayKey = LAST_DAY;
  for (const [name, gap, hour, as, fn, arg] of steps) {
    step(gap);
    if (day > LAST_DAY) return;
    if (name === 'sign') signedOn = day;
    if ((name === 'upload' || name === 'tryUnsigned') && signedOn >= MARK_FROM) continue;
    const handOver = (name === 'deliver' && !p.withEmail) || name === 'tryUnsigned';
    const payload = handOver ? { ...(arg as object), handedOverDate: day } : arg;
    const expect = name === 'tryUnsigned' ? { expect: 'refused' as const } : {};
    push({ at: at(day, hour, index % 50), type: 'call', as, fn, args: [payload], note: `${reg} ${name}`, ...expect });
    if (p.stopAfter === name) return;
  }
});

// A refused attempt and a settings change, as happens in any office.
push({
  at: at('2026-12-02', 10, 30),
  type: 'call',
  as: P.cs,
  fn: 'runWorkflowAction',
  expect: 'refused',
  note: 'CS may not dispose',
  args: [
    {
      sidebar: 'disposisi',
      regNumber: 'DUMAS-2026-0001',
      version: v('DUMAS-2026-0001'),
      action: 'dispose',
      input: { unit: 'Sekretariat', instruction: 'x' },
    },
  ],
});
push({
  at: at('2026-11-30', 7, 40),
  type: 'setting',
  key: 'url_halaman_status',
  value: 'https://script.google.com/macros/s/AKfycbDumasTabanan/exec',
  note: 'the web app (status and letter verification pages) is deployed',
});
push({
  at: at(MARK_FROM, 7, 45),
  type: 'setting',
  key: 'cara_tanda_tangan',
  value: 'tanda persetujuan',
  note: 'the Kepala Dinas chooses the approval mark printed at approval instead of uploaded scans',
});
push({
  at: at('2026-12-14', 8),
  type: 'setting',
  key: 'kirim_email_aman',
  value: 'Ya',
  note: 'the leader asks for a daily all-clear too',
});

events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
const scenario: Scenario = {
  name: 'Desember 2026 di Dinas Koperasi dan UKM Tabanan',
  start: '2026-11-30T07:30:00+08:00',
  end: '2027-01-05T08:00:00+08:00',
  admin: P.admin,
  team: TEAM,
  events: events.map(({ order, ...e }) => e),
};
writeFileSync('scenarios/kantor-desember-2026.json', JSON.stringify(scenario, null, 1) + '\n');
console.log(`scenarios/kantor-desember-2026.json: ${plans.length} complaints, ${scenario.events.length} events`);
