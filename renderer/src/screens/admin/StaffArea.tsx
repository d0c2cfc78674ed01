import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useSignedIn } from '../../components/staff/StaffGate.js';
import { ADMIN_SECTIONS, type AdminSectionId } from './admin-sections.js';
import { AppointmentList } from './AppointmentList.js';
import { AppointmentsPanel } from './AppointmentsPanel.js';
import { AuditPanel } from './AuditPanel.js';
import { BackOfficePanel } from './BackOfficePanel.js';
import { CalendarPanel } from './CalendarPanel.js';
import { CaseDeadlinesPanel } from './CaseDeadlinesPanel.js';
import { CatalogPanel } from './CatalogPanel.js';
import { CityLinkPanel } from './CityLinkPanel.js';
import { DevicesPanel } from './DevicesPanel.js';
import { PairingPanel } from './PairingPanel.js';
import { PrintersPanel } from './PrintersPanel.js';
import { ReportsPanel } from './reports/ReportsPanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { StaffPanel } from './StaffPanel.js';
import { TerminalsPanel } from './TerminalsPanel.js';
import { WindowsPanel } from './WindowsPanel.js';

// These two sections load when first opened, inside the admin screen's own chunk.
const RectificationsPanel = lazy(() => import('./ratings/RectificationsPanel.js').then((m) => ({ default: m.RectificationsPanel })));
const DashboardPanel = lazy(() => import('./dashboard/DashboardPanel.js').then((m) => ({ default: m.DashboardPanel })));

const CONTENT: Record<AdminSectionId, () => ReactNode> = {
  cases: () => <CaseDeadlinesPanel />,
  hall: () => <SettingsPanel />,
  windows: () => <WindowsPanel />,
  staff: () => <StaffPanel />,
  terminals: () => (
    <>
      <PairingPanel />
      <TerminalsPanel />
      <DevicesPanel />
    </>
  ),
  printers: () => <PrintersPanel />,
  catalog: () => <CatalogPanel />,
  calendar: () => <CalendarPanel />,
  appointments: () => (
    <>
      <AppointmentsPanel />
      <AppointmentList />
    </>
  ),
  audit: () => <AuditPanel />,
  backoffice: () => <BackOfficePanel />,
  ratings: () => (
    <Suspense fallback={null}>
      <RectificationsPanel />
    </Suspense>
  ),
  dashboard: () => (
    <Suspense fallback={null}>
      <DashboardPanel />
    </Suspense>
  ),
  reports: () => <ReportsPanel />,
  city: () => <CityLinkPanel />,
};

/**
 * The signed-in part of the admin screen: who is signed in, the sections they may use in a side
 * navigation (each at its own address, so a link or the back button lands on it), and the section.
 */
export function StaffArea() {
  const { t } = useTranslation();
  const { staff, signOut, signOutError, notice } = useSignedIn();
  const supervisor = staff.role === 'supervisor' || staff.role === 'admin';
  const sections = ADMIN_SECTIONS.filter((s) => supervisor || !s.supervisor);
  const first = sections[0]?.id ?? 'appointments';
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
      {supervisor ? null : <p className="muted">{t('admin.signIn.clerkOnly')}</p>}
      <div className="admin-layout">
        <nav className="admin-nav" aria-label={t('admin.nav.label')}>
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <NavLink to={`/admin/${s.id}`} className={({ isActive }) => (isActive ? 'admin-nav__link admin-nav__link--active' : 'admin-nav__link')}>
                  {t(`admin.nav.${s.id}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="admin-section">
          <Routes>
            {sections.map((s) => (
              <Route key={s.id} path={s.id} element={CONTENT[s.id]()} />
            ))}
            <Route path="*" element={<Navigate to={`/admin/${first}`} replace />} />
          </Routes>
        </div>
      </div>
    </>
  );
}
