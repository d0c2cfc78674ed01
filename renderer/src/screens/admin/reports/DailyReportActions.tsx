import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client.js';
import { Panel } from '../../../components/panel/Panel.js';
import { useRunner } from '../../../data/use-command.js';
import { saveFile } from './save-file.js';

/** 大厅运行日报: one day's A4 report, downloaded as a PDF or printed on this terminal's printer. */
export function DailyReportActions({ today }: { today: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [day, setDay] = useState(today);
  const [said, setSaid] = useState<string | null>(null);
  const runner = useRunner<'pdf' | 'print'>();

  const pdf = () => void runner.run('pdf', async () => saveFile(await callApi('reportDailyPdf', { query: { day } })));
  const print = () =>
    void runner.run('print', async () => {
      const { jobId } = await callApi('reportDailyPrint', { body: { day } });
      setSaid(jobId === null ? 'reports.daily.noPrinter' : 'reports.daily.printed');
    });

  return (
    <Panel title={t('print.jobKind.daily_report')} error={runner.error?.key} onDismissError={runner.clearError}>
      <div className="admin-form report-daily">
        <div className="form-field">
          <label className="field-label" htmlFor={`${id}-day`}>
            {t('reports.daily.day')}
          </label>
          <input id={`${id}-day`} type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
        </div>
        <div className="admin-form__actions">
          <button type="button" className="btn" onClick={pdf} disabled={runner.busy !== null || !day}>
            {t('reports.daily.pdf')}
          </button>
          <button type="button" className="btn" onClick={print} disabled={runner.busy !== null || !day}>
            {t('reports.daily.print')}
          </button>
        </div>
        <p role="status">{said ? t(said) : null}</p>
      </div>
    </Panel>
  );
}
