import { useTranslation } from 'react-i18next';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useSignedIn } from '../../components/staff/StaffGate.js';
import { AppointmentsPanel } from './AppointmentsPanel.js';
import { AuditPanel } from './AuditPanel.js';
import { CalendarPanel } from './CalendarPanel.js';
import { CaseDeadlinesPanel } from './CaseDeadlinesPanel.js';
import { CatalogPanel } from './CatalogPanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { StaffPanel } from './StaffPanel.js';
import { WindowsPanel } from './WindowsPanel.js';

/** The panels a signed-in staff member's role may use on the admin screen. */
export function StaffArea() {
  const { t } = useTranslation();
  const { staff, signOut, signOutError, notice } = useSignedIn();
  const supervisor = staff.role === 'supervisor' || staff.role === 'admin';
  return (
    <>
      <div className="staff-bar" role="status">
        <p className="staff-bar__who">
          {t('admin.signIn.signedInAs', { name: staff.name, staffNo: staff.staffNo, role: t(`admin.staff.roles.${staff.role}`) })}
        </p>
        {notice ? <p className="staff-bar__notice">{t(notice)}</p> : null}
        <button type="button" className="btn" onClick={signOut}>
          {t('admin.signIn.signOut')}
        </button>
      </div>
      <AlertRegion messageKey={signOutError} />
      {supervisor ? (
        <>
          <CaseDeadlinesPanel />
          <SettingsPanel />
          <CatalogPanel />
          <CalendarPanel />
          <WindowsPanel />
          <StaffPanel />
        </>
      ) : (
        <p className="muted">{t('admin.signIn.clerkOnly')}</p>
      )}
      <AppointmentsPanel />
      {supervisor ? <AuditPanel /> : null}
    </>
  );
}
