import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@domain/contract/schemas.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { StaffSignIn } from '../../components/StaffSignIn.js';
import '../../styles/clerk.css';
import { ClerkWorkspace, WINDOW_KEY } from './ClerkWorkspace.js';

type StaffState = { kind: 'checking' } | { kind: 'failed'; error: string } | { kind: 'out'; notice?: string } | { kind: 'in'; staff: Staff };

export function ClerkScreen() {
  return <ScreenGate role="clerk">{() => <ClerkApp />}</ScreenGate>;
}

/** The window PC: a clerk signs in with staff number and PIN before any window can be served. */
function ClerkApp() {
  const { t } = useTranslation();
  const [staff, setStaff] = useState<StaffState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('staffMe', { signal: ctl.signal })
      .then((r) => setStaff(r.staff ? { kind: 'in', staff: r.staff } : { kind: 'out' }))
      .catch((e: unknown) => {
        if (!isAborted(e)) setStaff({ kind: 'failed', error: errorKey(e) });
      });
    return () => ctl.abort();
  }, [attempt]);

  // The host ended the session (expired, or signed out elsewhere): ask for the PIN again.
  const sessionLost = useCallback(() => setStaff({ kind: 'out', notice: 'error.staff_sign_in_required' }), []);

  const signOut = () => {
    setSignOutError(null);
    callApi('staffSignOut')
      .then(() => {
        // The next person at this PC chooses their own window.
        sessionStorage.removeItem(WINDOW_KEY);
        setStaff({ kind: 'out' });
      })
      .catch((e: unknown) => setSignOutError(errorKey(e)));
  };

  return (
    <div className="page page--clerk">
      <header className="page-header">
        <p className="page-header__brand">{t('app.name')}</p>
        <div className="clerk-header__right">
          {staff.kind === 'in' ? (
            <>
              <p className="clerk-header__staff">{t('clerk.signedInAs', { name: staff.staff.name, staffNo: staff.staff.staffNo })}</p>
              <button type="button" className="btn clerk-header__sign-out" onClick={signOut}>
                {t('staff.signOut')}
              </button>
            </>
          ) : null}
          <LanguageSwitch />
        </div>
      </header>
      <AlertRegion messageKey={signOutError} onDismiss={() => setSignOutError(null)} />
      {staff.kind === 'checking' ? (
        <main className="clerk-main">
          <h1>{t('screen.clerk')}</h1>
          <p className="muted">{t('common.loading')}</p>
        </main>
      ) : staff.kind === 'failed' ? (
        <main className="clerk-main">
          <h1>{t('screen.clerk')}</h1>
          <AlertRegion messageKey={staff.error} />
          <button type="button" className="btn btn--primary" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </main>
      ) : staff.kind === 'out' ? (
        <StaffSignIn title={t('staff.signInTitle')} notice={staff.notice ?? null} onSignedIn={(s) => setStaff({ kind: 'in', staff: s })} />
      ) : (
        <ClerkWorkspace key={staff.staff.id} onSessionLost={sessionLost} />
      )}
    </div>
  );
}
