import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@domain/contract/api.js';
import { TERMINAL_ROLES } from '@domain/roles.js';
import type { TerminalRole } from '@domain/roles.js';
import { callApi, errorKey } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { formatDateTime } from '../../i18n/format.js';

type Issued = ResponseOf<'createPairingCode'>;

export function pairingUrl(issued: Pick<Issued, 'code' | 'role'>): string {
  const q = new URLSearchParams({ code: issued.code, role: issued.role });
  return `${location.origin}/pair?${q.toString()}`;
}

export function PairingPanel({ onIssued }: { onIssued: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [role, setRole] = useState<TerminalRole>('kiosk');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const inFlight = useRef(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    if (name.trim() === '') {
      setError('admin.pairing.nameRequired');
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setError(null);
    callApi('createPairingCode', { body: { role, name } })
      .then((r) => {
        setIssued(r);
        setName('');
        onIssued();
      })
      .catch((err: unknown) => setError(errorKey(err)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.pairing.title')}</h2>
      <AlertRegion messageKey={error} />
      <form className="stack" onSubmit={submit} noValidate>
        <label className="field-label" htmlFor={`${id}-role`}>
          {t('admin.pairing.role')}
        </label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as TerminalRole)}>
          {TERMINAL_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`screen.${r}`)}
            </option>
          ))}
        </select>
        <label className="field-label" htmlFor={`${id}-name`}>
          {t('admin.pairing.name')}
        </label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="off" required />
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('admin.pairing.creating') : t('admin.pairing.create')}
        </button>
      </form>
      {issued ? (
        <div className="issued" role="status">
          <p className="issued__title">{t('admin.pairing.issued', { name: issued.name, role: t(`screen.${issued.role}`) })}</p>
          <dl className="facts">
            <dt>{t('admin.pairing.code')}</dt>
            <dd className="issued__code">{issued.code}</dd>
            <dt>{t('admin.pairing.url')}</dt>
            <dd className="facts__path">{pairingUrl(issued)}</dd>
            <dt>{t('admin.pairing.expires')}</dt>
            <dd>{formatDateTime(issued.expiresAt, i18n.language)}</dd>
          </dl>
        </div>
      ) : null}
    </section>
  );
}
