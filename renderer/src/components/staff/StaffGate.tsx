import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@domain/contract/schemas.js';
import { useCommand } from '../../data/use-command.js';
import { useHost } from '../../data/host-context.js';
import { useQuery } from '../../data/use-query.js';
import { AlertRegion } from '../AlertRegion.js';
import { StaffSetupForm } from './StaffSetupForm.js';
import { StaffSignIn } from './StaffSignIn.js';

export interface SignedIn {
  staff: Staff;
  signOut: () => void;
  /** The sign-out failed (its i18n key), shown where the screen puts its staff bar. */
  signOutError: string | null;
  /** Something to tell the person just signed in (an i18n key), e.g. that set-up signed them in. */
  notice: string | null;
}

const SignedInContext = createContext<SignedIn | null>(null);

/** The signed-in staff member of the staff screen this is under. */
export function useSignedIn(): SignedIn {
  const s = useContext(SignedInContext);
  if (!s) throw new Error('useSignedIn: only under <StaffGate>');
  return s;
}

/**
 * Staff screens work behind a staff sign-in on top of their terminal's pairing. The gate asks the
 * host who is signed in here, shows the one sign-in form (or, on a new hall's admin screen, the
 * first administrator's set-up) until someone is, and goes back to it whenever the host answers
 * that the session has ended (timed out, signed out elsewhere, account disabled).
 */
/** How long after a sign-out a refused read is taken as part of it. */
const SIGN_OUT_SETTLE_MS = 5_000;

export function StaffGate({
  page,
  setup = false,
  lead,
  shell = (content) => content,
  children,
}: {
  /** The gate is the whole page (clerk) or a part of one (admin): sets the sign-in's heading level. */
  page: boolean;
  /** Offer the first administrator's set-up on a new hall. */
  setup?: boolean;
  lead?: string;
  /** What surrounds the gate's content, signed in or not (a page header that names who is in). */
  shell?: (content: ReactNode, signedIn: SignedIn | null) => ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const host = useHost();
  const me = useQuery('staffMe');
  // Why the sign-in form is shown again (signed out, session ended), and what to tell someone just
  // signed in (set-up signed them in): two notices, so neither shows on the wrong side.
  const [notice, setNotice] = useState<string | null>(null);
  const [welcome, setWelcome] = useState<string | null>(null);
  const signOut = useCommand('staffSignOut', { invalidates: ['staffMe'] });

  const { refetch } = me;
  // Signing out ends the session under the screen's own reads: one of them refused on its way out
  // is the sign-out itself, not a session that ended ("登录已失效" would then replace "已退出登录").
  const [leftAt, setLeftAt] = useState(0);
  useEffect(() => {
    const lost = () => {
      if (Date.now() - leftAt > SIGN_OUT_SETTLE_MS) setNotice('staff.expired');
      refetch();
    };
    host.sessionLost.add(lost);
    return () => void host.sessionLost.delete(lost);
  }, [host, refetch, leftAt]);

  const { run: runSignOut } = signOut;
  const leave = useCallback(() => {
    setLeftAt(Date.now());
    void runSignOut().then((r) => {
      if (!r) return setLeftAt(0);
      setWelcome(null);
      setNotice('staff.signedOut');
    });
  }, [runSignOut]);

  const signedIn: SignedIn | null = me.data?.staff
    ? {
        staff: me.data.staff,
        signOut: leave,
        signOutError: signOut.error?.key ?? null,
        notice: welcome,
      }
    : null;
  let content: ReactNode;
  if (!me.data) {
    content = me.error ? (
      <div className="stack">
        <AlertRegion messageKey={me.error.key} />
        <button type="button" className="btn btn--primary" onClick={refetch}>
          {t('common.retry')}
        </button>
      </div>
    ) : (
      <p className="muted">{t('common.loading')}</p>
    );
  } else if (me.data.setupRequired && setup) content = <StaffSetupForm onDone={() => setWelcome('admin.setup.done')} />;
  else if (!signedIn) content = <StaffSignIn page={page} title={t('staff.signInTitle')} lead={lead} notice={notice} />;
  else content = <SignedInContext.Provider value={signedIn}>{children}</SignedInContext.Provider>;
  return shell(content, signedIn);
}
