import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import { URGENCIES } from '@domain/cases/case-deadlines.js';
import { CaseList } from '../../../components/cases/CaseList.js';
import { Panel } from '../../../components/panel/Panel.js';
import { useQuery } from '../../../data/use-query.js';

/**
 * 我的办件: the cases this clerk owns (首接责任) that are not finished, most urgent first, with a
 * count per urgency so that what is overdue or due today is seen before it is opened.
 */
export function MyCases({ catalog, onOpen }: { catalog: Catalog | null; onOpen: (caseNumber: string) => void }) {
  const { t } = useTranslation();
  const mine = useQuery('myCases', {}, { refetchOn: ['case.changed'] });
  const cases = mine.data?.cases;
  const counts = URGENCIES.filter((u) => u !== 'on_track').map((u) => ({ u, n: (cases ?? []).filter((c) => c.urgency === u).length }));
  return (
    <Panel title={t('cases.mine.title')} error={mine.error?.key ?? null} className="case-mine">
      <ul className="case-counts" aria-label={t('cases.mine.counts')}>
        {counts.map(({ u, n }) => (
          <li key={u} className={`case-urgency case-urgency--${u}`}>
            {t(`cases.urgency.${u}`)}：{n}
          </li>
        ))}
      </ul>
      <CaseList cases={cases} failed={mine.error !== null} catalog={catalog} empty={t('cases.mine.none')} label={t('cases.mine.table')} onOpen={onOpen} />
    </Panel>
  );
}
