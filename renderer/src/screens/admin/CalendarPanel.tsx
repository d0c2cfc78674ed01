import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ISO_DATE_PATTERN } from '@domain/service-day.js';
import { Field, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { SaveBar } from '../../components/form/SaveBar.js';
import { useProblems } from '../../components/form/use-problems.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';

const KINDS = ['holiday', 'workday', 'normal'] as const;
type Kind = (typeof KINDS)[number];
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;

/**
 * The working-day calendar time limits count on: the State Council's holidays and make-up working
 * days (调休) as shipped, and the supervisor's corrections day by day (a year whose arrangement
 * was not yet published when the app shipped has only its statutory days: complete it here).
 */
export function CalendarPanel() {
  const { t } = useTranslation();
  const id = useId();
  const calendar = useQuery('workingCalendar');
  const save = useCommand('putCalendarDay', { invalidates: ['workingCalendar'] });
  const problems = useProblems();
  const years = calendar.data?.years ?? [];
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? years[0]?.year ?? null;
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  const [saved, setSaved] = useState('');
  const overridden = new Set((calendar.data?.overrides ?? []).map((o) => o.day));
  const rows = (calendar.data?.days ?? []).filter((d) => shownYear !== null && d.day.startsWith(String(shownYear)));
  const info = years.find((y) => y.year === shownYear);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (!ISO_DATE_PATTERN.test(day)) found.push({ id: `${id}-day`, label: t('admin.calendar.day'), problem: { key: 'form.dateFormat' } });
    if (kind !== 'normal' && name.trim() === '') found.push({ id: `${id}-name`, label: t('admin.calendar.name'), problem: { key: 'form.required' } });
    if (!problems.check(found)) return;
    void save.run({ params: { day }, body: { kind, name: name.trim() } }).then((r) => {
      if (!r) return;
      setSaved(t('admin.calendar.saved', { day, kind: t(`admin.calendar.kind.${kind}`) }));
      setYear(Number(day.slice(0, 4)));
    });
  };

  return (
    <Panel title={t('admin.calendar.title')} error={(save.error ?? calendar.error)?.key ?? null} onDismissError={save.clearError} className="calendar-panel">
      <p className="muted">{t('admin.calendar.lead')}</p>
      <div className="calendar-panel__years" role="group" aria-label={t('admin.calendar.years')}>
        {years.map((y) => (
          <button key={y.year} type="button" className="btn" aria-pressed={y.year === shownYear} onClick={() => setYear(y.year)}>
            {y.year}
          </button>
        ))}
      </div>
      {info ? (
        <p className={info.published ? 'calendar-panel__source' : 'calendar-panel__source calendar-panel__source--unpublished'}>
          {t(info.published ? 'admin.calendar.published' : 'admin.calendar.unpublished', { year: info.year, source: info.source })}
        </p>
      ) : null}
      <DataTable
        rows={calendar.data ? rows : undefined}
        failed={calendar.error !== null}
        rowKey={(d) => d.day}
        empty={t('admin.calendar.none')}
        label={t('admin.calendar.table')}
        columns={[
          { header: t('admin.calendar.day'), cell: (d) => d.day, rowHeader: true },
          { header: t('admin.calendar.weekday'), cell: (d) => t(`admin.settings.weekday.${weekday(d.day)}`) },
          { header: t('admin.calendar.kindLabel'), cell: (d) => t(`admin.calendar.kind.${d.kind}`) },
          { header: t('admin.calendar.name'), cell: (d) => d.name },
          { header: t('admin.calendar.origin'), cell: (d) => t(overridden.has(d.day) ? 'admin.calendar.byHall' : 'admin.calendar.shipped') },
        ]}
      />
      <form className="admin-form calendar-panel__form" onSubmit={submit} onChange={() => setSaved('')} noValidate aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('admin.calendar.edit')}</h3>
        <ProblemSummary form={problems} />
        <Field id={`${id}-day`} label={t('admin.calendar.day')} problem={problems.problemOf(`${id}-day`)}>
          {(aria) => <input {...aria} type="date" value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
        <Field id={`${id}-kind`} label={t('admin.calendar.kindLabel')}>
          {(aria) => (
            <select {...aria} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.calendar.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-name`} label={t('admin.calendar.name')} hint={t('admin.calendar.nameHint')} problem={problems.problemOf(`${id}-name`)}>
          {(aria) => <input {...aria} value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <SaveBar busy={save.busy} saved={saved !== ''} savedText={saved} />
      </form>
    </Panel>
  );
}
