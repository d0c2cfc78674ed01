import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Terminal } from '@domain/contract/schemas.js';
import { isTerminalRole } from '@domain/roles.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCommand } from '../../data/use-command.js';
import { PairCodeForm } from '../../components/PairCodeForm.js';
import '../../components/gate.css';

type PairState = 'pairing' | 'form';

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
  const [state, setState] = useState<PairState>(() => (linkCode ? 'pairing' : 'form'));
  // Strict mode runs effects twice in development; a one-time code must only be sent once.
  const sent = useRef(false);

  const done = (terminal: Terminal) => void navigate(`/${terminal.role}`, { replace: true });
  const { run: pair, error } = useCommand('pair');
  // A link with a malformed code reads as a wrong code.
  const linkError = error ? (error.code === 'invalid_input' ? 'error.pairing_code_invalid' : error.key) : null;

  useEffect(() => {
    if (!linkCode || sent.current) return;
    sent.current = true;
    void navigate(linkRole ? `/pair?role=${linkRole}` : '/pair', { replace: true });
    void pair({ body: { code: linkCode } }).then((r) => {
      if (r) void navigate(`/${r.terminal.role}`, { replace: true });
      else setState('form');
    });
  }, [linkCode, linkRole, navigate, pair]);

  return (
    <div className="page page--gate">
      <PageHeader />
      <main className="gate" aria-busy={state === 'pairing'}>
        <h1>{t('pair.title')}</h1>
        {linkRole ? <p className="gate__lead">{t('pair.forScreen', { screen: t(`screen.${linkRole}`) })}</p> : null}
        {state === 'pairing' ? (
          <p className="gate__status">{t('pair.pairing')}</p>
        ) : (
          <>
            <p className="gate__lead">{t('pair.manualLead')}</p>
            <PairCodeForm onPaired={done} initialErrorKey={linkError} />
          </>
        )}
      </main>
    </div>
  );
}
