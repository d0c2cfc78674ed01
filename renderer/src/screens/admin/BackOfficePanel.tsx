import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackOfficeLine } from '../../components/back-office/BackOfficeLine.js';
import { Field } from '../../components/form/Field.js';
import { SaveBar } from '../../components/form/SaveBar.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { formatDateTime } from '../../i18n/format.js';
import { BackOfficePace } from './BackOfficePace.js';

type System = 'household' | 'traffic' | 'exit_entry';

/**
 * The back offices behind the hall: the outage line, each system's pace, each system's link (URL, timeout, and a
 * credential that is only ever written here, never shown back), the online-check time limit, and
 * the dead letters a supervisor sends again or cancels.
 */
export function BackOfficePanel() {
  const { t, i18n } = useTranslation();
  const settings = useQuery('backOfficeSettings');
  const dead = useQuery('deadLetters', {}, { refetchOn: ['backoffice.status'] });
  const retry = useCommand('retryDeadLetter', { invalidates: ['deadLetters', 'backOfficeStatus'] });
  const cancel = useCommand('cancelDeadLetter', { invalidates: ['deadLetters', 'backOfficeStatus'] });
  const busy = retry.busy || cancel.busy;
  return (
    <>
      <Panel title={t('admin.backOffice.title')} error={(retry.error ?? cancel.error ?? dead.error)?.key ?? null} onDismissError={retry.clearError}>
        <p className="muted">{t('admin.backOffice.lead')}</p>
        <BackOfficeLine />
        <BackOfficePace />
        <h3>{t('admin.backOffice.deadTitle')}</h3>
        <DataTable
          rows={dead.data?.deadLetters}
          failed={dead.error !== null}
          rowKey={(d) => String(d.id)}
          empty={t('admin.backOffice.noDead')}
          label={t('admin.backOffice.deadTitle')}
          columns={[
            { header: t('admin.backOffice.case'), cell: (d) => d.caseNumber, rowHeader: true },
            { header: t('admin.backOffice.system'), cell: (d) => t(`backOffice.system.${d.system}`) },
            { header: t('admin.backOffice.kind'), cell: (d) => t(`admin.backOffice.kinds.${d.kind}`) },
            { header: t('admin.backOffice.attempts'), cell: (d) => d.attempts },
            { header: t('admin.backOffice.lastError'), cell: (d) => d.lastError ?? '' },
            { header: t('admin.backOffice.since'), cell: (d) => formatDateTime(d.updatedAt, i18n.language) },
            {
              header: t('admin.backOffice.actions'),
              cell: (d) => (
                <span className="staff-actions">
                  <button
                    type="button"
                    className="btn"
                    disabled={busy}
                    aria-label={t('admin.backOffice.retryLabel', { case: d.caseNumber })}
                    onClick={() => void retry.run({ params: { id: d.id } })}
                  >
                    {t('admin.backOffice.retry')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    disabled={busy}
                    aria-label={t('admin.backOffice.cancelLabel', { case: d.caseNumber })}
                    onClick={() => void cancel.run({ params: { id: d.id } })}
                  >
                    {t('admin.backOffice.cancel')}
                  </button>
                </span>
              ),
            },
          ]}
        />
      </Panel>
      {settings.data ? (
        <>
          {settings.data.links.map((l) => (
            <LinkForm key={l.system} system={l.system} baseUrl={l.baseUrl} timeoutMs={l.timeoutMs} credentialSet={l.credentialSet} />
          ))}
          <VerifyLimitForm verifyLimitMs={settings.data.verifyLimitMs} />
        </>
      ) : null}
    </>
  );
}

function LinkForm(props: { system: System; baseUrl: string; timeoutMs: number; credentialSet: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useCommand('putBackOfficeLink', { invalidates: ['backOfficeSettings', 'backOfficeStatus'] });
  const [baseUrl, setBaseUrl] = useState(props.baseUrl);
  const [timeout, setTimeoutSeconds] = useState(String(props.timeoutMs / 1000));
  const [credential, setCredential] = useState('');
  const [saved, setSaved] = useState('');
  const name = t(`backOffice.system.${props.system}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { baseUrl: baseUrl.trim(), timeoutMs: Math.round(Number(timeout) * 1000), ...(credential ? { credential } : {}) };
    void save.run({ params: { system: props.system }, body }).then((r) => {
      if (!r) return;
      setCredential('');
      setSaved(t('admin.backOffice.saved', { system: name }));
    });
  };
  return (
    <Panel title={name} error={save.error?.key ?? null} onDismissError={save.clearError}>
      <form className="admin-form" onSubmit={submit} onChange={() => setSaved('')} noValidate aria-label={t('admin.backOffice.linkOf', { system: name })}>
        <Field id={`${id}-url`} label={t('admin.backOffice.baseUrl')} hint={t('admin.backOffice.baseUrlHint')}>
          {(aria) => <input {...aria} type="url" value={baseUrl} maxLength={300} autoComplete="off" onChange={(e) => setBaseUrl(e.target.value)} />}
        </Field>
        <Field id={`${id}-timeout`} label={t('admin.backOffice.timeout')}>
          {(aria) => <input {...aria} type="number" min={0.1} max={120} step={0.1} value={timeout} onChange={(e) => setTimeoutSeconds(e.target.value)} />}
        </Field>
        <Field
          id={`${id}-credential`}
          label={t('admin.backOffice.credential')}
          hint={t(props.credentialSet ? 'admin.backOffice.credentialSet' : 'admin.backOffice.credentialNotSet')}
        >
          {(aria) => (
            <input {...aria} type="password" value={credential} maxLength={500} autoComplete="new-password" onChange={(e) => setCredential(e.target.value)} />
          )}
        </Field>
        <SaveBar busy={save.busy} saved={saved !== ''} savedText={saved} />
      </form>
    </Panel>
  );
}

function VerifyLimitForm(props: { verifyLimitMs: number }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useCommand('putBackOfficeVerifyLimit', { invalidates: ['backOfficeSettings'] });
  const [seconds, setSeconds] = useState(String(props.verifyLimitMs / 1000));
  const [saved, setSaved] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run({ body: { verifyLimitMs: Math.round(Number(seconds) * 1000) } }).then((r) => r && setSaved(t('admin.backOffice.limitSaved')));
  };
  return (
    <Panel title={t('admin.backOffice.limitTitle')} error={save.error?.key ?? null} onDismissError={save.clearError}>
      <form className="admin-form" onSubmit={submit} onChange={() => setSaved('')} noValidate aria-label={t('admin.backOffice.limitTitle')}>
        <Field id={`${id}-limit`} label={t('admin.backOffice.limit')} hint={t('admin.backOffice.limitHint')}>
          {(aria) => <input {...aria} type="number" min={0.2} max={30} step={0.1} value={seconds} onChange={(e) => setSeconds(e.target.value)} />}
        </Field>
        <SaveBar busy={save.busy} saved={saved !== ''} savedText={saved} />
      </form>
    </Panel>
  );
}
