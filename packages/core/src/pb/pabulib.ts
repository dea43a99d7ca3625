/**
 * Pabulib `.pb` files (domain facts): sections META (key;value), PROJECTS (project_id;cost;...)
 * and VOTES (voter_id;...;vote;[points];...), each a header line then `;`-separated rows, fields
 * quoted with `"` when they hold `;` or `"`; lists inside a field are comma-separated.
 */
export interface PbProject {
  id: string;
  cost: number;
  fields: Record<string, string>;
}
export interface PbVoter {
  id: string;
  /** Approved (or ranked/scored) project ids, in the order of the ballot. */
  vote: string[];
  /** Points per project of `vote` (cumulative and scoring ballots). */
  points: number[] | null;
  fields: Record<string, string>;
}
export interface PbFile {
  meta: Record<string, string>;
  projectColumns: string[];
  projects: PbProject[];
  voteColumns: string[];
  voters: PbVoter[];
}

/** The most points one ballot may give one project (cumulative ballots give tens or hundreds). */
const MAX_POINTS = 1_000_000;

/** A broken file: the line, an issue key the interface translates, and the English text for the CLI. */
export class PbError extends Error {
  constructor(
    readonly line: number,
    readonly issue: string,
    readonly params: Record<string, string>,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Splits one `;`-separated line, honouring `"` quotes (a doubled quote inside is one quote). */
export function splitPbLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => restoreCell(s.trim()));
}

/**
 * A spreadsheet opening the file would run a field that starts with =, +, -, @ or a tab as a
 * formula (OWASP "CSV injection"); such a field that is not a plain number is written with a
 * leading apostrophe, which reading takes off again, so the file round-trips exactly.
 */
const risky = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+(\.\d+)?$/;
export const neutraliseCell = (v: string) => (risky.test(v) && !plainNumber.test(v) ? `'${v}` : v);
const restoreCell = (v: string) => (v.startsWith("'") && risky.test(v.slice(1)) ? v.slice(1) : v);

const quote = (raw: string) => {
  const v = neutraliseCell(raw);
  return /[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};

export function parsePb(text: string): PbFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const file: PbFile = { meta: {}, projectColumns: [], projects: [], voteColumns: [], voters: [] };
  let section: 'META' | 'PROJECTS' | 'VOTES' | null = null;
  let header: string[] | null = null;
  const seenProjects = new Set<string>();
  const seenVoters = new Set<string>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const upper = raw.trim().toUpperCase();
    if (upper === 'META' || upper === 'PROJECTS' || upper === 'VOTES') {
      section = upper;
      header = null;
      return;
    }
    if (!section)
      throw new PbError(line, 'pbf_section', {}, 'expected a section header (META, PROJECTS or VOTES)');
    const cells = splitPbLine(raw);
    if (!header) {
      header = cells.map((c) => c.toLowerCase());
      if (section === 'PROJECTS') {
        if (!header.includes('project_id') || !header.includes('cost'))
          throw new PbError(
            line,
            'pbf_project_columns',
            {},
            'PROJECTS needs the columns project_id and cost',
          );
        file.projectColumns = header;
      }
      if (section === 'VOTES') {
        if (!header.includes('voter_id') || !header.includes('vote'))
          throw new PbError(line, 'pbf_vote_columns', {}, 'VOTES needs the columns voter_id and vote');
        file.voteColumns = header;
      }
      return;
    }
    const row = Object.fromEntries(header.map((h, k) => [h, cells[k] ?? '']));
    if (section === 'META') {
      file.meta[cells[0]!.toLowerCase()] = cells[1] ?? '';
    } else if (section === 'PROJECTS') {
      const id = row.project_id!;
      const cost = Number(row.cost);
      if (!id) throw new PbError(line, 'pbf_project_id', {}, 'project_id is empty');
      if (seenProjects.has(id))
        throw new PbError(line, 'pbf_project_twice', { value: id }, `project ${id} appears twice`);
      if (!Number.isInteger(cost) || cost < 0)
        throw new PbError(line, 'pbf_cost', { value: id }, `cost of project ${id} must be a whole number`);
      seenProjects.add(id);
      file.projects.push({ id, cost, fields: row });
    } else {
      const id = row.voter_id!;
      if (seenVoters.has(id))
        throw new PbError(line, 'pbf_voter_twice', { value: id }, `voter ${id} appears twice`);
      seenVoters.add(id);
      const vote = row.vote
        ? row.vote
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
      for (const p of vote)
        if (!seenProjects.has(p))
          throw new PbError(line, 'pbf_unknown_project', { value: p }, `vote names unknown project ${p}`);
      if (new Set(vote).size !== vote.length)
        throw new PbError(line, 'pbf_vote_twice', {}, 'a project appears twice in one vote');
      let points: number[] | null = null;
      if (row.points) {
        points = row.points.split(',').map((s) => Number(s.trim()));
        // Bounded, so that sums over every voter stay exact in a double (a point count of 10^20
        // was taken and counted as 100.000.000.000.000.000.000 supporters).
        if (
          points.length !== vote.length ||
          points.some((p) => !Number.isFinite(p) || p < 0 || p > MAX_POINTS)
        )
          throw new PbError(
            line,
            'pbf_points',
            {},
            'points must be one number from 0 to 1,000,000 per voted project',
          );
      }
      file.voters.push({ id, vote, points, fields: row });
    }
  });
  if (!file.projectColumns.length)
    throw new PbError(lines.length, 'pbf_no_projects', {}, 'no PROJECTS section');
  if (!file.voteColumns.length) throw new PbError(lines.length, 'pbf_no_votes', {}, 'no VOTES section');
  return file;
}

