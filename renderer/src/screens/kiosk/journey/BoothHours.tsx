import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@domain/contract/api.js';
import { formatDateTime } from '../../../i18n/format.js';

/** Days 1–7 as runs: [1,2,3,4,5] → "周一至周五" (Mon–Fri), [1,2,3,4,5,6] …, [1,3] → "周一、周三". */
function dayRuns(days: readonly number[], name: (d: number) => string, range: (a: string, b: string) => string, sep: string): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? name(a) : b === a + 1 ? `${name(a)}${sep}${name(b)}` : range(name(a), name(b)))).join(sep);
}

/** At a booth: when the hall (and its windows) are open, and whether they are open now. */
export function BoothHours({ hall }: { hall: ResponseOf<'hallInfo'> }) {
  const { t, i18n } = useTranslation();
  const h = hall.openingHours;
  const days = dayRuns(
    h.days,
    (d) => t(`journey.weekday.${d}`),
    (a, b) => t('journey.dayRange', { from: a, to: b }),
    t('journey.daySep'),
  );
  const hours = `${days} ${h.open}–${h.close}`;
  return (
    <div className="booth-hours" role="note">
      <p>{t('journey.booth.lead')}</p>
      <p>{t('journey.booth.open', { hours })}</p>
      <p className="booth-hours__now">
        {hall.openNow
          ? t('journey.booth.openNow')
          : t('journey.booth.closedNow', { when: hall.nextOpening === null ? '' : formatDateTime(hall.nextOpening, i18n.language) })}
      </p>
    </div>
  );
}
