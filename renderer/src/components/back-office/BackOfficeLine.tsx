import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackOfficeLinkStatus } from '@domain/contract/back-office-api.js';
import { useHostClock } from '../../data/use-host-events.js';
import { useQuery } from '../../data/use-query.js';
import { formatTime } from '../../i18n/format.js';
import './back-office.css';

const MINUTE = 60_000;
/** How long "reachable again" stays up after an outage ends. */
const RECOVERED_SHOWN_MS = 5 * MINUTE;

/**
 * The outage line (clerk console, admin screen): for each back office that does not answer, since
 * when, how many messages wait and how old the oldest is; and when it answers again, that it does.
 * Pushed by the host; the hall's own work never waits on what it shows.
 */
export function BackOfficeLine() {
  const { t, i18n } = useTranslation();
  const now = useHostClock();
  const status = useQuery('backOfficeStatus', {}, { refetchOn: ['backoffice.status'] });
  const [, tick] = useState(0);
  const down = useRef(new Set<string>());
  const [recovered, setRecovered] = useState<Map<string, number>>(new Map());
  const links = useMemo(() => status.data?.links ?? [], [status.data]);

  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const back = links.filter((l) => l.state === 'up' && down.current.has(l.system));
    for (const l of links) if (l.state === 'unreachable') down.current.add(l.system);
    for (const l of back) down.current.delete(l.system);
    if (back.length > 0) setRecovered((r) => new Map([...r, ...back.map((l): [string, number] => [l.system, now()])]));
  }, [links, now]);

  const system = (l: BackOfficeLinkStatus) => t(`backOffice.system.${l.system}`);
  const lines: { key: string; text: string; alarm: boolean }[] = [];
  for (const l of links) {
    const oldest = l.oldestAt === null ? 0 : Math.max(0, Math.floor((now() - l.oldestAt) / MINUTE));
    if (l.state === 'unreachable')
      lines.push({
        key: l.system,
        alarm: true,
        text: t('backOffice.line.down', { system: system(l), since: l.since === null ? '' : formatTime(l.since, i18n.language), n: l.waiting, min: oldest }),
      });
    else if ((recovered.get(l.system) ?? 0) > now() - RECOVERED_SHOWN_MS)
      lines.push({
        key: l.system,
        alarm: false,
        text: l.waiting > 0 ? t('backOffice.line.sending', { system: system(l), n: l.waiting }) : t('backOffice.line.back', { system: system(l) }),
      });
    if (l.dead > 0) lines.push({ key: `${l.system}-dead`, alarm: true, text: t('backOffice.line.dead', { system: system(l), n: l.dead }) });
  }

  return (
    <div className="back-office-line" role="status" aria-live="polite">
      {lines.map((l) => (
        <p key={l.key} className={l.alarm ? 'back-office-line__item back-office-line__item--alarm' : 'back-office-line__item'}>
          {l.text}
        </p>
      ))}
    </div>
  );
}
