import type { WebSocket } from 'ws';
import { AGENT_PING_MS } from '../../domain/contract/agent-link.js';
import type { PrinterConfig } from '../../domain/contract/print-api.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import type { DeviceStore } from '../../../db/devices.js';
import type { TerminalAgentStore } from '../../../db/terminal-agents.js';
import type { Db } from '../../../db/open.js';
import type { DeviceManager } from '../devices/device-manager.js';
import type { Printer } from '../printing/printer.js';
import { agentLink, type AgentEvent, type AgentHello, type AgentLink } from './agent-link.js';
import { agentPrinter } from './agent-printer.js';

export interface AgentRegistryDeps {
  db: Db;
  store: TerminalAgentStore;
  deviceStore: DeviceStore;
  devices: DeviceManager;
  /** A terminal's agent came or went: presence and printing follow (wired in start-host). */
  changed(terminalId: number, online: boolean): void;
  /** Its printer reported a new state. */
  printerStatus(terminalId: number): void;
  heard(terminalId: number): void;
  clock: () => number;
  timeZone: string;
  log: (line: string) => void;
}

/** How often the hub writes an agent's last contact to the database (presence itself is live). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The hub's side of the terminals' agents: one link per terminal (a newer one replaces an older,
 * as after an agent restart that the hub did not notice yet), what each reported (stored, so the
 * admin screen and printing know it while the agent is away), its devices' reads routed as the
 * hub's own devices' are, and its printer reached through the link.
 */
export function agentRegistry(deps: AgentRegistryDeps) {
  const links = new Map<number, AgentLink>();
  const known = new Map(deps.store.list().map((a) => [a.terminalId, a]));
  /** Device ids by terminal and the agent's key for them. */
  const deviceIds = new Map<number, Map<string, number>>();
  const printers = new Map<number, Printer>();
  const touched = new Map<number, number>();

  const beat = setInterval(() => {
    for (const l of links.values()) l.checkSilence();
  }, AGENT_PING_MS);
  beat.unref();

  function idsOf(terminalId: number): { key: string; id: number; enabled: boolean }[] {
    return deps.deviceStore
      .list()
      .filter((d) => d.terminalId === terminalId && d.agentKey !== null)
      .map((d) => ({ key: d.agentKey ?? '', id: d.id, enabled: d.enabled }));
  }

  const hooks = {
    hello(link: AgentLink, hello: AgentHello): void {
      const terminalId = link.terminal.id;
      const previous = links.get(terminalId);
      links.set(terminalId, link);
      if (previous && previous !== link) previous.close(1000, 'replaced by a newer connection of this agent');
      const now = deps.clock();
      const stored = deps.db
        .transaction(() => {
          deps.store.hello({ terminalId, version: hello.version, machine: hello.machine, printer: hello.printer, connectedAt: now });
          return hello.devices.map((d) => deps.deviceStore.upsertForAgent(terminalId, d, now));
        })
        .immediate();
      known.set(terminalId, { terminalId, version: hello.version, machine: hello.machine, printer: hello.printer, connectedAt: now, lastContactAt: now });
      deviceIds.set(terminalId, new Map(stored.map((d) => [d.agentKey ?? '', d.id])));
      link.printerStatus = { status: hello.printer ? hello.printerStatus : 'none', detail: hello.printerDetail };
      void Promise.all(stored.map((d) => deps.devices.reload(d.id))).then(() => {
        link.send({
          type: 'welcome',
          serverTime: deps.clock(),
          timeZone: deps.timeZone,
          terminal: { id: terminalId, name: link.terminal.name, role: link.terminal.role },
          devices: idsOf(terminalId),
        });
      });
      deps.log(`agents: terminal #${terminalId} (${link.terminal.role}) agent ${hello.version} connected with ${hello.devices.length} device(s)`);
      deps.changed(terminalId, true);
    },
    message(link: AgentLink, m: AgentEvent): void {
      const terminalId = link.terminal.id;
      if (m.type === 'printer.status') {
        link.printerStatus = { status: m.status, detail: m.detail };
        deps.printerStatus(terminalId);
        return;
      }
      const id = deviceIds.get(terminalId)?.get(m.key);
      if (id === undefined) return;
      if (m.type === 'device.status') deps.devices.remoteHealth(id, m.health);
      else if (m.type === 'device.card') deps.devices.remoteCard(id, m.read);
      else deps.devices.remoteScan(id, m.scan);
    },
    heard(link: AgentLink): void {
      const terminalId = link.terminal.id;
      deps.heard(terminalId);
      const now = deps.clock();
      if (now - (touched.get(terminalId) ?? 0) >= TOUCH_EVERY_MS) {
        touched.set(terminalId, now);
        deps.store.touch(terminalId, now);
      }
    },
    closed(link: AgentLink): void {
      const terminalId = link.terminal.id;
      if (links.get(terminalId) !== link) return;
      links.delete(terminalId);
      deps.store.touch(terminalId, deps.clock());
      for (const id of deviceIds.get(terminalId)?.values() ?? []) void deps.devices.reload(id);
      deps.log(`agents: terminal #${terminalId}'s agent disconnected`);
      deps.changed(terminalId, false);
    },
    log: deps.log,
  };

  return {
    /** A new agent socket, already authorised as its terminal. */
    attach(socket: WebSocket, terminal: Terminal): void {
      agentLink(socket, terminal, hooks, deps.clock);
    },
    online: (terminalId: number): boolean => links.get(terminalId)?.open === true,
    /** 'none' for a terminal that never ran an agent. */
    stateOf(terminalId: number): 'online' | 'offline' | 'none' {
      if (links.get(terminalId)?.open) return 'online';
      return known.has(terminalId) ? 'offline' : 'none';
    },
    reported: (terminalId: number) => known.get(terminalId) ?? null,
    /** The printer on the terminal's machine, as its agent last reported it (also while away). */
    configOf: (terminalId: number): PrinterConfig | null => {
      const p = known.get(terminalId)?.printer ?? null;
      return p && p.kind !== 'none' ? p : null;
    },
    printerOf(terminalId: number): Printer | null {
      const config = known.get(terminalId)?.printer;
      if (!config || config.kind === 'none') return null;
      let p = printers.get(terminalId);
      if (!p) {
        p = agentPrinter(
          terminalId,
          () => links.get(terminalId) ?? null,
          () => known.get(terminalId) ?? null,
        );
        printers.set(terminalId, p);
      }
      return p;
    },
    /** After a supervisor switched one of its devices on or off: the agent hears of it. */
    devicesChanged(terminalId: number): void {
      links.get(terminalId)?.send({ type: 'devices', devices: idsOf(terminalId) });
    },
    /** A revoked terminal's agent is cut off with its screens. */
    closeTerminal(terminalId: number, reason: string): void {
      links.get(terminalId)?.close(1008, reason);
    },
    close(): void {
      clearInterval(beat);
      for (const l of [...links.values()]) l.close(1001, 'hub shutting down');
      links.clear();
    },
  };
}
export type AgentRegistry = ReturnType<typeof agentRegistry>;
