import { useTranslation } from 'react-i18next';
import { REPORT_COLUMNS } from '@domain/reports/report-columns.js';
import { useQuery } from '../../data/use-query.js';
import { cellText, columnHeader } from '../admin/reports/report-format.js';

/** The few of a clerk's own figures worth a glance during the day; the route answers only for them. */
const SHOWN = ['served', 'waitMean', 'serviceMean', 'noShows', 'satisfaction', 'bad'];

/** 我的今日数据: the signed-in clerk's own figures today, read again after each queue change. */
export function MyFigures() {
  const { t } = useTranslation();
  const mine = useQuery('myFigures', {}, { refetchOn: ['queue.state'] });
  const figures = mine.data?.figures;
  if (!figures) return null;
  return (
    <section className="clerk-mine" aria-labelledby="clerk-mine-h" data-testid="my-figures">
      <h2 id="clerk-mine-h">{t('reports.mine.title')}</h2>
      <dl className="clerk-mine__list">
        {REPORT_COLUMNS.filter((c) => SHOWN.includes(c.id)).map((c) => (
          <div key={c.id} className="clerk-mine__item">
            <dt>{columnHeader(c, t)}</dt>
            <dd>{cellText(c, figures)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
