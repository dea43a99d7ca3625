import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeStep } from './machine.ts';
import { deliveryStep, type OutgoingStatus, outgoingMachine } from './outbox.ts';

/**
 * The outbox's promise, checked against a model of the server (its Idempotency-Key store and a
 * record's version) over random days of bad connections, lost answers, colleagues' edits and the
 * operator's choices: every write is done at most once, only on the version it names, and leaves
 * the queue only sent or by the operator's own choice.
 */
interface Write {
  key: string;
  basedOn: number;
  status: OutgoingStatus;
}

class ModelServer {
  version = 0;
  applied = new Map<string, number>();
  appliedOn = new Map<string, number>();
  answers = new Map<string, number>();
  receive(w: Write): { status: number; code?: string } {
    const kept = this.answers.get(w.key);
    if (kept !== undefined) return { status: kept };
    if (w.basedOn !== this.version) return { status: 409, code: 'STALE' };
    this.applied.set(w.key, (this.applied.get(w.key) ?? 0) + 1);
    this.appliedOn.set(w.key, this.version);
    this.version++;
    this.answers.set(w.key, 200);
    return { status: 200 };
  }
}

type Fate = 'unreachable' | 'answer_lost' | 'answered';
type Event =
  | { kind: 'make' }
  | { kind: 'send'; fate: Fate }
  | { kind: 'colleague_edits' }
  | { kind: 'choose'; choice: 'send_mine' | 'discard' };

const events = fc.array(
  fc.oneof(
    fc.constant<Event>({ kind: 'make' }),
    fc
      .constantFrom<Fate>('unreachable', 'answer_lost', 'answered')
      .map((fate): Event => ({ kind: 'send', fate })),
    fc.constant<Event>({ kind: 'colleague_edits' }),
    fc
      .constantFrom('send_mine' as const, 'discard' as const)
      .map((choice): Event => ({ kind: 'choose', choice })),
  ),
  { maxLength: 60 },
);

function run(day: Event[]) {
  const server = new ModelServer();
  const queue: Write[] = [];
  let made = 0;
  /** The operator's view of the record: the version last read. */
  let seen = 0;
  const flush = (fate: Fate) => {
    for (const w of queue.filter((x) => x.status === 'waiting')) {
      if (fate === 'unreachable') return;
      const answer = server.receive(w);
      if (fate === 'answer_lost') return; // the server did it, the phone never heard
      const step = deliveryStep(answer);
      if (step === null) return;
      w.status = takeStep(outgoingMachine, w.status, step, {});
      if (step === 'deliver') seen = server.version;
    }
  };
  for (const e of day) {
    if (e.kind === 'make') queue.push({ key: `w${made++}`, basedOn: seen, status: 'waiting' });
    else if (e.kind === 'send') flush(e.fate);
    else if (e.kind === 'colleague_edits') server.version++;
    else {
      const w = queue.find((x) => x.status === 'stale');
      if (!w) continue;
      if (e.choice === 'send_mine') w.basedOn = server.version;
      w.status = takeStep(outgoingMachine, w.status, e.choice, {});
    }
  }
  // The connection returns for good and the operator sends every write changed meanwhile.
  for (let round = 0; round < queue.length + 1; round++) {
    flush('answered');
    for (const w of queue.filter((x) => x.status === 'stale')) {
      w.basedOn = server.version;
      w.status = takeStep(outgoingMachine, w.status, 'send_mine', {});
    }
  }
  return { server, queue, made };
}

describe('the outbox: a write kept offline is done once, on the version it names, and never lost', () => {
  it('holds over random days of bad connections, lost answers and edits made meanwhile', () => {
    fc.assert(
      fc.property(events, (day) => {
        const { server, queue, made } = run(day);
        expect(queue).toHaveLength(made);
        for (const w of queue) {
          const times = server.applied.get(w.key) ?? 0;
          // Sent: done exactly once. Discarded (the operator's choice on a stale write): never done.
          expect(['sent', 'discarded']).toContain(w.status);
          expect(times).toBe(w.status === 'sent' ? 1 : 0);
          if (times) expect(server.appliedOn.get(w.key)).toBe(w.basedOn);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maps answers to steps: done, try later, changed meanwhile, refused, sign in again', () => {
    expect(deliveryStep({ status: 201 })).toBe('deliver');
    expect(deliveryStep({ status: 0 })).toBeNull();
    expect(deliveryStep({ status: 503 })).toBeNull();
    expect(deliveryStep({ status: 409, code: 'IN_PROGRESS' })).toBeNull();
    expect(deliveryStep({ status: 409, code: 'STALE' })).toBe('find_stale');
    expect(deliveryStep({ status: 401, code: 'UNAUTHENTICATED' })).toBe('expire_session');
    expect(deliveryStep({ status: 400, code: 'VALIDATION' })).toBe('refuse');
  });

  it('never drops a waiting write: only a write the server answered may be discarded', () => {
    expect(() => takeStep(outgoingMachine, 'waiting', 'discard', {})).toThrow();
    expect(takeStep(outgoingMachine, 'stale', 'discard', {})).toBe('discarded');
    expect(() => takeStep(outgoingMachine, 'sent', 'send_mine', {})).toThrow();
  });
});
