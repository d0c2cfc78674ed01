import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { SaveBar } from '../../components/form/SaveBar.js';
import { useProblems } from '../../components/form/use-problems.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { formatDateTime } from '../../i18n/format.js';

const CODE = /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/;

/**
 * The hall's link to the city (issue 16): a status line (state, last sync, backlog, reconciliation
 * alerts) kept fresh by the host's city.link push, and enrolment with the city's one-time code.
 * The hall's own work never waits on any of this.
 */
export function CityLinkPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const status = useQuery('cityLinkStatus', {}, { refetchOn: ['city.link'] });
  const enrol = useCommand('enrolCityLink', { invalidates: ['cityLinkStatus'] });
  const sync = useCommand('syncCityLink', { invalidates: ['cityLinkStatus'] });
  const problems = useProblems();
  const [cityUrl, setCityUrl] = useState('');
  const [code, setCode] = useState('');
  const [saved, setSaved] = useState('');
  const s = status.data;
  const when = (ms: number | null) => (ms === null ? t('admin.city.never') : formatDateTime(ms, i18n.language));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (!/^https?:\/\/\S+$/.test(cityUrl.trim())) found.push({ id: `${id}-url`, label: t('admin.city.url'), problem: { key: 'admin.city.urlFormat' } });
    if (!CODE.test(code.trim())) found.push({ id: `${id}-code`, label: t('admin.city.code'), problem: { key: 'admin.city.codeFormat' } });
    if (!problems.check(found)) return;
    void enrol.run({ body: { cityUrl: cityUrl.trim(), code: code.trim() } }).then((r) => {
      if (!r) return;
      setCode('');
      setSaved(t('admin.city.enrolled', { hall: r.hallId }));
    });
  };

  return (
    <Panel title={t('admin.city.title')} error={(enrol.error ?? sync.error ?? status.error)?.key ?? null} onDismissError={enrol.clearError}>
      <p className="muted">{t('admin.city.lead')}</p>
      {s ? (
        <dl className="facts" data-testid="city-link-status">
          <dt>{t('admin.city.state')}</dt>
          <dd>
            <span className={s.state === 'connected' ? 'badge badge--ok' : 'badge badge--off'}>{t(`admin.city.states.${s.state}`)}</span>
          </dd>
          {s.cityUrl ? (
            <>
              <dt>{t('admin.city.url')}</dt>
              <dd>{s.cityUrl}</dd>
              <dt>{t('admin.city.hallId')}</dt>
              <dd>{s.hallId}</dd>
              <dt>{t('admin.city.lastSync')}</dt>
              <dd>{when(s.lastSyncAt)}</dd>
            </>
          ) : null}
          <dt>{t('admin.city.backlog')}</dt>
          <dd>{s.backlog}</dd>
          {s.downSince !== null ? (
            <>
              <dt>{t('admin.city.downSince')}</dt>
              <dd>{when(s.downSince)}</dd>
            </>
          ) : null}
          <dt>{t('admin.city.reconciled')}</dt>
          <dd>{when(s.reconciledAt)}</dd>
        </dl>
      ) : status.error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
      {s && s.mismatchedDays.length > 0 ? (
        <p role="alert" className="city-link__alert">
          {t('admin.city.mismatch', { days: s.mismatchedDays.join(', ') })}
        </p>
      ) : null}
      {s && s.state !== 'not_enrolled' ? (
        <button type="button" className="btn" disabled={sync.busy} onClick={() => void sync.run({})}>
          {t('admin.city.syncNow')}
        </button>
      ) : null}
      <form className="admin-form" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('admin.city.enrolTitle')}</h3>
        <ProblemSummary form={problems} />
        <Field id={`${id}-url`} label={t('admin.city.url')} problem={problems.problemOf(`${id}-url`)}>
          {(aria) => <input {...aria} type="url" value={cityUrl} maxLength={200} onChange={(e) => setCityUrl(e.target.value)} />}
        </Field>
        <Field id={`${id}-code`} label={t('admin.city.code')} hint={t('admin.city.codeHint')} problem={problems.problemOf(`${id}-code`)}>
          {(aria) => <input {...aria} value={code} maxLength={9} autoComplete="off" onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <SaveBar busy={enrol.busy} saved={saved !== ''} savedText={saved} label={t('admin.city.enrol')} />
      </form>
    </Panel>
  );
}
