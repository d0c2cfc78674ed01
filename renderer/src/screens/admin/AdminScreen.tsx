import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { StaffGate } from '../../components/staff/StaffGate.js';
import './admin.css';
import { DevicesPanel } from './DevicesPanel.js';
import { HealthPanel } from './HealthPanel.js';
import { PairingPanel } from './PairingPanel.js';
import { PrintersPanel } from './PrintersPanel.js';
import { StaffArea } from './StaffArea.js';
import { TerminalsPanel } from './TerminalsPanel.js';

export function AdminScreen() {
  return <ScreenGate role="admin">{() => <AdminApp />}</ScreenGate>;
}

function AdminApp() {
  const { t } = useTranslation();
  return (
    <Page kind="admin" mainClass="admin-main">
      <h1>{t('admin.title')}</h1>
      <div className="admin-grid">
        <HealthPanel />
        <PairingPanel />
      </div>
      <TerminalsPanel />
      <DevicesPanel />
      <PrintersPanel />
      {/* Supervisor panels (settings, windows, staff, appointments, audit) behind staff sign-in. */}
      <StaffGate page={false} setup lead={t('admin.signIn.lead')}>
        <StaffArea />
      </StaffGate>
    </Page>
  );
}
