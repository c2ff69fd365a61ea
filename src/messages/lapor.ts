// SP4N-LAPOR! (the national complaint system): refusals of a tracking ID or forwarding date, the text to post back.

export const LAPOR_TEXT = {
  idEmpty: 'Nomor Tracking ID LAPOR! wajib diisi.',
  idFormat: (min: number, max: number) =>
    `Nomor Tracking ID LAPOR! harus ${min}–${max} angka (boleh diawali "#" atau berupa tautan lapor.go.id), mis. #1916449.`,
  idTaken: (id: string, regNumber: string) =>
    `Laporan LAPOR! #${id} sudah tercatat sebagai ${regNumber}. Buka pengaduan itu; laporan yang sama tidak dicatat dua kali.`,
  forwardedEmpty: 'Tanggal diteruskan oleh LAPOR! wajib diisi (format TTTT-BB-HH).',
  forwardedFormat: 'Tanggal diteruskan oleh LAPOR! tidak valid (format TTTT-BB-HH).',
  forwardedFuture: 'Tanggal diteruskan oleh LAPOR! tidak boleh sesudah hari ini.',
  forwardedTooOld: (days: number) =>
    `Tanggal diteruskan oleh LAPOR! lebih dari ${days} hari yang lalu; periksa kembali tanggalnya di LAPOR!.`,
  notLapor: 'Pengaduan ini tidak berasal dari SP4N-LAPOR!.',
  noAnswer: 'Belum ada jawaban unit untuk disampaikan ke LAPOR!.',
  notAnswerable: (status: string) =>
    `Jawaban baru dapat disampaikan ke LAPOR! setelah unit menyusun konsep jawaban (status sekarang: ${status}).`,
  alreadyPosted: (when: string, who: string) => `Jawaban sudah dicatat disampaikan ke LAPOR! pada ${when} oleh ${who}.`,
  postedNote: (id: string) => `Jawaban disampaikan ke SP4N-LAPOR! (laporan #${id})`,
  auditAction: 'Jawaban disampaikan ke LAPOR!',
  recorded: (regNumber: string, id: string) =>
    `Penyampaian jawaban ${regNumber} ke LAPOR! (#${id}) dicatat. Pengaduan selesai.`,
} as const;

/** The follow-up typed into LAPOR!'s "Tindak Lanjut" box: plain text, no identity, no personal data. */
export const LAPOR_POST_TEXT = {
  greeting: 'Yth. Pelapor,',
  intro: (agency: string, id: string, regNumber: string) =>
    `Terima kasih atas laporan Anda (#${id}). Laporan telah dicatat oleh ${agency} dengan nomor registrasi ${regNumber} dan ditindaklanjuti oleh unit terkait.`,
  answerHeading: 'Tindak lanjut:',
  letter: (letterNumber: string, day: string) => `Surat jawaban nomor ${letterNumber} tanggal ${day}.`,
  status: (url: string) => `Perkembangan dapat dilihat di ${url}.`,
  closing: (agency: string) => `Hormat kami,\n${agency}`,
} as const;
