import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Terminal } from '@domain/contract/schemas.js';
import type { TerminalRole } from '@domain/roles.js';
import { ConnectionBanner } from '../components/ConnectionBanner.js';
import { HostConnection } from './host-connection.js';
import { HostContext, type HostContextValue } from './host-context.js';

/**
 * Opens the page's one connection to the host for as long as the screen is shown, and shows the
 * same "connection lost" notice on every screen when it drops.
 */
export function HostProvider({ role, terminal, children }: { role: TerminalRole; terminal: Terminal; children: ReactNode }) {
  const [value] = useState<HostContextValue>(() => ({ terminal, connection: new HostConnection(role), queries: new Map(), sessionLost: new Set() }));
  const { connection } = value;
  useEffect(() => {
    connection.start();
    return () => connection.stop();
  }, [connection]);
  return (
    <HostContext.Provider value={value}>
      <ConnectionBanner />
      {children}
    </HostContext.Provider>
  );
}
