import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';

/**
 * The OC4IDS package against the official schema (0.9.5, test/fixtures/oc4ids, copied unchanged
 * from the Open Contracting Partnership) and its codelists (issue 21).
 */
const fixtures = new URL('../../../test/fixtures/oc4ids/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const codes = (list: string) =>
  new Set((parse(read(`${list}.csv`), { columns: true }) as { Code: string }[]).map((r) => r.Code));

const h = appWithAccounts([]);

interface Party {
  id: string;
  name: string;
  roles: string[];
}

describe('the OC4IDS package', () => {
  it('is valid against the official OC4IDS schema', async () => {
    const pkg = (await h.as(null, 'GET', '/api/oc4ids.json')).json();
    // The schema's own keywords (codelist, openCodelist, deprecated...) are not JSON Schema's.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(read('project-schema.json')));
    const validate = ajv.compile(JSON.parse(read('project-package-schema.json')));
    const valid = validate(pkg);
    expect(validate.errors?.slice(0, 5) ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
    expect(valid).toBe(true);
    expect(pkg.uri).toMatch(/^https?:\/\/.+\/api\/oc4ids\.json$/);
    expect(pkg.publisher.name).toContain('Kabupaten Blitar');
  });

  it('codes status, type, sector and party roles from the codelists; the contractor and funders are parties', async () => {
    const pkg = (await h.as(null, 'GET', '/api/oc4ids.json')).json();
    const [sectors, roles, statuses, types] = [
      'projectSector',
      'partyRole',
      'projectStatus',
      'projectType',
    ].map(codes);
    for (const p of pkg.projects) {
      expect(statuses).toContain(p.status);
      expect(types).toContain(p.type);
      for (const s of p.sector) expect(sectors).toContain(s);
      for (const party of p.parties as Party[]) for (const r of party.roles) expect(roles).toContain(r);
      // Every rupiah of the budget comes from a funder named among the parties.
      const parties = new Map((p.parties as Party[]).map((x) => [x.id, x]));
      for (const b of p.budget.budgetBreakdown)
        expect(parties.get(b.sourceParty.id)?.roles).toContain('funder');
    }
    const built = pkg.projects.find((p: { parties: Party[] }) =>
      p.parties.some((x) => x.roles.includes('supplier')),
    );
    expect(built).toBeDefined();
    const detail = (await h.as(null, 'GET', '/api/projects?limit=500'))
      .json()
      .items.find((i: { code: string }) => built.id.endsWith(i.code));
    expect(built.parties.find((x: Party) => x.roles.includes('supplier')).name).toBe(detail.contractor);
  });
});
