import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '@domain/business-lines.js';
import type { ServiceWindow } from '@domain/contract/schemas.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useQuery } from '../../data/use-query.js';
import { WindowForm } from './WindowForm.js';

/** The hall's windows with their A/B lines (the AB角 of each post). */
export function WindowsPanel() {
  const { t } = useTranslation();
  const windows = useQuery('listWindows');
  // null: no form; 'new': adding; a window: editing it.
  const [form, setForm] = useState<ServiceWindow | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const open = (f: ServiceWindow | 'new') => {
    setSaved(false);
    setForm(f);
  };
  const lineList = (lines: readonly BusinessLine[]) => (lines.length === 0 ? '—' : lines.map((l) => t(`line.${l}`)).join(t('common.listSeparator')));
  const rows = windows.data ? [...windows.data.windows].sort((a, b) => a.number - b.number) : undefined;

  return (
    <Panel
      title={t('admin.windows.title')}
      error={windows.error?.key}
      actions={
        <button type="button" className="btn" onClick={() => open('new')}>
          {t('admin.windows.add')}
        </button>
      }
    >
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
          }}
        />
      ) : null}
      <DataTable<ServiceWindow>
        rows={rows}
        failed={windows.error !== null}
        rowKey={(w) => w.id}
        empty={t('admin.windows.none')}
        columns={[
          { header: t('admin.windows.number'), rowHeader: true, cell: (w) => t('admin.windows.numberCell', { n: w.number }) },
          { header: t('admin.windows.name'), cell: (w) => w.name },
          { header: t('admin.windows.primary'), cell: (w) => lineList(w.primary) },
          { header: t('admin.windows.backup'), cell: (w) => lineList(w.backup) },
          { header: t('admin.windows.status'), cell: (w) => t(`admin.windows.statuses.${w.status}`) },
          {
            header: t('admin.terminals.actions'),
            cell: (w) => (
              <button type="button" className="btn" aria-label={t('admin.windows.editLabel', { n: w.number })} onClick={() => open(w)}>
                {t('admin.windows.edit')}
              </button>
            ),
          },
        ]}
      />
    </Panel>
  );
}
