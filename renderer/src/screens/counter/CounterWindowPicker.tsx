import { useTranslation } from 'react-i18next';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useQuery } from '../../data/use-query.js';

/** Set once when the screen is mounted on a counter: which window does it face? */
export function CounterWindowPicker({ onChoose }: { onChoose: (id: number) => void }) {
  const { t } = useTranslation();
  const windows = useQuery('listWindows');
  const list = windows.data?.windows;

  return (
    <main className="counter-main counter-setup">
      <h1>{t('counter.chooseWindow')}</h1>
      <p className="counter-setup__lead">{t('counter.chooseWindowLead')}</p>
      <AlertRegion messageKey={windows.error?.key ?? null} />
      {windows.error ? (
        <button type="button" className="btn btn--big" onClick={windows.refetch}>
          {t('common.retry')}
        </button>
      ) : null}
      {list === undefined ? null : list.length === 0 ? (
        <p>{t('clerk.noWindows')}</p>
      ) : (
        <ul className="counter-setup__list">
          {list.map((w) => (
            <li key={w.id}>
              <button type="button" className="counter-setup__window" onClick={() => onChoose(w.id)}>
                {w.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
