import { useCallback, useEffect, useState } from 'react';
import type { HallDashboard } from '@domain/contract/dashboard-api.js';
import type { CommandError } from './errors.js';
import { useHost } from './host-context.js';
import { useHostEvent } from './use-host-events.js';
import { useQuery } from './use-query.js';

export interface HallDashboardView {
  data: HallDashboard | undefined;
  error: CommandError | null;
  refetch: () => void;
}

/**
 * The hall dashboard, live. Read when the screen opens and after each reconnect; every change after
 * that is pushed whole while the screen follows it (the host computes it once for every
 * supervisor's screen, where each screen reading again on each push cost hundreds of reads per
 * call). Whichever of the read and the push is newer is shown. A follow the host refuses or ends
 * (nobody here may see it now) reads again, so the refusal shows as the read's error, as before.
 */
export function useHallDashboard(): HallDashboardView {
  const { connection } = useHost();
  const read = useQuery('hallDashboard', {});
  const readAgain = read.refetch;
  const [pushed, setPushed] = useState<HallDashboard | null>(null);
  useHostEvent('dashboard.state', (e) => setPushed(e.dashboard));
  useHostEvent('following', (e) => {
    if (e.view === null) readAgain();
  });
  useEffect(() => {
    connection.follow('dashboard');
    return () => connection.follow(null);
  }, [connection]);
  const refetch = useCallback(() => {
    readAgain();
    connection.follow('dashboard');
  }, [readAgain, connection]);
  const data = pushed && (!read.data || pushed.at >= read.data.at) ? pushed : read.data;
  return { data, error: read.error, refetch };
}
