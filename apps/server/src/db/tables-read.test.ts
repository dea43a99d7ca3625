import { describe, expect, it } from 'vitest';
import { asRequest, noteQuery } from './tables-read.ts';

describe('the tables a request names', () => {
  it('finds tables written by name, quoted by drizzle or not, and nothing else', () => {
    const scope = { tables: new Set<string>(), gone: () => false };
    asRequest(scope, () => {
      noteQuery('select "id" from "plans" where "plans"."id" = $1');
      noteQuery(`insert into village_index_results (scheme_id, year) select scheme_id, year from incoming
        on conflict do nothing`);
      noteQuery('select 1 from incoming, not_a_table');
    });
    expect([...scope.tables].sort()).toEqual(['plans', 'village_index_results']);
  });
});
