import { formatMoney, formatNumber } from '../format.ts';

/** A count as the plain explanation reads it (the stored result of an election, reduced). */
export interface CountToExplain {
  budget: number;
  ballots: number;
  /** The rule that counted ('mes', 'greedy', 'greedy-no-skip', 'phragmen'). */
  rule: string;
  projects: readonly { code: string; title: string; cost: number }[];
  votes: Readonly<Record<string, number>>;
  selected: readonly string[];
  /** Method of Equal Shares: each funded project and what its supporters paid (rationals, as stored). */
  rounds: readonly { project: string; payments: readonly { amount: string }[] }[];
  greedySelected: readonly string[];
  belowThreshold: readonly string[];
  /** Ballots give points (cumulative): a project's tally is points, not voters. */
  points?: boolean;
  /** The currency of the amounts (IDR unless given; an imported vote's may be another). */
  currency?: string;
  /** Equal Shares: how it was completed, and the share per voter the kept outcome was counted with (as stored: an integer with Add1). */
  completion?: 'none' | 'add1' | 'add1-greedy';
  endowment?: string;
  /** Each kecamatan's voters shared their kecamatan's part of the budget (not one equal share for all). */
  districtCorrected?: boolean;
}

const rationalValue = (q: string) => {
  const [n, d = '1'] = q.split('/');
  return Number(n) / Number(d);
};

