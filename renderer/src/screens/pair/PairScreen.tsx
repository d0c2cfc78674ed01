import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Terminal } from '@domain/contract/schemas.js';
import { isTerminalRole } from '@domain/roles.js';
import { callApi, errorKey } from '../../api/client.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { PairCodeForm } from '../../components/PairCodeForm.js';
import '../../styles/gate.css';

type PairState = { kind: 'pairing' } | { kind: 'form'; errorKey: string | null };

/** Landing point of a printed pairing link: trade the one-time code for the terminal's cookie. */
export function PairScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // Read once: the URL is rewritten below so the code does not stay in history.
  const [linkCode] = useState(() => search.get('code'));
  const [linkRole] = useState(() => {
    const r = search.get('role');
    return r && isTerminalRole(r) ? r : null;
  });
  const [state, setState] = useState<PairState>(() => (linkCode ? { kind: 'pairing' } : { kind: 'form', errorKey: null }));
  // Strict mode runs effects twice in development; a one-time code must only be sent once.
  const sent = useRef(false);

  const done = (terminal: Terminal) => navigate(`/${terminal.role}`, { replace: true });

  useEffect(() => {
    if (!linkCode || sent.current) return;
    sent.current = true;
    void navigate(linkRole ? `/pair?role=${linkRole}` : '/pair', { replace: true });
    callApi('pair', { body: { code: linkCode } })
      .then((r) => navigate(`/${r.terminal.role}`, { replace: true }))
      .catch((e: unknown) => {
        const key = errorKey(e);
        setState({ kind: 'form', errorKey: key === 'error.invalid_input' ? 'error.pairing_code_invalid' : key });
      });
  }, [linkCode, linkRole, navigate]);

  return (
    <div className="page page--gate">
      <header className="page-header">
        <p className="page-header__brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main className="gate" aria-busy={state.kind === 'pairing'}>
        <h1>{t('pair.title')}</h1>
        {linkRole ? <p className="gate__lead">{t('pair.forScreen', { screen: t(`screen.${linkRole}`) })}</p> : null}
        {state.kind === 'pairing' ? (
          <p className="gate__status">{t('pair.pairing')}</p>
        ) : (
          <>
            <p className="gate__lead">{t('pair.manualLead')}</p>
            <PairCodeForm onPaired={done} initialErrorKey={state.errorKey} />
          </>
        )}
      </main>
    </div>
  );
}
