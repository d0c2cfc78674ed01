import type { PrinterConfig } from '../electron/domain/contract/print-api.js';
import type { Db } from './open.js';

interface AgentRow {
  terminal_id: number;
  version: string;
  machine: string;
  printer: string | null;
  connected_at: number;
  last_contact_at: number;
}

export interface StoredAgent {
  terminalId: number;
  version: string;
  machine: string;
  /** The printer attached to the agent's machine; null when it has none. */
  printer: PrinterConfig | null;
  connectedAt: number;
  lastContactAt: number;
}

const toAgent = (r: AgentRow): StoredAgent => ({
  terminalId: r.terminal_id,
  version: r.version,
  machine: r.machine,
  printer: r.printer === null ? null : (JSON.parse(r.printer) as PrinterConfig),
  connectedAt: r.connected_at,
  lastContactAt: r.last_contact_at,
});

/**
 * What each terminal's agent last reported (migration 010). Written when an agent says hello and,
 * at most every so often, when it is heard from; read by the admin screen and by printing (which
 * printer a terminal's papers go to while its agent is away).
 */
export function terminalAgentStore(db: Db) {
  const upsert = db.prepare<[number, string, string, string | null, number, number]>(
    `INSERT INTO terminal_agents (terminal_id, version, machine, printer, connected_at, last_contact_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (terminal_id) DO UPDATE SET version = excluded.version, machine = excluded.machine, printer = excluded.printer,
       connected_at = excluded.connected_at, last_contact_at = excluded.last_contact_at`,
  );
  const touch = db.prepare<[number, number]>(`UPDATE terminal_agents SET last_contact_at = ? WHERE terminal_id = ?`);
  const get = db.prepare<[number], AgentRow>(`SELECT * FROM terminal_agents WHERE terminal_id = ?`);
  const all = db.prepare<[], AgentRow>(`SELECT * FROM terminal_agents ORDER BY terminal_id`);

  return {
    /** An agent said hello: what it runs on and what it has. */
    hello(a: Omit<StoredAgent, 'lastContactAt'>): void {
      upsert.run(a.terminalId, a.version, a.machine, a.printer === null ? null : JSON.stringify(a.printer), a.connectedAt, a.connectedAt);
    },
    touch: (terminalId: number, at: number): void => void touch.run(at, terminalId),
    get(terminalId: number): StoredAgent | null {
      const r = get.get(terminalId);
      return r ? toAgent(r) : null;
    },
    list: (): StoredAgent[] => all.all().map(toAgent),
  };
}
export type TerminalAgentStore = ReturnType<typeof terminalAgentStore>;
