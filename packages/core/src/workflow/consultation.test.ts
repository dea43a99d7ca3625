import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConsultationState, consultationMachine, mayComment } from './consultation.ts';
import { stepNeeds, takeStep } from './machine.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

type Act =
  | { kind: 'open' }
  | { kind: 'comment'; on: number }
  | { kind: 'answer'; which: number }
  | { kind: 'close'; on: number };

const acts = fc.array(
  fc.oneof(
    fc.constant<Act>({ kind: 'open' }),
    fc.integer({ min: 0, max: 30 }).map((on): Act => ({ kind: 'comment', on })),
    fc.integer({ min: 0, max: 20 }).map((which): Act => ({ kind: 'answer', which })),
    fc.integer({ min: 0, max: 30 }).map((on): Act => ({ kind: 'close', on })),
  ),
  { maxLength: 50 },
);

describe('public consultation on a draft plan', () => {
  it('takes comments only while open and in its window, and closes only after it with every comment answered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 15 }),
        acts,
        (start, length, day0) => {
          const window = { opensOn: day(start), closesOn: day(start + length) };
          let state: ConsultationState = 'draf';
          const comments: { on: string; answers: number }[] = [];
          let today = day(0);
          for (const a of day0) {
            if (a.kind === 'open') {
              const facts = { ...window, today, items: 3, unanswered: 0 };
              const check = stepNeeds(consultationMachine, state, 'buka', facts);
              if (check.allowed && check.needs.length === 0)
                state = takeStep(consultationMachine, state, 'buka', facts);
            } else if (a.kind === 'comment') {
              today = day(a.on) > today ? day(a.on) : today;
              if (mayComment({ state, ...window }, today)) comments.push({ on: today, answers: 0 });
            } else if (a.kind === 'answer') {
              const c = comments[a.which];
              // An answer is recorded once: a second one is refused.
              if (c && c.answers === 0 && state === 'dibuka') c.answers++;
            } else {
              today = day(a.on) > today ? day(a.on) : today;
              const unanswered = comments.filter((c) => c.answers === 0).length;
              const facts = { ...window, today, items: 3, unanswered };
              const check = stepNeeds(consultationMachine, state, 'tutup', facts);
              if (check.allowed && check.needs.length === 0)
                state = takeStep(consultationMachine, state, 'tutup', facts);
            }
            // Invariants after every step.
            for (const c of comments) {
              expect(c.on >= window.opensOn && c.on <= window.closesOn).toBe(true);
              expect(c.answers).toBeLessThanOrEqual(1);
            }
            if (state === 'ditutup') {
              expect(today > window.closesOn).toBe(true);
              expect(comments.every((c) => c.answers === 1)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names every unmet need at once', () => {
    const needs = stepNeeds(consultationMachine, 'dibuka', 'tutup', {
      opensOn: day(1),
      closesOn: day(5),
      today: day(3),
      items: 2,
      unanswered: 2,
    });
    expect(needs.allowed && needs.needs.map((n) => n.issue)).toEqual([
      'window_still_open',
      'comments_unanswered',
    ]);
    expect(() =>
      takeStep(consultationMachine, 'draf', 'buka', {
        opensOn: day(5),
        closesOn: day(1),
        today: day(0),
        items: 0,
        unanswered: 0,
      }),
    ).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() =>
      takeStep(consultationMachine, 'ditutup', 'buka', {
        opensOn: day(1),
        closesOn: day(5),
        today: day(0),
        items: 1,
        unanswered: 0,
      }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});
