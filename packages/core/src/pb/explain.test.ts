import { describe, expect, it } from 'vitest';
import { explainCount } from './explain.ts';

// A stored count (the explanation only reads it): four voters share Rp100.000.000, Rp25.000.000
// each. The expensive bridge has three supporters, whose Rp75.000.000 cannot pay its Rp80.000.000;
// the street lights and the well are paid by their supporters.
const count = {
  budget: 100_000_000,
  ballots: 4,
  rule: 'mes',
  projects: [
    { code: 'A', title: 'Jembatan desa', cost: 80_000_000 },
    { code: 'B', title: 'Lampu jalan', cost: 30_000_000 },
    { code: 'C', title: 'Sumur bor', cost: 20_000_000 },
  ],
  votes: { A: 3, B: 2, C: 1 },
  selected: ['B', 'C'],
  rounds: [
    { project: 'B', payments: [{ amount: '15000000' }] },
    { project: 'C', payments: [{ amount: '40000000/2' }, { amount: '1/3' }] },
  ],
  greedySelected: ['A'],
  belowThreshold: [],
};

describe('explainCount', () => {
  it('says how the budget is shared, why each project was chosen, why the popular one was not, and what votes alone would choose', () => {
    const lines = explainCount(count);
    expect(lines[0]).toContain(
      'Anggaran Rp100.000.000 dibagi sama rata kepada 4 pemilih: masing-masing memegang Rp25.000.000',
    );
    expect(lines[1]).toBe(
      '1. Lampu jalan: didukung 2 pemilih; biayanya Rp30.000.000 ditanggung para pendukungnya, paling banyak Rp15.000.000 per orang.',
    );
    expect(lines[2]).toContain(
      '2. Sumur bor: didukung 1 pemilih; biayanya Rp20.000.000 ditanggung para pendukungnya, paling banyak Rp20.000.000 per orang.',
    );
    expect(lines[3]).toBe(
      'Jembatan desa mendapat 3 suara, lebih banyak dari Sumur bor (1 suara) yang terpilih, tetapi biayanya Rp80.000.000: bagian anggaran para pendukungnya tidak cukup lagi untuk membayarnya, sehingga anggaran dipakai untuk proyek yang didukung kelompok pemilih lain.',
    );
    expect(lines).toContain('Terpakai Rp50.000.000 dari Rp100.000.000.');
    expect(lines.at(-1)).toBe(
      'Bila hanya suara terbanyak yang dihitung, yang terpilih adalah: Jembatan desa.',
    );
  });

  it('speaks English on request and says nothing about a comparison a greedy count does not have', () => {
    const lines = explainCount({ ...count, rule: 'greedy', rounds: [], greedySelected: ['B', 'C'] }, 'en');
    expect(lines[0]).toMatch(/^Projects are ranked by votes/);
    expect(lines[1]).toBe('1. Lampu jalan: 2 votes, cost Rp30.000.000.');
    expect(lines.some((l) => l.startsWith('Counting only the most votes'))).toBe(false);
  });

  it('with Add1 says the share was raised and which share the result was counted with', () => {
    const lines = explainCount({ ...count, completion: 'add1', endowment: '31000000' });
    expect(lines[0]).toContain('masing-masing memegang Rp25.000.000');
    expect(lines[0]).toContain('pelengkap Add1');
    expect(lines[0]).toContain('hasil ini dihitung dengan bagian Rp31.000.000 per pemilih');
    expect(lines.some((l) => l.startsWith('Sisa anggaran lalu diisi'))).toBe(false);
    // Completed by greedy: the project no round paid for is said to fill what was left.
    const filled = explainCount(
      { ...count, completion: 'add1-greedy', endowment: '31000000', selected: ['B', 'C', 'A'] },
      'en',
    );
    expect(filled[0]).toContain('counted with a share of Rp31.000.000 per voter');
    expect(filled).toContain(
      'What was left of the budget was then filled with the projects with the most votes that still fit.',
    );
  });

  it('does not say the budget was shared equally when each kecamatan had its own part', () => {
    const lines = explainCount({ ...count, districtCorrected: true });
    expect(lines[0]).toMatch(/^Anggaran Rp100\.000\.000 dibagi antarkecamatan/);
    expect(lines[0]).not.toContain('sama rata kepada');
  });

  it('gives the first three passed-over projects their reason in full and the rest one line', () => {
    const many = {
      ...count,
      projects: [
        ...count.projects,
        ...[4, 5, 6, 7].map((i) => ({ code: `X${i}`, title: `Proyek ${i}`, cost: 90_000_000 })),
      ],
      votes: { ...count.votes, X4: 9, X5: 8, X6: 7, X7: 6 },
    };
    const lines = explainCount(many);
    expect(lines.filter((l) => l.includes('tidak cukup lagi untuk membayarnya'))).toHaveLength(3);
    expect(lines).toContain(
      'Demikian pula 2 proyek lain yang mendapat lebih dari 1 suara tetapi tidak terpilih: Proyek 7 (6 suara, Rp90.000.000); Jembatan desa (3 suara, Rp80.000.000).',
    );
  });

  it('counts points, not voters, on cumulative ballots', () => {
    const lines = explainCount({ ...count, points: true, votes: { A: 30, B: 20, C: 10 } });
    expect(lines[1]).toBe(
      '1. Lampu jalan: mendapat 20 poin; biayanya Rp30.000.000 ditanggung para pendukungnya, paling banyak Rp15.000.000 per orang.',
    );
    expect(lines[3]).toMatch(
      /^Jembatan desa mendapat 30 poin, lebih banyak dari Sumur bor \(10 poin\) yang terpilih/,
    );
    const en = explainCount({ ...count, points: true, rule: 'greedy', rounds: [] }, 'en');
    expect(en[1]).toBe('1. Lampu jalan: 2 points, cost Rp30.000.000.');
  });
});