export function writePb(file: PbFile): string {
  const out = ['META', 'key;value', ...Object.entries(file.meta).map(([k, v]) => `${quote(k)};${quote(v)}`)];
  out.push('PROJECTS', file.projectColumns.join(';'));
  for (const p of file.projects) out.push(file.projectColumns.map((c) => quote(p.fields[c] ?? '')).join(';'));
  out.push('VOTES', file.voteColumns.join(';'));
  for (const v of file.voters) out.push(file.voteColumns.map((c) => quote(v.fields[c] ?? '')).join(';'));
  return `${out.join('\n')}\n`;
}

/** The projects a file records as funded in the real outcome (its `selected` column), sorted. */
export function fundedIn(file: PbFile): string[] {
  return file.projects
    .filter((p) => p.fields.selected === '1')
    .map((p) => p.id)
    .sort();
}

/** Pabulib marks a project admitted to the vote but not implementable with this cost. */
export const NOT_IMPLEMENTABLE = 999_999_999;

/**
 * Ordinal ballots without points are tallied as Pabulib's files do (their `score` column, e.g.
 * Kraków: 3, 2 and 1 points for a first, second and third choice): a voter's k-th choice (from 0)
 * gets max_length - k points. Null for other ballots.
 */
function bordaPoints(file: PbFile): number | null {
  if ((file.meta.vote_type ?? '').trim() !== 'ordinal' || file.voters.some((v) => v.points)) return null;
  const longest = file.voters.reduce((n, v) => Math.max(n, v.vote.length), 0);
  const declared = Number(file.meta.max_length);
  return Number.isInteger(declared) && declared >= longest ? declared : longest;
}

/** The election a file describes (projects that cannot be implemented are left out). */
export function electionOf(file: PbFile) {
  const budget = Number(file.meta.budget);
  if (!Number.isFinite(budget) || budget < 0)
    throw new PbError(1, 'pbf_budget', {}, 'META must give the budget as a number of 0 or more');
  const projects = file.projects
    .filter((p) => p.cost !== NOT_IMPLEMENTABLE)
    .map((p) => ({ id: p.id, cost: p.cost }));
  const ok = new Set(projects.map((p) => p.id));
  const positional = bordaPoints(file);
  return {
    budget: Math.floor(budget),
    projects,
    ballots: file.voters.map((v) => {
      const points = v.points ?? (positional ? v.vote.map((_, k) => positional - k) : null);
      const keep = v.vote.map((p, i) => ({ p, pts: points?.[i] })).filter((x) => ok.has(x.p));
      return {
        voter: v.id,
        vote: keep.map((x) => x.p),
        points: points ? keep.map((x) => x.pts ?? 0) : null,
      };
    }),
  };
}
