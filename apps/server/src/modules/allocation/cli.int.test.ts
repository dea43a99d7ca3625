import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, inputFiles } from '../../../test/cli.ts';

const file = inputFiles('sinergi-cli-');

describe('npx sinergi allocate', () => {
  const csv = file(
    'p.csv',
    'id,cost,score,kecamatan,opd\nA,500,9,K1,PU\nB,400,7,K1,PU\nC,300,6,K2,DINKES\nD,300,5,K2,DINKES\nE,200,1,K3,PU\n',
  );

  it('prints the optimum and the greedy list as JSON', () => {
    const r = cli('allocate', csv, '--budget', '1000', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ status: 'optimal', selected: ['B', 'C', 'D'], objective: 18, gap: 0 });
    expect(out.greedy).toMatchObject({ selected: ['A', 'B'], objective: 16 });
  });

  it('answers an infeasible rule set with the conflicting rules, and exits non-zero', () => {
    const rules = file(
      'r.json',
      JSON.stringify({ mustFund: ['A', 'B'], kecamatanFloors: { K3: 200 }, exclusive: [['C', 'D']] }),
    );
    const r = cli('allocate', csv, '--budget', '1000', '--rules', rules, '--json');
    expect(r.code).toBe(3);
    const out = JSON.parse(r.out);
    expect(out.status).toBe('infeasible');
    expect(out.conflicts).toContainEqual({ kind: 'kecamatanFloor', key: 'K3' });
  });

  it('names the row and column of a bad file, and the field of bad rules', () => {
    const bad = cli('allocate', file('bad.csv', 'id,cost,score\nA,-5,x\n'), '--budget', '10');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('line 2, column cost');
    const rules = cli('allocate', csv, '--budget', '10', '--rules', file('bad.json', '{"mustFund": "A"}'));
    expect(rules.code).toBe(1);
    expect(rules.err).toContain('mustFund');
    expect(cli('allocate', csv, '--budget', 'banyak').err).toContain('--budget');
  });

  it('reads amounts and scores as an Indonesian spreadsheet writes them', () => {
    const indonesian = file(
      'id.csv',
      'id,cost,score,kecamatan,opd\nA,"Rp500",9,K1,PU\nB,Rp400,"7,0",K1,PU\nC,300,"6,5",K2,DINKES\nD,"Rp 300,00","5,5",K2,DINKES\nE,200,1,K3,PU\n',
    );
    const r = cli('allocate', indonesian, '--budget', 'Rp1.000', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'optimal', selected: ['B', 'C', 'D'], objective: 19 });
    const decimals = cli('allocate', file('dec.csv', 'id,cost,score\nA,"Rp1.500,50",1\n'), '--budget', '10');
    expect(decimals.code).toBe(1);
    expect(decimals.err).toContain('line 2, column cost');
  });
});

describe('npx sinergi pb run', () => {
  const pb = file(
    'small.pb',
    [
      'META',
      'key;value',
      'budget;100',
      'vote_type;approval',
      'rule;equalshares/add1',
      'PROJECTS',
      'project_id;cost;votes',
      'A;60;3',
      'B;40;1',
      'C;30;4',
      'VOTES',
      'voter_id;vote',
      'v1;A,C',
      'v2;A,C',
      'v3;A,C',
      'v4;B,C',
    ].join('\n'),
  );

  it('applies the rule named in the file and prints the selection in order', () => {
    expect(cli('pb', 'run', pb).out.trim().split('\n')).toEqual(['C', 'A']);
    expect(cli('pb', 'run', pb, '--rule', 'mes').out.trim().split('\n')).toEqual(['C']);
    expect(cli('pb', 'run', pb, '--rule', 'greedy-no-skip').out.trim().split('\n')).toEqual(['C', 'A']);
  });

  it('prints selected, cost, rule and the quality measures with --json', () => {
    const out = JSON.parse(cli('pb', 'run', pb, '--json').out);
    expect(out).toMatchObject({
      selected: ['C', 'A'],
      cost: 90,
      endowment: '47',
      votersWithOne: 4,
      exclusionRatio: 0,
    });
    expect(out.rule).toContain('add1');
    expect(out.stopRule).toContain('last endowment');
  });

  it('runs greedy-exclusive with the groups given, since the format does not record them', () => {
    const exclusive = file(
      'exclusive.pb',
      readFileSync(pb, 'utf8').replace('equalshares/add1', 'greedy-exclusive'),
    );
    const bare = cli('pb', 'run', exclusive);
    expect(bare.code).toBe(1);
    expect(bare.err).toContain('--exclusive');
    expect(cli('pb', 'run', exclusive, '--exclusive', 'A,C').out.trim().split('\n')).toEqual(['C', 'B']);
    const unknown = cli('pb', 'run', exclusive, '--exclusive', 'A,Z');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no project Z');
  });

  it('names the line of a broken file', () => {
    const r = cli(
      'pb',
      'run',
      file('broken.pb', 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nA;x\nVOTES\nvoter_id;vote\n'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('line 6');
  });
});