const words = {
  id: {
    mes: 'Anggaran {budget} dibagi sama rata kepada {ballots} pemilih: masing-masing memegang {share}. {rule}',
    mesAdd1:
      'Anggaran {budget} dibagi sama rata kepada {ballots} pemilih: masing-masing memegang {base}. Karena bagian sebesar itu belum tentu menghabiskan anggaran, bagian setiap pemilih dinaikkan sedikit demi sedikit selama proyek yang terpilih masih muat dalam anggaran (pelengkap Add1): hasil ini dihitung dengan bagian {share} per pemilih. {rule}',
    mesDistrict:
      'Anggaran {budget} dibagi antarkecamatan menurut bagian yang ditetapkan, lalu sama rata di antara pemilih tiap kecamatan ({ballots} pemilih). {rule}',
    mesRule:
      'Sebuah proyek terpilih bila para pemilih yang mendukungnya bersama-sama masih dapat membayar biayanya dari bagian mereka; proyek yang paling ringan bagi tiap pendukungnya dipilih lebih dahulu (Metode Equal Shares).',
    filled: 'Sisa anggaran lalu diisi dengan proyek bersuara terbanyak yang masih muat.',
    greedy:
      'Proyek diurutkan dari suara terbanyak dan dipilih satu per satu selama sisa anggaran {budget} masih cukup.',
    'greedy-no-skip':
      'Proyek diurutkan dari suara terbanyak dan dipilih satu per satu; penghitungan berhenti pada proyek pertama yang tidak tertampung sisa anggaran {budget}.',
    phragmen:
      'Metode Phragmén: setiap pemilih mengumpulkan bagian anggaran yang sama sedikit demi sedikit; sebuah proyek terpilih begitu bagian para pendukungnya cukup untuk membayar biayanya.',
    paid: '{n}. {title}: {support}; biayanya {cost} ditanggung para pendukungnya, paling banyak {rho} per orang.',
    chosen: '{n}. {title}: {votes}, biaya {cost}.',
    popularMes:
      '{title} mendapat {votes}, lebih banyak dari {other} ({otherVotes}) yang terpilih, tetapi biayanya {cost}: bagian anggaran para pendukungnya tidak cukup lagi untuk membayarnya, sehingga anggaran dipakai untuk proyek yang didukung kelompok pemilih lain.',
    popularGreedy:
      '{title} mendapat {votes}, tetapi biayanya {cost} melebihi sisa anggaran saat gilirannya tiba.',
    morePopular:
      'Demikian pula {count} proyek lain yang mendapat lebih dari {otherVotes} tetapi tidak terpilih: {list}.',
    listed: '{title} ({votes}, {cost})',
    votes: '{n} suara',
    points: '{n} poin',
    supporters: 'didukung {n} pemilih',
    pointsGot: 'mendapat {n} poin',
    threshold: '{title} tidak mencapai ambang suara minimal, sehingga tidak ikut dihitung.',
    spent: 'Terpakai {spent} dari {budget}.',
    greedyDiffers: 'Bila hanya suara terbanyak yang dihitung, yang terpilih adalah: {titles}.',
    none: 'tidak ada',
  },
  en: {
    mes: 'The budget of {budget} is shared equally among {ballots} voters: each holds {share}. {rule}',
    mesAdd1:
      "The budget of {budget} is shared equally among {ballots} voters: each holds {base}. As shares of that size need not spend the budget, every voter's share is raised little by little while the projects chosen still fit the budget (the Add1 completion): this result was counted with a share of {share} per voter. {rule}",
    mesDistrict:
      "The budget of {budget} is divided among the kecamatan by the parts set for them, then equally among each kecamatan's voters ({ballots} voters). {rule}",
    mesRule:
      'A project is chosen when the voters who support it can still pay its cost together from their shares; the project that costs each of its supporters least is chosen first (Method of Equal Shares).',
    filled:
      'What was left of the budget was then filled with the projects with the most votes that still fit.',
    greedy:
      'Projects are ranked by votes and chosen one by one while the remaining budget of {budget} allows.',
    'greedy-no-skip':
      'Projects are ranked by votes and chosen one by one; the count stops at the first project the remaining budget of {budget} cannot fund.',
    phragmen:
      "Phragmén's method: every voter earns an equal share of the budget little by little; a project is chosen as soon as its supporters' shares can pay its cost.",
    paid: '{n}. {title}: {support}; its cost of {cost} is paid by its supporters, at most {rho} each.',
    chosen: '{n}. {title}: {votes}, cost {cost}.',
    popularMes:
      "{title} received {votes}, more than {other} ({otherVotes}) which was chosen, but it costs {cost}: its supporters' remaining shares could no longer pay for it, so the budget went to projects supported by other groups of voters.",
    popularGreedy:
      '{title} received {votes}, but its cost of {cost} exceeded what was left when its turn came.',
    morePopular: 'So too {count} other projects with more than {otherVotes} that were not chosen: {list}.',
    listed: '{title} ({votes}, {cost})',
    votes: '{n} votes',
    points: '{n} points',
    supporters: 'supported by {n} voters',
    pointsGot: 'received {n} points',
    threshold: '{title} did not reach the minimum number of votes, so it was not counted.',
    spent: 'Spent {spent} of {budget}.',
    greedyDiffers: 'Counting only the most votes, the chosen projects would be: {titles}.',
    none: 'none',
  },
} as const;

/** How many passed-over projects are each explained in a sentence of their own. */
const IN_FULL = 3;

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/**
 * A count said in plain words for citizens (issue 20): how the rule shares the budget, why each
 * chosen project was chosen, why a popular project was not, and what counting by votes alone
 * would have chosen. Every figure comes from the stored result; nothing is recomputed.
 */
