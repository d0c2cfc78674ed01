import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@domain/contract/schemas.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { AppointmentsPanel } from './AppointmentsPanel.js';
import { AuditPanel } from './AuditPanel.js';
import { CatalogPanel } from './CatalogPanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { SessionExpiredContext } from './staff-session.js';
import { StaffPanel } from './StaffPanel.js';
import { StaffSetupForm } from './StaffSetupForm.js';
import { StaffSignInForm } from './StaffSignInForm.js';
import { WindowsPanel } from './WindowsPanel.js';

type Session =
  { kind: 'loading' } | { kind: 'failed'; errorKey: string } | { kind: 'setup' } | { kind: 'signIn'; notice: string | null } | { kind: 'in'; staff: Staff };

/**
 * The supervisor's part of the admin screen, behind staff sign-in on top of the admin terminal:
 * first-administrator setup on a new hall, then sign-in, then the panels the staff role may use.
 */
export function StaffArea() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('staffMe', { signal: ctl.signal })
      .then((r) => setSession(r.setupRequired ? { kind: 'setup' } : r.staff ? { kind: 'in', staff: r.staff } : { kind: 'signIn', notice: null }))
      .catch((e: unknown) => {
        if (!isAborted(e)) setSession({ kind: 'failed', errorKey: errorKey(e) });
      });
    return () => ctl.abort();
  }, [attempt]);

  const expired = useCallback(() => setSession({ kind: 'signIn', notice: 'admin.signIn.expired' }), []);

  const signOut = () => {
    setSignOutError(null);
    callApi('staffSignOut')
      .then(() => setSession({ kind: 'signIn', notice: 'admin.signIn.signedOut' }))
      .catch((e: unknown) => setSignOutError(errorKey(e)));
  };

  switch (session.kind) {
    case 'loading':
      return <p className="muted">{t('common.loading')}</p>;
    case 'failed':
      return (
        <div className="stack">
          <AlertRegion messageKey={session.errorKey} />
          <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      );
    case 'setup':
      return <StaffSetupForm onDone={() => setSession({ kind: 'signIn', notice: 'admin.setup.done' })} />;
    case 'signIn':
      return <StaffSignInForm notice={session.notice} onSignedIn={(staff) => setSession({ kind: 'in', staff })} />;
    case 'in': {
      const { staff } = session;
      const supervisor = staff.role === 'supervisor' || staff.role === 'admin';
      return (
        <SessionExpiredContext.Provider value={expired}>
          <div className="staff-bar" role="status">
            <p className="staff-bar__who">
              {t('admin.signIn.signedInAs', { name: staff.name, staffNo: staff.staffNo, role: t(`admin.staff.roles.${staff.role}`) })}
            </p>
            <button type="button" className="btn" onClick={signOut}>
              {t('admin.signIn.signOut')}
            </button>
          </div>
          <AlertRegion messageKey={signOutError} />
          {supervisor ? (
            <>
              <SettingsPanel />
              <CatalogPanel />
              <WindowsPanel />
              <StaffPanel />
            </>
          ) : (
            <p className="muted">{t('admin.signIn.clerkOnly')}</p>
          )}
          <AppointmentsPanel />
          {supervisor ? <AuditPanel /> : null}
        </SessionExpiredContext.Provider>
      );
    }
  }
}
