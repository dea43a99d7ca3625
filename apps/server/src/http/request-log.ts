import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** A read slower than this gets a line of its own, as a write does. */
const SLOW_MS = 500;
/** How often the reads counted per route are written. */
const TALLY_MS = 60_000;

interface Tally {
  method: string;
  route: string;
  answered: number;
  notModified: number;
  /** Of those answered, how many at the door, before the app (http/kept-door.ts). */
  atDoor: number;
  totalMs: number;
  slowestMs: number;
}

/**
 * Request logging that costs less than the request (issue 18). A line of its own (method, route
 * pattern, status, time; http/safe-log.ts keeps it free of anything personal) for every write,
 * every refusal or failure and every read slower than half a second. A successful quick read is
 * counted instead: once a minute, and when the app closes, one line per route says how many were
 * answered, how many of them as 304 and how many at the door (http/kept-door.ts), their mean and
 * their slowest time; with LOG_LEVEL=debug each has its line too. Fastify's two lines per request,
 * and then one per read, cost as much as a cached read itself (bench:api: 0.33 of hello-world
 * logging every read, 0.61 at warn).
 */
export class RequestLog extends LogController {
  readonly #reads = new Map<string, Tally>();
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly log: FastifyBaseLogger) {
    super();
  }

  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) return super.requestCompleted(error, request, reply);
    const status = reply.statusCode;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const read = request.method === 'GET' || request.method === 'HEAD';
    if (!read || status >= 400 || ms > SLOW_MS) {
      request.log.info({ req: request, status, ms }, 'request completed');
      return;
    }
    request.log.debug({ req: request, status, ms }, 'request completed');
    this.countRead(request.method, request.routeOptions.url ?? '(no route)', status, ms);
  }

  /** A successful quick read, counted in its route's tally (also those answered at the door, http/kept-door.ts). */
  countRead(method: string, route: string, status: number, ms: number, atDoor = false): void {
    const key = `${method} ${route}`;
    let tally = this.#reads.get(key);
    if (!tally) {
      tally = { method, route, answered: 0, notModified: 0, atDoor: 0, totalMs: 0, slowestMs: 0 };
      this.#reads.set(key, tally);
    }
    tally.answered++;
    if (status === 304) tally.notModified++;
    if (atDoor) tally.atDoor++;
    tally.totalMs += ms;
    if (ms > tally.slowestMs) tally.slowestMs = ms;
    this.#timer ??= setTimeout(() => this.flush(), TALLY_MS).unref();
  }

  /** Writes the reads counted since the last time, a line per route. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const t of this.#reads.values())
      this.log.info(
        {
          method: t.method,
          route: t.route,
          answered: t.answered,
          notModified: t.notModified,
          atDoor: t.atDoor,
          meanMs: Math.round((t.totalMs / t.answered) * 10) / 10,
          slowestMs: t.slowestMs,
        },
        'reads answered',
      );
    this.#reads.clear();
  }
}
