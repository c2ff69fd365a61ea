// Numbers as a formal Indonesian text writes them: "5 (lima)".

const WORDS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
] as const;

/** Terbilang of 0–99: "lima", "dua belas", "dua puluh satu". */
export function numberWord(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < WORDS.length) return WORDS[n];
  if (n < 20) return `${WORDS[n - 10]} belas`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 1 ? 'sepuluh' : `${WORDS[tens]} puluh`;
  return ones === 0 ? head : `${head} ${WORDS[ones]}`;
}

/** "5 (lima)" */
export function countWords(n: number): string {
  return `${n} (${numberWord(n)})`;
}
