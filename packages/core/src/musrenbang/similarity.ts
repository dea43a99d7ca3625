/**
 * Similarity of two proposal titles, 0..1: the Dice coefficient of their character trigrams after
 * folding case, punctuation and the most common filler words of Musrenbang titles. "Perbaikan
 * jalan dusun Krajan RT 02" and "perbaikan jln dusun krajan" score high; unrelated titles near 0.
 */
const filler = new Set(['dan', 'di', 'ke', 'untuk', 'yang', 'pada', 'rt', 'rw', 'desa', 'dusun', 'kegiatan']);
const abbreviations: Record<string, string> = {
  jln: 'jalan',
  jl: 'jalan',
  pemb: 'pembangunan',
  rehab: 'rehabilitasi',
};

export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !filler.has(w) && !/^\d+$/.test(w))
    .map((w) => abbreviations[w] ?? w)
    .join(' ');
}

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of text.split(' ')) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const g = padded.slice(i, i + 3);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

export function titleSimilarity(a: string, b: string): number {
  const ta = trigrams(normaliseTitle(a));
  const tb = trigrams(normaliseTitle(b));
  let common = 0;
  let total = 0;
  for (const [g, n] of ta) {
    common += Math.min(n, tb.get(g) ?? 0);
    total += n;
  }
  for (const n of tb.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

/** Titles at least this similar (in the same desa) are flagged as possible duplicates. */
export const DUPLICATE_THRESHOLD = 0.6;

export function possibleDuplicates<T extends { title: string }>(
  title: string,
  candidates: readonly T[],
  threshold = DUPLICATE_THRESHOLD,
): (T & { similarity: number })[] {
  return candidates
    .map((c) => ({ ...c, similarity: titleSimilarity(title, c.title) }))
    .filter((c) => c.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity);
}
