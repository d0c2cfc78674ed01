import { useTranslation } from 'react-i18next';
import { AlertRegion } from '../../components/AlertRegion.js';
import { BackOfficeLine } from '../../components/back-office/BackOfficeLine.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { StaffGate } from '../../components/staff/StaffGate.js';
import './clerk.css';
import './cases/cases.css';
import { ClerkWorkspace, WINDOW_KEY } from './ClerkWorkspace.js';

export function ClerkScreen() {
  return <ScreenGate role="clerk">{() => <ClerkApp />}</ScreenGate>;
}

/** The window PC: a clerk signs in with staff number and PIN before any window can be served. */
function ClerkApp() {
  const { t } = useTranslation();
  return (
    <StaffGate
      page
      shell={(content, signedIn) => (
        <div className="page page--clerk">
          <PageHeader>
            {signedIn ? (
              <>
                <p className="clerk-header__staff">{t('clerk.signedInAs', { name: signedIn.staff.name, staffNo: signedIn.staff.staffNo })}</p>
                <button
                  type="button"
                  className="btn clerk-header__sign-out"
                  onClick={() => {
                    // The next person at this PC chooses their own window.
                    sessionStorage.removeItem(WINDOW_KEY);
                    signedIn.signOut();
                  }}
                >
                  {t('staff.signOut')}
                </button>
              </>
            ) : null}
          </PageHeader>
          {signedIn ? <AlertRegion messageKey={signedIn.signOutError} /> : null}
          {signedIn ? <BackOfficeLine /> : null}
          {content}
        </div>
      )}
    >
      <ClerkWorkspace />
    </StaffGate>
  );
}
