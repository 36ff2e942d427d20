import type { IncomingMessage, ServerResponse } from 'node:http';
import { cachedPrincipal, principalForToken } from '../registry/auth/tokens.js';
import { syncExternalChanges } from '../registry/changes.js';
import type { RegistryContext } from '../registry/context.js';
import { retailCheckTimed } from '../registry/retail/check.js';
import type { FastPath, Fallback } from './fast-path.js';
import { sendReplayed, sendUnavailable, type Replay } from './replay.js';
import { retailAnswer, wantsCsv } from './retail-answer.js';
import { prepareAnswer, RetailAnswerCache, type PreparedAnswer } from './retail-answer-cache.js';
import { readBody } from './read-body.js';
import { RETAIL_FAST_MAX_BYTES, retailIdentifiers, takeRetailRequest, type RetailTake } from './retail-request.js';

// Retailers check whole catalogues with a token, again and again. Through Fastify most of such a request's time went
// to its POST machinery (body parser, ajv, the rate limiter's hook, reply objects); the work itself (a token lookup
// and cached per-identifier answers) is small. This answers those requests in the server's request listener:
//  1. from the request line and headers alone it takes a JSON check with a bearer token (retail-request.ts);
//  2. it resolves the token with the auth plugin's own cache and function (cachedPrincipal, else principalForToken:
//     same invalidation, same last-used write); an unknown or revoked token goes to Fastify untouched, which answers
//     401. A token holder is on the rate limiter's allow list, so the limiter has nothing to do here; anonymous
//     callers never come here;
//  3. it reads the declared body (at most RETAIL_FAST_MAX_BYTES); a body it answered before, while that answer is
//     still what retailCheck would give, is answered from retail-answer-cache.ts; otherwise it checks the body
//     against the route's schema and answers with retailCheck and the route's serialisation (retail-answer.ts);
//  4. a body it does not accept, or a failing lookup, is replayed into Fastify (replay.ts), which answers it.
// Other processes' SQLite writes are looked for once per request, when its headers arrive (each look costs a
// statement and two fcntl calls): the request then sees every change committed before it was sent, and the caches
// it reads afterwards only ever get fresher (this process's writes drop them through ctx.events at once).

export interface RetailFastPath extends FastPath {
  /** Requests whose body it read and then had Fastify answer (invalid body, failed lookup). */
  readonly replayed: number;
  /** Requests it took and handed to Fastify before reading the body (the token did not resolve). */
  readonly handedOver: number;
  /** Answers it computed with retailCheck (the others came from its answer cache or a computation in flight). */
  readonly computed: number;
}

export function retailFastPath(ctx: RegistryContext, replay: Replay): RetailFastPath {
  const maxBytes = Math.min(RETAIL_FAST_MAX_BYTES, ctx.limits.bodyBytes);
  let stopped = false;
  const counts = { answered: 0, replayed: 0, handedOver: 0, computed: 0 };
  const answers = new RetailAnswerCache(ctx);

  async function resolveThenServe(req: IncomingMessage, res: ServerResponse, take: RetailTake, fallback: Fallback): Promise<void> {
    const principal = await principalForToken(ctx, take.token).catch(() => undefined);
    if (principal) return serve(req, res, take);
    counts.handedOver++;
    fallback(req, res);
  }

  async function serve(req: IncomingMessage, res: ServerResponse, take: RetailTake): Promise<void> {
    const body = await readBody(req, take.length);
    // The client went away or sent a malformed message (node:http's clientError handler, which Fastify set up,
    // answers that on the socket as it would for the route): nothing to answer here.
    if (body === undefined || res.destroyed) return;
    const csv = wantsCsv(take.format, req.headers.accept);
    // latin1: one character per byte, the cheapest exact key.
    const key = `${csv ? 'c' : 'j'}${body.toString('latin1')}`;
    const answer = answers.get(key) ?? (body.length === take.length ? await checkShared(body, key, csv) : undefined);
    if (answer) {
      res.writeHead(200, answer.headers);
      res.end(answer.body);
      counts.answered++;
      return;
    }
    counts.replayed++;
    await replay(req, body).then((r) => sendReplayed(res, r), () => sendUnavailable(res));
  }

  // Every request in flight with the same body would otherwise compute the same answer at once when it expires (a
  // miss costs milliseconds: queries and label signature checks), and the herd shows in the tail latency. A request
  // joins a computation already running for its body, unless something was invalidated since that one started (it
  // may have read what changed): then it computes afresh.
  const running = new Map<string, { epoch: number; answer: Promise<PreparedAnswer | undefined> }>();

  async function checkShared(body: Buffer, key: string, csv: boolean): Promise<PreparedAnswer | undefined> {
    const epoch = answers.epoch();
    const current = running.get(key);
    if (current && current.epoch === epoch) return current.answer;
    const mine = { epoch, answer: check(body, key, csv, epoch) };
    running.set(key, mine);
    try {
      return await mine.answer;
    } finally {
      if (running.get(key) === mine) running.delete(key);
    }
  }

  async function check(body: Buffer, key: string, csv: boolean, epoch: number): Promise<PreparedAnswer | undefined> {
    const identifiers = retailIdentifiers(body.toString('utf8'), ctx.limits.retailRows);
    if (!identifiers) return undefined;
    counts.computed++;
    const checked = await retailCheckTimed(ctx, identifiers).catch(() => undefined);
    if (!checked) return undefined;
    const answer = prepareAnswer(retailAnswer(checked.results, csv));
    answers.set(key, answer, checked, epoch);
    return answer;
  }

  return {
    stop() { stopped = true; },
    get answered() { return counts.answered; },
    get replayed() { return counts.replayed; },
    get handedOver() { return counts.handedOver; },
    get computed() { return counts.computed; },
    handle(req, res, fallback) {
      if (stopped) return false;
      const take = takeRetailRequest(req, maxBytes);
      if (!take) return false;
      syncExternalChanges(ctx);
      const pending = cachedPrincipal(ctx, take.token) ? serve(req, res, take) : resolveThenServe(req, res, take, fallback);
      pending.catch(() => res.destroy());
      return true;
    },
  };
}
