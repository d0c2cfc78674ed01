import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import type { AgentDevice } from '../../domain/contract/agent-link.js';
import type { PrinterConfig } from '../../domain/contract/print-api.js';
import type { TerminalRole } from '../../domain/roles.js';
import { assertTimeZone, DEFAULT_TIME_ZONE, serviceDay } from '../../domain/service-day.js';
import type { Printer } from '../printing/printer.js';
import { agentDevices } from './agent-devices.js';
import { agentPrinting } from './agent-printing.js';
import { hubLink } from './hub-link.js';
import { startSimControl } from './sim-control.js';

export interface AgentOptions {
  /** Base URL of the hall hub, e.g. http://192.168.1.10:5150 */
  hub: string;
  role: TerminalRole;
  /** The terminal's credential (from pairing): the same one its screen uses. */
  token: string;
  /** Where the simulator's control socket lives (and the credential file, headless). */
  dataDir: string;
  /** Software version told to the hub (the admin screen's terminal list). */
  version: string;
  devices: readonly AgentDevice[];
  simulateDevices: boolean;
  printer: PrinterConfig | null;
  electronPrinter?: ((deviceName: string) => Printer) | undefined;
  /** The hub refused the credential (revoked): the owner decides (the CLI exits, the shell re-pairs). */
  refused?: (reason: string) => void;
  log?: (line: string) => void;
}

export interface RunningAgent {
  /** True while the hub has welcomed this agent. */
  readonly connected: boolean;
  /** The terminal's id at the hub (known after the first welcome). */
  readonly terminalId: number | null;
  close(): Promise<void>;
}

/** Further than this from the hub's clock, the machine's own clock is worth a line in the log
 * (screens show the hub's time regardless; the reader's expiry check uses the hub's day). */
const SKEW_WARN_MS = 60_000;

/**
 * A hall terminal's local agent (issue 15): runs the devices and the printer attached to this
 * machine and keeps one link to the hub, which holds the queue. Card reads and scans go to the
 * hub and from there to this terminal's screens only; print jobs come from the hub's durable
 * queue one step at a time. Runs headless (`npm run terminal`) or in the desktop shell's main
 * process: no Electron here.
 */
export async function startTerminalAgent(o: AgentOptions): Promise<RunningAgent> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`));
  // The hall's zone, as the hub tells it in its welcome.
  let timeZone = DEFAULT_TIME_ZONE;
  mkdirSync(o.dataDir, { recursive: true });
  // The hub's clock, once it has told it: what is "today" for a card's validity.
  let offset = 0;
  const hubNow = () => Date.now() + offset;
  let terminalId: number | null = null;
  let closing = false;

  const devices = agentDevices({
    devices: o.devices,
    simulate: o.simulateDevices,
    report: (m) => void link.send(m),
    clock: hubNow,
    today: () => serviceDay(hubNow(), timeZone),
    log,
  });
  const printing = agentPrinting({
    config: o.printer,
    electronPrinter: o.electronPrinter,
    statusChanged: (status, detail) => void link.send({ type: 'printer.status', status, detail }),
    log,
  });
  const link = hubLink({
    hub: o.hub,
    role: o.role,
    token: o.token,
    hello: () => ({
      type: 'hello',
      version: o.version,
      machine: hostname().slice(0, 100) || 'terminal',
      devices: devices.list(),
      printer: printing.config,
      printerStatus: printing.status.status,
      printerDetail: printing.status.detail,
    }),
    welcome(w) {
      offset = w.serverTime - Date.now();
      try {
        assertTimeZone(w.timeZone);
        timeZone = w.timeZone;
      } catch {
        log(`agent: the hub's time zone ${w.timeZone} is unknown here; keeping ${timeZone}`);
      }
      if (Math.abs(offset) > SKEW_WARN_MS) log(`agent: this machine's clock is ${Math.round(offset / 1000)} s off the hub's; the hub's time is used`);
      terminalId = w.terminal.id;
      log(`agent: connected to ${o.hub} as terminal #${w.terminal.id} (${w.terminal.role})`);
      void devices.setEnabled(w.devices).then(() => devices.reportAll());
    },
    devices: (d) => void devices.setEnabled(d.devices).then(() => devices.reportAll()),
    print: (call, request) => printing.run(call, request),
    refused(reason) {
      log(`agent: the hub refused this terminal's credential (${reason}); pair it again`);
      o.refused?.(reason);
    },
    status: (up) => {
      if (!up && !closing) log('agent: link to the hub lost; reconnecting');
    },
    log,
  });

  devices.start();
  const sim = o.simulateDevices ? await startSimControl(o.dataDir, devices.manager, log) : null;
  link.start();

  return {
    get connected() {
      return link.up;
    },
    get terminalId() {
      return terminalId;
    },
    async close() {
      closing = true;
      link.close();
      await sim?.close();
      await devices.close();
      await printing.close();
    },
  };
}
