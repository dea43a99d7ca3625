/**
 * Poverty and inequality as BPS publishes them (domain facts, poverty-inequality.md). The unit is
 * the person: a household record counts once per member, times its survey weight. Money is
 * per-capita monthly expenditure in rupiah.
 */
export interface HouseholdRecord {
  id: string;
  expenditurePerCapita: number;
  size: number;
  weight: number;
  region?: string | undefined;
}

/** People a record stands for. */
const people = (r: HouseholdRecord) => r.size * r.weight;

/**
 * Foster–Greer–Thorbecke P0, P1, P2 for poverty line z, multiplied by 100 as BPS publishes them:
 * P_alpha = (1/N) sum over poor people of ((z - y) / z)^alpha.
 */
export function fgt(records: readonly HouseholdRecord[], z: number) {
  let n = 0;
  const p = [0, 0, 0];
  for (const r of records) {
    const w = people(r);
    n += w;
    if (r.expenditurePerCapita < z) {
      const gap = (z - r.expenditurePerCapita) / z;
      p[0]! += w;
      p[1]! += w * gap;
      p[2]! += w * gap * gap;
    }
  }
  const f = (x: number) => (n > 0 ? (100 * x) / n : 0);
  return { p0: f(p[0]!), p1: f(p[1]!), p2: f(p[2]!) };
}

/**
 * The Gini ratio as BPS computes it: GR = 1 - sum over classes of fp_i (Fc_i + Fc_{i-1}), classes
 * sorted by expenditure, fp the population share and Fc the cumulative expenditure share. With one
 * class per record this is the weighted Gini (ties in any order give the same value).
 */
export function gini(records: readonly HouseholdRecord[]): number {
  const sorted = [...records].sort((a, b) => a.expenditurePerCapita - b.expenditurePerCapita);
  const pop = sorted.reduce((s, r) => s + people(r), 0);
  const total = sorted.reduce((s, r) => s + people(r) * r.expenditurePerCapita, 0);
  if (pop <= 0 || total <= 0) return 0;
  let before = 0;
  let sum = 0;
  for (const r of sorted) {
    const after = before + (people(r) * r.expenditurePerCapita) / total;
    sum += (people(r) / pop) * (after + before);
    before = after;
  }
  return 1 - sum;
}

/**
 * The share of expenditure of the poorest 40 % of people (the record on the boundary counted in
 * part), and the World Bank band BPS reports with it: below 12 % high inequality, 12–17 % moderate,
 * above 17 % low.
 */
export function bottom40(records: readonly HouseholdRecord[]) {
  const sorted = [...records].sort((a, b) => a.expenditurePerCapita - b.expenditurePerCapita);
  const pop = sorted.reduce((s, r) => s + people(r), 0);
  const total = sorted.reduce((s, r) => s + people(r) * r.expenditurePerCapita, 0);
  let room = 0.4 * pop;
  let spent = 0;
  for (const r of sorted) {
    if (room <= 0) break;
    const take = Math.min(room, people(r));
    spent += take * r.expenditurePerCapita;
    room -= take;
  }
  const share = total > 0 ? (100 * spent) / total : 0;
  const band: 'tinggi' | 'sedang' | 'rendah' = share < 12 ? 'tinggi' : share <= 17 ? 'sedang' : 'rendah';
  return { share, band };
}

/** Mean per-capita expenditure and population of each region, in first-seen order. */
function byRegion(records: readonly HouseholdRecord[]) {
  const out = new Map<string, { pop: number; total: number }>();
  for (const r of records) {
    const key = r.region ?? '';
    const g = out.get(key) ?? { pop: 0, total: 0 };
    g.pop += people(r);
    g.total += people(r) * r.expenditurePerCapita;
    out.set(key, g);
  }
  return out;
}

/**
 * The Williamson index across regions: the population-weighted coefficient of variation of the
 * regions' mean per-capita expenditure (GRDP per capita where that is what is given):
 * sqrt(sum_i (y_i - y)^2 f_i / n) / y.
 */
export function williamson(records: readonly HouseholdRecord[]): number {
  const groups = byRegion(records);
  const pop = [...groups.values()].reduce((s, g) => s + g.pop, 0);
  const mean = [...groups.values()].reduce((s, g) => s + g.total, 0) / pop;
  if (!(pop > 0) || !(mean > 0)) return 0;
  const v = [...groups.values()].reduce((s, g) => s + (g.total / g.pop - mean) ** 2 * (g.pop / pop), 0);
  return Math.sqrt(v) / mean;
}

/**
 * Theil's T over people, split into the inequality between regions (as if everyone in a region
 * had its mean) and within them (each region's Theil weighted by its share of expenditure):
 * T = sum_g s_g ln(mu_g / mu) + sum_g s_g T_g.
 */
export function theil(records: readonly HouseholdRecord[]) {
  const t = (rs: readonly HouseholdRecord[]) => {
    const pop = rs.reduce((s, r) => s + people(r), 0);
    const total = rs.reduce((s, r) => s + people(r) * r.expenditurePerCapita, 0);
    if (!(pop > 0) || !(total > 0)) return 0;
    const mu = total / pop;
    return rs.reduce((s, r) => {
      const x = r.expenditurePerCapita / mu;
      return x > 0 ? s + (people(r) / pop) * x * Math.log(x) : s;
    }, 0);
  };
  const total = records.reduce((s, r) => s + people(r) * r.expenditurePerCapita, 0);
  const pop = records.reduce((s, r) => s + people(r), 0);
  const mu = total / pop;
  let between = 0;
  let within = 0;
  const members = new Map<string, HouseholdRecord[]>();
  for (const r of records) {
    const list = members.get(r.region ?? '');
    if (list) list.push(r);
    else members.set(r.region ?? '', [r]);
  }
  for (const [key, g] of byRegion(records)) {
    if (g.total <= 0) continue;
    const share = g.total / total;
    between += share * Math.log(g.total / g.pop / mu);
    within += share * t(members.get(key)!);
  }
  return { total: t(records), between, within };
}

/** The headline figures of a survey for poverty line z. */
export function povertyProfile(records: readonly HouseholdRecord[], z: number) {
  const b40 = bottom40(records);
  return {
    ...fgt(records, z),
    gini: gini(records),
    bottom40Share: b40.share,
    bottom40Band: b40.band,
    people: records.reduce((s, r) => s + people(r), 0),
    households: records.length,
  };
}
