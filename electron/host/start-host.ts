import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../db/app-root.js';
import { openDatabase } from '../../db/open.js';
import { terminalStore } from '../../db/terminals.js';
import { ticketStore } from '../../db/tickets.js';
import { windowStore } from '../../db/windows.js';
import { EVENTS_PATH, EventsQuerySchema } from '../domain/contract/api.js';
import { MAX_CLIENT_MESSAGE_BYTES } from '../domain/contract/events.js';
import { credentialCookieName } from '../domain/roles.js';
import { assertTimeZone, DEFAULT_TIME_ZONE, serviceDay } from '../domain/service-day.js';
import { createEventHub } from './events/event-hub.js';
import { statePusher } from './events/state-pusher.js';
import { issueBatcher } from './queue/issue-batcher.js';
import { queueHandlers } from './handlers/queue-handlers.js';
import { terminalHandlers } from './handlers/terminal-handlers.js';
import type { HostContext } from './host-context.js';
import type { HostOptions, RunningHost } from './host-api.js';
import { ApiError } from './http/api-error.js';
import { installErrorHandler } from './http/error-handler.js';
import { authorize } from './http/guard.js';
import { registerRoutes } from './http/register-routes.js';
import { hostChecker, requestChecks, securityHeaders } from './http/request-checks.js';

const CLOSE_GRACE_MS = 2000;

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** Starts the host: opens and migrates the database, then serves the API, events and renderer. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? Date.now;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);

  const opened = openDatabase(options.dataDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const tickets = ticketStore(opened.db);
  const events = createEventHub(log);
  const today = () => serviceDay(clock(), timeZone);
  const pushState = statePusher(tickets, events, today);
  const ctx: HostContext = {
    version: readVersion(),
    databasePath: opened.path,
    schemaVersion: opened.schemaVersion,
    db: opened.db,
    tickets,
    windows: windowStore(opened.db),
    terminals: terminalStore(opened.db),
    events,
    pushState,
    issuer: issueBatcher(tickets, today, clock, pushState.soon),
    clock,
    today,
    log,
  };

  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, trustProxy: false, return503OnClosing: true });
  installErrorHandler(app, log);
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });
  app.addHook('onRequest', requestChecks(hostChecker(options.allowedHostNames ?? [])));
  app.addHook('onSend', async (req, reply) => securityHeaders(reply, req.url.startsWith('/api/')));

  registerRoutes(app, { ...terminalHandlers(ctx), ...queueHandlers(ctx) }, ctx.terminals, clock);

  let closing: Promise<void> | null = null;
  app.get(EVENTS_PATH, { websocket: true }, (socket, req) => {
    // A screen reconnects as soon as it is dropped; while stopping, turn it away at once, or its
    // fresh socket would hold the server open.
    if (closing) {
      socket.close(1001, 'host shutting down');
      return;
    }
    // Authorise before the first byte is pushed; a refused socket is closed with a reason.
    const query = EventsQuerySchema.safeParse(req.query);
    if (!query.success) {
      socket.close(1008, 'query must be ?role=<terminal role>');
      return;
    }
    try {
      const terminal = authorize(req, ['kiosk', 'booth', 'clerk', 'display', 'admin'], ctx.terminals, clock());
      if (!terminal) throw new ApiError('unauthorized', 'Not paired');
      ctx.events.attach(socket, terminal, { type: 'hello', serverTime: clock(), queue: ctx.tickets.state(ctx.today()) });
    } catch (err) {
      socket.close(1008, err instanceof ApiError ? err.code : 'refused');
    }
  });

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: rendererDir, prefix: '/', wildcard: false, index: false, cacheControl: false });
    // Hashed asset names never change content; the HTML must always be fresh.
    app.addHook('onSend', async (req, reply) => {
      if (req.url.startsWith('/assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && rendererDir && existsSync(join(rendererDir, 'index.html'));
    if (isPage) {
      // Client-side routes (/kiosk, /clerk …) all load the one app.
      return reply.header('Cache-Control', 'no-store').sendFile('index.html');
    }
    const err = new ApiError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
    return reply.code(err.status).send(err.body());
  });

  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (err) {
    ctx.events.close();
    opened.db.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const url = `http://${urlHost}:${port}`;

  return {
    url,
    databasePath: opened.path,
    schemaVersion: opened.schemaVersion,
    issuePairingCode: (role, name, ttlMs) => ({ ...ctx.terminals.issueCode(role, name, clock(), ttlMs), role, name }),
    enrollLocalTerminal: (role, name) => ({ ...ctx.terminals.enrollLocal(role, name, clock()), cookieName: credentialCookieName(role) }),
    close() {
      closing ??= (async () => {
        ctx.events.close();
        // Requests in flight get a moment to finish (a ticket being issued is answered); after
        // that, connections still open (a screen's keep-alive or a socket that raced the close)
        // are cut so that a stop never hangs.
        const force = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        try {
          await app.close();
        } finally {
          clearTimeout(force);
          opened.db.close();
        }
      })();
      return closing;
    },
  };
}
