import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { appRoot } from '../../db/app-root.js';
import { installErrorHandler } from '../host/http/error-handler.js';
import { securityHeaders } from '../host/http/request-checks.js';
import { ApiError } from '../host/http/api-error.js';
import { cityFigures } from './city-figures.js';
import { cityReports } from './city-reports.js';
import { registerCityRoutes } from './city-routes.js';
import { DEFAULT_TIME_ZONE } from '../domain/service-day.js';
import { cityStaff } from './city-staff.js';
import { cityStore } from './city-store.js';
import { loadPgMigrations, migratePg } from './pg-migrate.js';
import type { PublishedCalendar } from '../domain/city/published-calendar.js';
import type { PublishedCatalog } from '../domain/city/published-catalog.js';
import { STAFF_SESSION_LIMITS, type SessionLimits } from '../domain/sessions/session-expiry.js';
import type { PublishedRatingRules } from '../domain/city/published-rating-rules.js';

export interface CityOptions {
  /** postgres://user@host:port/db */
  databaseUrl: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  log?: (line: string) => void;
  clock?: () => number;
  /** How long a supervisor's session lasts unused, and at most; the hall's staff sessions' by default. */
  sessionLimits?: SessionLimits;
  /** The built renderer: the city's screens are its /city route. Omitted: API only. */
  rendererDir?: string;
  /** The halls' time zone, for the printed report's time (DEFAULT_TIME_ZONE unless given). */
  timeZone?: string;
}

export interface RunningCity {
  readonly url: string;
  readonly schemaVersion: number;
  issueCode(hallId: string, ttlMs?: number): Promise<string>;
  addSupervisor(staffId: string): Promise<string>;
  publishCalendar(days: PublishedCalendar['days']): Promise<number>;
  publishCatalog(values: PublishedCatalog['values']): Promise<number>;
  publishRatingRules(rules: PublishedRatingRules['rules']): Promise<number>;
  close(): Promise<void>;
}

/** Opens the pool, migrates the city's PostgreSQL and serves the city API. */
export async function startCity(options: CityOptions): Promise<RunningCity> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? Date.now;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  // An idle client's error (the server restarted) must not crash the city; the next query reconnects.
  pool.on('error', (err) => log(`city: database connection lost: ${err.message}`));
  let schemaVersion: number;
  try {
    schemaVersion = await migratePg(pool, loadPgMigrations(join(appRoot(), 'city', 'migrations')));
  } catch (err) {
    await pool.end();
    throw err;
  }
  const store = cityStore(pool);
  const limits = options.sessionLimits ?? STAFF_SESSION_LIMITS;
  const staff = cityStaff(pool, limits);
  // A batch is cut at MAX_BATCH_CHARS of payload, but one report_day record may be up to
  // MAX_REPORT_DAY_PAYLOAD on its own (feed.ts): room for either, with their JSON.
  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 });
  installErrorHandler(app, log);
  await app.register(cookie);
  app.addHook('onSend', async (req, reply) => securityHeaders(reply, req.url.startsWith('/city/api/')));
  registerCityRoutes(app, {
    store,
    reports: cityReports(pool),
    figures: cityFigures(pool),
    staff,
    limits,
    clock,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
  });
  const rendererDir = options.rendererDir;
  const hasRenderer = rendererDir !== undefined && existsSync(join(rendererDir, 'index.html'));
  if (hasRenderer) await app.register(fastifyStatic, { root: rendererDir, prefix: '/', wildcard: false, index: false, cacheControl: false });
  app.setNotFoundHandler((req, reply) => {
    // The city's screens are client-side routes of the one app.
    if (hasRenderer && req.method === 'GET' && req.url.startsWith('/city') && !req.url.startsWith('/city/api/')) {
      return reply.header('Cache-Control', 'no-store').sendFile('index.html');
    }
    const err = new ApiError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
    return reply.code(err.status).send(err.body());
  });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (err) {
    await pool.end();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    schemaVersion,
    issueCode: (hallId, ttlMs = 24 * 60 * 60_000) => store.issueCode(hallId, ttlMs, clock()),
    addSupervisor: (staffId) => staff.add(staffId, 'city-supervisor', clock()),
    publishCalendar: (days) => store.publishCalendar(days),
    publishCatalog: (values) => store.publishCatalog(values),
    publishRatingRules: (rules) => store.publishRatingRules(rules),
    async close() {
      const force = setTimeout(() => app.server.closeAllConnections(), 2000);
      try {
        await app.close();
      } finally {
        clearTimeout(force);
        await pool.end();
      }
    },
  };
}
