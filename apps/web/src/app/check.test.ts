import { proposalBody } from '@sinergi/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { asProblem, BodyRefused, checked } from './check.ts';

describe('a form body checked in the browser', () => {
  it('passes as it is when the contract accepts it', () => {
    const body = { anything: 1 };
    expect(checked({ safeParse: () => ({ success: true }) }, body)).toBe(body);
  });

  it('is refused without its words, which asProblem loads and gives as the server would', async () => {
    let thrown: unknown;
    try {
      checked(proposalBody, { track: 'musrenbang', title: '  ' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(BodyRefused);
    const problem = await asProblem(thrown);
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('VALIDATION');
    // An empty field is "wajib diisi", named by its label, in Indonesian by default.
    const title = problem.issues.find((i) => i.field === 'body.title');
    expect(title?.message).toMatch(/wajib diisi/);
  });

  it('keeps a problem from the server, and words anything else as an internal one', async () => {
    const server = new ApiError(409, 'STALE', 'berubah');
    expect(await asProblem(server)).toBe(server);
    const other = await asProblem(new Error('x'));
    expect(other.code).toBe('INTERNAL');
  });
});
