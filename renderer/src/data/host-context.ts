import { createContext, useContext } from 'react';
import type { RouteName } from '@domain/contract/api.js';
import type { Terminal } from '@domain/contract/schemas.js';
import type { HostConnection } from './host-connection.js';

/**
 * What a page shares with every screen part under it: its one connection to the host, the
 * mounted queries (so a command can make the lists it changed read again), and who is told when
 * the host says the staff member's session has ended.
 */
export interface HostContextValue {
  /** This screen's terminal, as the host knows it. */
  terminal: Terminal;
  connection: HostConnection;
  /** Every mounted query's refetch, by route: a command's `invalidates` calls them. */
  queries: Map<RouteName, Set<() => void>>;
  /** The staff gate's handler: the host no longer knows who is signed in here. */
  sessionLost: Set<() => void>;
}

export const HostContext = createContext<HostContextValue | null>(null);

export function useHost(): HostContextValue {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost: this component must be inside <HostProvider> (ScreenGate provides it)');
  return host;
}
