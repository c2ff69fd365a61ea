// The words Dumas stores in the register and reads back: what a person reads in a cell and may type or pick
// from a list. Each is declared once here as a literal type, and every use elsewhere is checked against it by
// the compiler (test/architecture/text.test.ts allows this file for that reason). Renaming one is a data
// migration of every register, not a text edit; labels that are only shown live in src/messages/.

export type Channel = 'Surat' | 'Tatap Muka' | 'Formulir Online';
export type Privacy = 'biasa' | 'anonim' | 'rahasia';
export type Status =
  | 'Diterima'
  | 'Diagendakan'
  | 'Menunggu Disposisi'
  | 'Didisposisikan'
  | 'Ditindaklanjuti'
  | 'Konsep Jawaban'
  | 'Menunggu Tanda Tangan'
  | 'Selesai'
  | 'Dialihkan';
export type Priority = 'Biasa' | 'Segera' | 'Penting';
export type DeliveryMethod = 'email' | 'pos' | 'langsung';
export type DeadlineKind = 'normal' | 'khusus';
