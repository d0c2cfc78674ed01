import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appRoot } from '../../db/app-root.js';
import { terminalStore } from '../../db/terminals.js';
import { ticketStore } from '../../db/tickets.js';
import { windowStore } from '../../db/windows.js';
import { appointmentStore } from '../../db/appointments.js';
import { auditStore } from '../../db/audit.js';
import { conversationStore } from '../../db/conversation.js';
import { settingsStore } from '../../db/settings.js';
import { reportCellStore } from '../../db/report-cells.js';
import { catalogService } from './catalog-service.js';
import { calendarService } from './cases/calendar-service.js';
import { calendarStore } from '../../db/calendar.js';
import { staffStore } from '../../db/staff.js';
import { api, EVENTS_PATH, EventsQuerySchema } from '../domain/contract/api.js';
import { MAX_AGENT_MESSAGE_BYTES } from '../domain/contract/agent-link.js';
import { credentialCookieName } from '../domain/roles.js';
import { assertTimeZone, DEFAULT_TIME_ZONE, serviceDay } from '../domain/service-day.js';
import { createEventHub } from './events/event-hub.js';
import { statePusher } from './events/state-pusher.js';
import { issueBatcher } from './queue/issue-batcher.js';
import { issueSetupCode } from './handlers/staff-handlers.js';
import { queueState } from './queue/queue-state.js';
import { IDLE_MS as STAFF_IDLE_MS, MAX_AGE_MS as STAFF_MAX_AGE_MS, staffResolver } from './staff/staff-session.js';
import { pausePointFromEnv } from './printing/print-queue.js';
import { printingService } from './printing/printing-service.js';
import { deviceStore } from '../../db/devices.js';
import { createDeviceManager } from './devices/device-manager.js';
import { writeSimCredential } from './devices/sim-credential.js';
import { simHandlers } from './handlers/sim-handlers.js';
import { simApi } from '../domain/contract/sim-api.js';
import { agentRegistry } from './agents/agent-registry.js';
import { registerAgentSocket } from './agents/agent-socket.js';
import { presenceTracker } from './agents/presence.js';
import { terminalAgentStore } from '../../db/terminal-agents.js';
import { dashboardPusher } from './dashboard/dashboard-pusher.js';
import { hallDashboard } from './dashboard/hall-dashboard.js';
import { SUPERVISORS } from '../domain/contract/access.js';
import { hallCityLink } from './city-link/hall-city-link.js';
import { cityFeedStore } from '../../db/city-feed.js';
import { imeOptionsFromEnv, imeService } from './ime/ime-service.js';
import type { HostContext } from './host-context.js';
import { backOfficeService } from './back-office/back-office-service.js';
import { openWithKeys } from './keys/open-with-keys.js';
import { dailyTask } from './maintenance/daily-task.js';
import { runRetentionPurge } from './maintenance/retention-purge.js';
import { reportWarmup } from './reports/report-warmup.js';
import { scheduledBackup } from './maintenance/scheduled-backup.js';
import type { HostOptions, RunningHost } from './host-api.js';
import { ApiError } from './http/api-error.js';
import { installErrorHandler } from './http/error-handler.js';
import { fastifyTimeouts, HALL_HTTP_TIMEOUTS } from './http/timeouts.js';
import { authorize } from './http/guard.js';
import { registerRoutes } from './http/register-routes.js';
import { hallRouteHandlers } from './http/hall-route-handlers.js';
import { registerRendererPages } from './http/renderer-pages.js';
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

  const { opened, cipher } = openWithKeys(options, clock(), log);
  const tickets = ticketStore(opened.db, cipher);
  // A clerk console follows a window's 笔谈 only where the window's holder is signed in; the
  // applicant-facing counter screen (a display terminal) follows the window it faces.
  // Which terminals are there (screens and agents), for the admin screen's terminal list.
  const presence = presenceTracker({
    agentOf: (id) => agents.stateOf(id),
    changed: (p) => events.sendToRole('admin', { type: 'terminal.presence', presence: p }),
    clock,
  });
  const events = createEventHub(
    log,
    (terminal, windowId) => {
      if (terminal.role !== 'clerk') return true;
      const holder = ctx.windows.get(windowId)?.staffId ?? null;
      return holder !== null && ctx.staff.signedInOn(holder, terminal.id, clock(), STAFF_IDLE_MS, STAFF_MAX_AGE_MS);
    },
    presence,
    // The hall dashboard goes to admin screens where a supervisor is signed in, as its route does.
    (_view, terminals) => {
      if (!terminals.some((t) => t.role === 'admin')) return new Set();
      const live = ctx.staff.terminalsWithLive(SUPERVISORS, clock(), STAFF_IDLE_MS, STAFF_MAX_AGE_MS);
      return new Set(terminals.filter((t) => t.role === 'admin' && live.has(t.id)).map((t) => t.id));
    },
  );
  const today = () => serviceDay(clock(), timeZone);
  const devices = createDeviceManager({ store: deviceStore(opened.db), events, log, today, clock, simulate: options.simulateDevices === true });
  // Hall terminals' agents: their devices' reads and their printers (issue 15).
  const agents = agentRegistry({
    db: opened.db,
    store: terminalAgentStore(opened.db),
    deviceStore: devices.store,
    devices,
    changed(terminalId) {
      presence.agentChanged(terminalId);
      ctx.printing.agentChanged(terminalId);
    },
    printerStatus: (terminalId) => void ctx.printing.refreshStatus(terminalId),
    heard: (terminalId) => presence.heard(terminalId),
    clock,
    timeZone,
    log,
  });
  const windows = windowStore(opened.db);
  const cityFeed = cityFeedStore(opened.db, cipher);
  const settings = settingsStore(opened.db);
  const pushState = statePusher(() => queueState({ tickets, windows, settings, today }), events);
  const ctx: HostContext = {
    version: readVersion(),
    printerRoot: options.printerRoot ? resolve(options.printerRoot) : null,
    databasePath: opened.path,
    schemaVersion: opened.schemaVersion,
    db: opened.db,
    cipher,
    tickets,
    windows,
    terminals: terminalStore(opened.db),
    staff: staffStore(opened.db),
    settings,
    audit: auditStore(opened.db),
    appointments: appointmentStore(opened.db, cipher),
    conversation: conversationStore(opened.db, cipher),
    events,
    printing: printingService({
      db: opened.db,
      cipher,
      clock,
      timeZone,
      log,
      // A printer's state concerns its own terminal (the kiosk's notice) and the admin screens only.
      broadcast: (e) => {
        if (e.type === 'print.jobs') return events.sendToRole('admin', e);
        if (e.type !== 'printer.status') return events.broadcast(e);
        events.sendToTerminal(e.terminalId, e);
        events.sendToRole('admin', e);
      },
      defaultPrinter: options.defaultPrinter,
      electronPrinter: options.electronPrinter,
      pauseAt: pausePointFromEnv(process.env),
      agents,
    }),
    pushState,
    issuer: issueBatcher(tickets, today, clock, pushState.soon),
    clock,
    timeZone,
    today,
    log,
    devices,
    agents,
    presence,
    catalog: catalogService(settings, log),
    ime: imeService({ ...imeOptionsFromEnv(process.env), ...options.ime }, log),
    backOffice: backOfficeService({
      db: opened.db,
      cipher,
      settings,
      service: (code) => ctx.catalog.find(code),
      clock,
      push: (e) => {
        events.sendToRole('clerk', e);
        events.sendToRole('admin', e);
      },
      caseChanged: (c) => events.sendToRole('clerk', { type: 'case.changed', ...c }),
      log,
      ...options.backOffice,
    }),
    calendar: calendarService(calendarStore(opened.db), () => cityFeed.cityCalendar()),
    city: hallCityLink({ db: opened.db, store: cityFeed, settings, ctx: () => ctx, clock, today, timeZone, log, options: options.city }),
  };

  dashboardPusher(events, hallDashboard(ctx), log);

  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    trustProxy: false,
    return503OnClosing: true,
    ...fastifyTimeouts({ ...HALL_HTTP_TIMEOUTS, ...options.httpTimeouts }),
  });
  installErrorHandler(app, log);
  await app.register(cookie);
  // An agent's messages may be larger than a screen's (the event hub holds screens to theirs).
  await app.register(websocket, { options: { maxPayload: MAX_AGENT_MESSAGE_BYTES } });
  app.addHook('onRequest', requestChecks(hostChecker(options.allowedHostNames ?? [])));
  app.addHook('onSend', async (req, reply) => securityHeaders(reply, req.url.startsWith('/api/')));

  const guard = { terminals: ctx.terminals, staffOf: staffResolver(ctx.staff, clock), clock };
  registerRoutes(app, api, hallRouteHandlers(ctx), guard);
  const setupCode = issueSetupCode(ctx);
  // Personal data past the supervisor's retention period goes at start, then once a day. A purge
  // that fails is logged and tried again tomorrow: the hall opens regardless.
  try {
    runRetentionPurge(ctx);
  } catch (err) {
    log(`retention: purge failed: ${(err as Error).message}`);
  }
  // Only a simulating host has these routes: elsewhere their paths are unknown (404), not refused.
  if (options.simulateDevices) registerRoutes(app, simApi, simHandlers(ctx), guard);

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
      ctx.events.attach(socket, terminal, { type: 'hello', serverTime: clock(), queue: queueState(ctx) });
    } catch (err) {
      socket.close(1008, err instanceof ApiError ? err.code : 'refused');
    }
  });

  registerAgentSocket(app, ctx, () => closing !== null);

  await registerRendererPages(app, options.rendererDir);

  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (err) {
    ctx.backOffice.stop();
    ctx.events.close();
    ctx.ime.close();
    await ctx.printing.close();
    opened.db.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const url = `http://${urlHost}:${port}`;
  ctx.devices.start();
  // The hall's records go to the city when it can be reached; nothing here waits for it.
  ctx.city.start();
  if (options.simulateDevices) await ctx.devices.startSimulatedSerial();
  const tasks = [
    dailyTask({
      name: 'retention',
      clock,
      log,
      lastRunAt: clock(),
      run: () => void runRetentionPurge(ctx),
      ...(options.schedule ? { schedule: options.schedule } : {}),
    }),
    ...(options.backup ? [scheduledBackup(opened.db, options.backup, clock, log, options.schedule)] : []),
    // The reports' rollup of days not built yet (an upgraded hall's history), in the background.
    reportWarmup(reportCellStore(opened.db, timeZone), log),
  ];
  if (options.simulateDevices) {
    const { token } = ctx.terminals.enrollLocal('admin', 'simulator', clock());
    log(`devices: simulator on; npm run sim reads ${writeSimCredential(options.dataDir, url, token)}`);
  }

  return {
    url,
    databasePath: opened.path,
    schemaVersion: opened.schemaVersion,
    setupCode,
    issuePairingCode: (role, name, ttlMs) => ({ ...ctx.terminals.issueCode(role, name, clock(), ttlMs), role, name }),
    enrollLocalTerminal: (role, name) => ({ ...ctx.terminals.enrollLocal(role, name, clock()), cookieName: credentialCookieName(role) }),
    close() {
      closing ??= (async () => {
        // Devices first: a read finishing now would have nowhere to go.
        await ctx.devices.close();
        // Deliveries in flight are abandoned: their rows stay 'sending' and go again at the next start.
        ctx.backOffice.stop();
        await ctx.city.stop();
        ctx.agents.close();
        // A backup in progress finishes before the database closes.
        await Promise.all(tasks.map((t) => t.stop()));
        ctx.events.close();
        // A character being recognised fails; the recogniser's process goes with the host.
        ctx.ime.close();
        // Requests in flight get a moment to finish (a ticket being issued is answered); after
        // that, connections still open (a screen's keep-alive or a socket that raced the close)
        // are cut so that a stop never hangs.
        const force = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        try {
          await app.close();
        } finally {
          clearTimeout(force);
          // The print step in hand finishes (its state committed) before the database closes.
          await ctx.printing.close();
          opened.db.close();
        }
      })();
      return closing;
    },
  };
}
