import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Terminal } from '@domain/contract/schemas.js';
import type { TerminalRole } from '@domain/roles.js';
import { HostProvider } from '../data/HostProvider.js';
import { useQuery } from '../data/use-query.js';
import { setHallTimeZone } from '../i18n/hall-zone.js';
import { AlertRegion } from './AlertRegion.js';
import { PageHeader } from './PageHeader.js';
import { PairCodeForm } from './PairCodeForm.js';
import './gate.css';

/**
 * Asks the host who this screen is before drawing it; an unpaired screen gets the code entry.
 * A paired one gets the page's one connection to the host (HostProvider) around it.
 */
export function ScreenGate({ role, children }: { role: TerminalRole; children: (terminal: Terminal) => ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useQuery('session', { query: { role } });
  const terminal = session.data?.terminal;
  // Told before anything is drawn: every date on the screens is in the hall's zone.
  if (session.data) setHallTimeZone(session.data.timeZone);
  if (terminal)
    return (
      <HostProvider role={role} terminal={terminal}>
        {children(terminal)}
      </HostProvider>
    );

  const code = session.error?.code;
  const unpaired = code === 'unauthorized' || code === 'forbidden';
  const onPaired = (paired: Terminal) => {
    if (paired.role === role) session.refetch();
    else void navigate(`/${paired.role}`, { replace: true });
  };

  return (
    <div className="page page--gate">
      <PageHeader />
      <main className="gate" aria-busy={session.loading}>
        {session.loading ? (
          <>
            <h1>{t(`screen.${role}`)}</h1>
            <p className="gate__status">{t('gate.checking')}</p>
          </>
        ) : !unpaired ? (
          <>
            <h1>{t(`screen.${role}`)}</h1>
            <AlertRegion messageKey={session.error?.key ?? null} />
            <button type="button" className="btn btn--primary" onClick={session.refetch}>
              {t('common.retry')}
            </button>
          </>
        ) : (
          <>
            <h1>{t('gate.unpairedTitle')}</h1>
            <p className="gate__lead">{t(code === 'forbidden' ? 'gate.forbiddenBody' : 'gate.unpairedBody', { screen: t(`screen.${role}`) })}</p>
            <PairCodeForm onPaired={onPaired} />
          </>
        )}
      </main>
    </div>
  );
}
