import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CITY_PATHS, CITY_STAFF_COOKIE, CitySignInSchema } from '../domain/city/city-api.js';
import { EnrolRequestSchema } from '../domain/city/enrolment.js';
import { FeedBatchSchema, HallStateSchema, assertBatchInOrder } from '../domain/city/feed.js';
import { compareDigests, ReconcileRequestSchema } from '../domain/city/reconciliation.js';
import { calendarEtag } from '../domain/city/published-calendar.js';
import { catalogEtag } from '../domain/city/published-catalog.js';
import { ratingRulesEtag } from '../domain/city/published-rating-rules.js';
import { ApiError } from '../host/http/api-error.js';
import type { CityStore } from './city-store.js';
import { EnrolmentRefused } from './city-store.js';
import { BadReportDay } from './city-report-store.js';
import type { cityReports } from './city-reports.js';
import type { cityStaff, CitySession } from './city-staff.js';
import type { SessionLimits } from '../domain/sessions/session-expiry.js';
import type { CityFigures } from './city-figures.js';
import { registerCityReportRoutes } from './city-report-routes.js';

export interface CityRouteDeps {
  store: CityStore;
  reports: ReturnType<typeof cityReports>;
  staff: ReturnType<typeof cityStaff>;
  limits: SessionLimits;
  figures: CityFigures;
  clock: () => number;
  timeZone: string;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new ApiError('bad_request', `Invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

function bearerOrNull(req: FastifyRequest): string | null {
  return /^Bearer ([A-Za-z0-9._-]{20,250})$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/** Why a session no longer signs in, as the caller is told. */
const ENDED: Record<Exclude<CitySession['verdict'], 'live'>, string> = {
  signed_out: 'This city session was signed out; sign in again',
  idle: 'This city session expired after too long without use; sign in again',
  too_old: 'This city session reached its maximum age; sign in again',
};

function bearer(req: FastifyRequest): string {
  const m = /^Bearer ([A-Za-z0-9._-]{20,250})$/.exec(req.headers.authorization ?? '');
  if (!m?.[1]) throw new ApiError('unauthorized', 'Send the credential as Authorization: Bearer …');
  return m[1];
}

/** The city's HTTP API: halls enrol, deliver and reconcile; city staff read the overview and reports. */
export function registerCityRoutes(app: FastifyInstance, deps: CityRouteDeps): void {
  const { store, reports, staff, limits, clock } = deps;

  /** The hall whose credential this is; a body naming another hall is refused, not merely ignored. */
  async function hallOf(req: FastifyRequest, claimed?: string): Promise<string> {
    const hallId = await store.hallOfCredential(bearer(req));
    if (!hallId) throw new ApiError('unauthorized', 'Unknown hall credential');
    if (claimed !== undefined && claimed !== hallId) throw new ApiError('forbidden', "A hall's credential writes only that hall's records");
    return hallId;
  }
  /** City staff: the session the sign-in opened, from its cookie (the screens) or as a bearer token (scripts). */
  async function supervisor(req: FastifyRequest): Promise<void> {
    const token = req.cookies[CITY_STAFF_COOKIE] ?? bearerOrNull(req);
    if (!token) throw new ApiError('staff_sign_in_required', 'Sign in as city staff first');
    const session = await staff.session(token, clock());
    if (!session) {
      if (await store.hallOfCredential(token))
        throw new ApiError('forbidden', "A hall's credential does not read the city's screens; this needs a city-supervisor sign-in");
      throw new ApiError('staff_sign_in_required', 'Unknown city session; sign in again');
    }
    if (session.verdict !== 'live') throw new ApiError('staff_sign_in_required', ENDED[session.verdict]);
    if (session.role !== 'city-supervisor') throw new ApiError('forbidden', 'This needs a city-supervisor sign-in');
  }

  app.post(CITY_PATHS.enrol, async (req) => {
    const body = parse(EnrolRequestSchema, req.body, 'body');
    try {
      return await store.enrol(body.code, body.hallName, clock());
    } catch (err) {
      if (err instanceof EnrolmentRefused) throw new ApiError('code_invalid', err.message);
      throw err;
    }
  });

  app.post(CITY_PATHS.feed, async (req) => {
    // Authenticate before parsing, so a stranger learns nothing about shapes.
    await hallOf(req);
    const batch = parse(FeedBatchSchema, req.body, 'body');
    const hallId = await hallOf(req, batch.hallId);
    try {
      assertBatchInOrder(batch.records);
    } catch (err) {
      throw new ApiError('bad_request', (err as Error).message);
    }
    try {
      return { hallId, ...(await store.ingest(hallId, batch.records)) };
    } catch (err) {
      if (err instanceof BadReportDay) throw new ApiError('bad_request', err.message);
      throw err;
    }
  });

  app.get(CITY_PATHS.ack, async (req) => {
    const hallId = await hallOf(req);
    return { hallId, ackedSeq: await store.ackedSeq(hallId), inserted: 0 };
  });

  app.put(CITY_PATHS.state, async (req) => {
    await hallOf(req);
    const state = parse(HallStateSchema, req.body, 'body');
    await hallOf(req, state.hallId);
    await store.saveState(state);
    return { ok: true };
  });

  app.post(CITY_PATHS.reconcile, async (req) => {
    await hallOf(req);
    const body = parse(ReconcileRequestSchema, req.body, 'body');
    const hallId = await hallOf(req, body.hallId);
    const city = await store.digests(
      hallId,
      body.days.map((d) => d.day),
    );
    const days = compareDigests(body.days, city);
    await store.saveReconciliation(hallId, days);
    return { hallId, days, allMatch: days.every((d) => d.matches) };
  });

  app.get(CITY_PATHS.calendar, async (req, reply) => {
    await hallOf(req);
    const published = await store.latestCalendar();
    if (!published) throw new ApiError('not_found', 'The city has not published a calendar yet');
    const etag = calendarEtag(published.version);
    reply.header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return published;
  });

  app.post(CITY_PATHS.signIn, async (req, reply) => {
    const { token } = parse(CitySignInSchema, req.body, 'body');
    const now = clock();
    const opened = await staff.signIn(token, now);
    if (!opened) throw new ApiError('unauthorized', 'Unknown city staff token');
    if (opened.role !== 'city-supervisor') throw new ApiError('forbidden', 'This needs a city-supervisor token');
    reply.setCookie(CITY_STAFF_COOKIE, opened.session, {
      path: '/city',
      httpOnly: true,
      sameSite: 'strict',
      secure: req.protocol === 'https',
      maxAge: Math.floor(limits.maxAgeMs / 1000),
    });
    return { session: opened.session, idleMs: limits.idleMs, expiresAt: now + limits.maxAgeMs };
  });

  /** Ends the session (whether or not it is still live) and clears its cookie. */
  app.post(CITY_PATHS.signOut, async (req, reply) => {
    const token = req.cookies[CITY_STAFF_COOKIE] ?? bearerOrNull(req);
    if (!token) throw new ApiError('staff_sign_in_required', 'No city session to sign out of');
    await staff.signOut(token, clock());
    reply.clearCookie(CITY_STAFF_COOKIE, { path: '/city' });
    return { ok: true };
  });

  app.get(CITY_PATHS.catalog, async (req, reply) => {
    await hallOf(req);
    const published = await store.latestCatalog();
    if (!published) throw new ApiError('not_found', 'The city has not published catalog values yet');
    const etag = catalogEtag(published.version);
    reply.header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return published;
  });

  app.get(CITY_PATHS.ratingRules, async (req, reply) => {
    await hallOf(req);
    const published = await store.latestRatingRules();
    if (!published) throw new ApiError('not_found', 'The city has not published rating rules yet');
    const etag = ratingRulesEtag(published.version);
    reply.header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return published;
  });

  app.get(CITY_PATHS.overview, async (req) => {
    await supervisor(req);
    return { halls: await reports.overview(), at: clock() };
  });

  registerCityReportRoutes(app, {
    figures: deps.figures,
    supervisor,
    parseQuery: (schema, value) => parse(schema, value, 'query'),
    clock,
    timeZone: deps.timeZone,
  });
}
