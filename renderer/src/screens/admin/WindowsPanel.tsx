import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '@domain/business-lines.js';
import type { ServiceWindow } from '@domain/contract/schemas.js';
import { callApi, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useStaffErrorKey } from './staff-session.js';
import { WindowForm } from './WindowForm.js';

/** The hall's windows with their A/B lines (the AB角 of each post). */
export function WindowsPanel() {
  const { t } = useTranslation();
  const toKey = useStaffErrorKey();
  const [windows, setWindows] = useState<ServiceWindow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // null: no form; 'new': adding; a window: editing it.
  const [form, setForm] = useState<ServiceWindow | 'new' | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('listWindows', { signal: ctl.signal })
      .then((r) => setWindows([...r.windows].sort((a, b) => a.number - b.number)))
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(toKey(e));
      });
    return () => ctl.abort();
  }, [version, toKey]);

  const lineList = (lines: readonly BusinessLine[]) => (lines.length === 0 ? '—' : lines.map((l) => t(`line.${l}`)).join(t('common.listSeparator')));

  return (
    <section className="panel" aria-labelledby="admin-windows-h">
      <div className="panel__head">
        <h2 id="admin-windows-h">{t('admin.windows.title')}</h2>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setSaved(false);
            setForm('new');
          }}
        >
          {t('admin.windows.add')}
        </button>
      </div>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      <p className="saved" role="status">
        {saved ? t('admin.windows.saved') : ''}
      </p>
      {form ? (
        <WindowForm
          key={form === 'new' ? 'new' : form.id}
          editing={form === 'new' ? null : form}
          onCancel={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            setSaved(true);
            setVersion((n) => n + 1);
          }}
        />
      ) : null}
      {windows === null ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : windows.length === 0 ? (
        <p>{t('admin.windows.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.windows.number')}</th>
              <th scope="col">{t('admin.windows.name')}</th>
              <th scope="col">{t('admin.windows.primary')}</th>
              <th scope="col">{t('admin.windows.backup')}</th>
              <th scope="col">{t('admin.windows.status')}</th>
              <th scope="col">{t('admin.terminals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {windows.map((w) => (
              <tr key={w.id}>
                <th scope="row">{t('admin.windows.numberCell', { n: w.number })}</th>
                <td>{w.name}</td>
                <td>{lineList(w.primary)}</td>
                <td>{lineList(w.backup)}</td>
                <td>{t(`admin.windows.statuses.${w.status}`)}</td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    aria-label={t('admin.windows.editLabel', { n: w.number })}
                    onClick={() => {
                      setSaved(false);
                      setForm(w);
                    }}
                  >
                    {t('admin.windows.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
