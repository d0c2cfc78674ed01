import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceWindow } from '@domain/contract/schemas.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useRunner } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { windowAction } from './clerk-api.js';

/** The windows of the hall with their A and B lines and who has them open; choosing one opens it. */
export function WindowPicker({ onChoose, notice }: { onChoose: (id: number) => void; notice: string | null }) {
  const { t } = useTranslation();
  const baseId = useId();
  // Re-read on every queue push too: another clerk opening or pausing a window shows up here.
  const listed = useQuery('listWindows', {}, { refetchOn: ['queue.state'] });
  const windows = listed.data?.windows ?? null;
  const opener = useRunner<string>();

  // Windows a colleague holds, found when opening one: offered for an explicit take-over (AB角).
  const [held, setHeld] = useState<number | null>(null);
  const open = (id: number) =>
    void opener
      .run(String(id), () => windowAction('openWindow', id))
      .then((w) => {
        if (w) onChoose(id);
        else setHeld(id);
      });
  const takeOver = (id: number) => void opener.run(`take-${id}`, () => windowAction('takeOverWindow', id)).then((w) => w && onChoose(id));
  const error = opener.error ? (opener.error.code === 'conflict' ? 'clerk.openConflict' : opener.error.key) : (listed.error?.key ?? null);
  const opening = opener.busy;

  const lines = (w: ServiceWindow, which: 'primary' | 'backup') => w[which].map((l) => t(`line.${l}`)).join(t('common.listSeparator'));
  const status = (w: ServiceWindow) =>
    w.status === 'closed' ? t('clerk.status.closed') : t(`clerk.status.${w.status}By`, { name: w.staffName ?? t('clerk.status.nobody') });

  return (
    <main className="clerk-main">
      <h1>{t('clerk.chooseWindow')}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <AlertRegion messageKey={error} onDismiss={opener.clearError} />
      {error && windows === null ? (
        <button type="button" className="btn" onClick={listed.refetch}>
          {t('common.retry')}
        </button>
      ) : null}
      {windows === null ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : windows.length === 0 ? (
        <p>{t('clerk.noWindows')}</p>
      ) : (
        <ul className="window-list">
          {windows.map((w) => (
            <li key={w.id} className={`window-list__item window-list__item--${w.status}`}>
              <button
                type="button"
                className="window-button"
                aria-describedby={`${baseId}-${w.id}`}
                disabled={opening !== null}
                aria-busy={opening === String(w.id)}
                onClick={() => open(w.id)}
              >
                {w.name}
              </button>
              <div id={`${baseId}-${w.id}`} className="window-list__info">
                <p className="window-list__lines">
                  <span className="line-mark line-mark--a">{t('clerk.markA')}</span> {lines(w, 'primary')}
                </p>
                {w.backup.length > 0 ? (
                  <p className="window-list__lines">
                    <span className="line-mark line-mark--b">{t('clerk.markB')}</span> {lines(w, 'backup')}
                  </p>
                ) : null}
                <p className={`window-list__status window-list__status--${w.status}`}>{opening === String(w.id) ? t('clerk.opening') : status(w)}</p>
                {held === w.id && w.status !== 'closed' ? (
                  <button type="button" className="btn" disabled={opening !== null} onClick={() => takeOver(w.id)}>
                    {t('clerk.takeOver', { window: w.name })}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
