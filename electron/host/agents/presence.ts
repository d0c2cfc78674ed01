import type { TerminalPresence } from '../../domain/contract/terminals-api.js';

export interface PresenceDeps {
  /** Whether this terminal ever ran an agent, and whether its link is up now. */
  agentOf(terminalId: number): 'online' | 'offline' | 'none';
  /** Told whenever a terminal's presence changes (the admin screens' terminal list). */
  changed(presence: TerminalPresence): void;
  clock: () => number;
}

/**
 * Which terminals are there now: the screens' sockets (the event hub drops a silent one within a
 * heartbeat) and the agents' links (dropped after AGENT_SILENCE_MS of silence), with the last time
 * anything was heard from each terminal. Kept in memory: after a hub restart every terminal is
 * away until it reconnects, which is the truth.
 */
export function presenceTracker(deps: PresenceDeps) {
  const screens = new Map<number, number>();
  const heardAt = new Map<number, number>();

  function of(terminalId: number): TerminalPresence {
    return { terminalId, screens: screens.get(terminalId) ?? 0, agent: deps.agentOf(terminalId), lastContactAt: heardAt.get(terminalId) ?? null };
  }
  const tell = (terminalId: number) => deps.changed(of(terminalId));

  return {
    of,
    /** Anything at all from this terminal: a ping, a request, an agent's message. Cheap: no push. */
    heard(terminalId: number): void {
      heardAt.set(terminalId, deps.clock());
    },
    screenOpened(terminalId: number): void {
      screens.set(terminalId, (screens.get(terminalId) ?? 0) + 1);
      heardAt.set(terminalId, deps.clock());
      tell(terminalId);
    },
    screenClosed(terminalId: number): void {
      const n = (screens.get(terminalId) ?? 0) - 1;
      if (n > 0) screens.set(terminalId, n);
      else screens.delete(terminalId);
      tell(terminalId);
    },
    /** The terminal's agent connected or went away. */
    agentChanged(terminalId: number): void {
      heardAt.set(terminalId, deps.clock());
      tell(terminalId);
    },
  };
}
export type Presence = ReturnType<typeof presenceTracker>;
