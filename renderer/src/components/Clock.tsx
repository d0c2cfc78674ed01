import { useEffect, useState } from 'react';
import { useHostClock } from '../data/use-host-events.js';
import { formatTime } from '../i18n/format.js';

/** HH:mm of the hub's clock in the hall's zone: every screen in the hall shows the same time,
 * whatever the terminal's own clock says. */
export function Clock({ className }: { className?: string }) {
  const hostNow = useHostClock();
  const [now, setNow] = useState(hostNow);
  useEffect(() => {
    const id = window.setInterval(() => setNow(hostNow()), 1000);
    return () => window.clearInterval(id);
  }, [hostNow]);
  const d = new Date(now);
  return (
    <time className={className} dateTime={d.toISOString()}>
      {formatTime(now, 'en-GB')}
    </time>
  );
}