export function explainCount(c: CountToExplain, lang: 'id' | 'en' = 'id'): string[] {
  const w = words[lang];
  // Money is written the Indonesian way in both languages, as everywhere in Sinergi, in its own currency.
  const rp = (n: number) => formatMoney(n, c.currency ?? 'IDR');
  const byCode = new Map(c.projects.map((p) => [p.code, p]));
  const title = (code: string) => byCode.get(code)?.title ?? code;
  const votes = (code: string) => c.votes[code] ?? 0;
  // A tally said with its unit: 720 suara, or 1.234 poin on cumulative ballots.
  const tally = (n: number) => fill(c.points ? w.points : w.votes, { n: formatNumber(n) });
  const lines: string[] = [];
  const add1 = c.rule === 'mes' && (c.completion === 'add1' || c.completion === 'add1-greedy');
  const intro =
    c.rule === 'mes'
      ? c.districtCorrected
        ? w.mesDistrict
        : add1 && c.endowment
          ? w.mesAdd1
          : w.mes
      : (w[c.rule as 'greedy' | 'greedy-no-skip' | 'phragmen'] ?? w.greedy);
  lines.push(
    fill(intro, {
      budget: rp(c.budget),
      ballots: formatNumber(c.ballots),
      // Add1 starts from the whole rupiah below B / n (completion.ts) and keeps the share it reached.
      base: rp(c.ballots ? Math.floor(c.budget / c.ballots) : 0),
      share: rp(add1 && c.endowment ? rationalValue(c.endowment) : c.ballots ? c.budget / c.ballots : 0),
      rule: w.mesRule,
    }),
  );
  // The most any supporter paid for a project: its payments are stored per group of voters.
  const rho = new Map(
    c.rounds.map((r) => [r.project, Math.max(0, ...r.payments.map((p) => rationalValue(p.amount)))]),
  );
  c.selected.forEach((code, i) => {
    const cost = byCode.get(code)?.cost ?? 0;
    const paid = rho.get(code);
    lines.push(
      fill(c.rule === 'mes' && paid !== undefined ? w.paid : w.chosen, {
        n: i + 1,
        title: title(code),
        votes: tally(votes(code)),
        support: fill(c.points ? w.pointsGot : w.supporters, { n: formatNumber(votes(code)) }),
        cost: rp(cost),
        rho: rp(paid ?? 0),
      }),
    );
  });
  const chosen = new Set(c.selected);
  const below = new Set(c.belowThreshold);
  const leastChosen = [...c.selected].sort((a, b) => votes(a) - votes(b))[0];
  // Projects with more votes than the least-voted chosen one: the first few each get the reason in
  // full, the rest one line (Wieliczka 2023 has 30 of them, the same sentence 30 times).
  const passedOver = leastChosen
    ? [...c.projects]
        .sort((a, b) => votes(b.code) - votes(a.code))
        .filter((p) => !chosen.has(p.code) && !below.has(p.code) && votes(p.code) > votes(leastChosen))
    : [];
  for (const p of passedOver.slice(0, IN_FULL))
    lines.push(
      fill(c.rule === 'mes' ? w.popularMes : w.popularGreedy, {
        title: p.title,
        votes: tally(votes(p.code)),
        other: title(leastChosen!),
        otherVotes: tally(votes(leastChosen!)),
        cost: rp(p.cost),
      }),
    );
  const rest = passedOver.slice(IN_FULL);
  if (rest.length)
    lines.push(
      fill(w.morePopular, {
        count: formatNumber(rest.length),
        otherVotes: tally(votes(leastChosen!)),
        list: rest
          .map((p) => fill(w.listed, { title: p.title, votes: tally(votes(p.code)), cost: rp(p.cost) }))
          .join('; '),
      }),
    );
  if (c.rule === 'mes' && c.completion === 'add1-greedy' && c.selected.some((code) => !rho.has(code)))
    lines.push(w.filled);
  for (const code of c.belowThreshold) lines.push(fill(w.threshold, { title: title(code) }));
  const spent = c.selected.reduce((s, code) => s + (byCode.get(code)?.cost ?? 0), 0);
  lines.push(fill(w.spent, { spent: rp(spent), budget: rp(c.budget) }));
  const same =
    c.greedySelected.length === c.selected.length && c.greedySelected.every((code) => chosen.has(code));
  if (c.rule !== 'greedy' && !same)
    lines.push(fill(w.greedyDiffers, { titles: c.greedySelected.map(title).join(', ') || w.none }));
  return lines;
}
