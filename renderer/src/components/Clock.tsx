import { useEffect, useState } from 'react';
import { HALL_TIME_ZONE } from '../i18n/setup.js';

const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: HALL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** HH:mm in the hall's zone, whatever the machine's clock zone is. */
export function Clock({ className }: { className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const d = new Date(now);
  return (
    <time className={className} dateTime={d.toISOString()}>
      {hhmm.format(d)}
    </time>
  );
}
