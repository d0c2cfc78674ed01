import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@domain/contract/api.js';
import { TERMINAL_ROLES } from '@domain/roles.js';
import type { TerminalRole } from '@domain/roles.js';
import { IssuedCode } from '../../components/panel/IssuedCode.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { formatDateTime } from '../../i18n/format.js';

type Issued = ResponseOf<'createPairingCode'>;

export function pairingUrl(issued: Pick<Issued, 'code' | 'role'>): string {
  const q = new URLSearchParams({ code: issued.code, role: issued.role });
  return `${location.origin}/pair?${q.toString()}`;
}

export function PairingPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [role, setRole] = useState<TerminalRole>('kiosk');
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const create = useCommand('createPairingCode', { invalidates: ['listTerminals'] });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNameMissing(name.trim() === '');
    if (name.trim() === '') return;
    void create.run({ body: { role, name } }).then((r) => {
      if (!r) return;
      setIssued(r);
      setName('');
    });
  };

  return (
    <Panel title={t('admin.pairing.title')} error={nameMissing ? 'admin.pairing.nameRequired' : (create.error?.key ?? null)}>
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
        <button type="submit" className="btn btn--primary" disabled={create.busy}>
          {create.busy ? t('admin.pairing.creating') : t('admin.pairing.create')}
        </button>
      </form>
      {issued ? (
        <IssuedCode
          title={t('admin.pairing.issued', { name: issued.name, role: t(`screen.${issued.role}`) })}
          label={t('admin.pairing.code')}
          code={issued.code}
          more={
            <>
              <dt>{t('admin.pairing.url')}</dt>
              <dd className="facts__path">{pairingUrl(issued)}</dd>
              <dt>{t('admin.pairing.expires')}</dt>
              <dd>{formatDateTime(issued.expiresAt, i18n.language)}</dd>
            </>
          }
        />
      ) : null}
    </Panel>
  );
}
