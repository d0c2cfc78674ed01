import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { StaffGate } from '../../components/staff/StaffGate.js';
import './admin.css';
import { HealthPanel } from './HealthPanel.js';
import { StaffArea } from './StaffArea.js';

export function AdminScreen() {
  return <ScreenGate role="admin">{() => <AdminApp />}</ScreenGate>;
}

function AdminApp() {
  const { t } = useTranslation();
  return (
    <Page kind="admin" mainClass="admin-main">
      <h1>{t('admin.title')}</h1>
      <HealthPanel />
      {/* Everything that changes the hall is behind a supervisor's sign-in on top of this terminal. */}
      <StaffGate page={false} setup lead={t('admin.signIn.lead')}>
        <StaffArea />
      </StaffGate>
    </Page>
  );
}
