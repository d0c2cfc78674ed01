import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import '../../styles/admin.css';
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
  // Bumped after a code is issued so the list is fresh when the new terminal shows up.
  const [terminalsVersion, setTerminalsVersion] = useState(0);
  const refreshTerminals = useCallback(() => setTerminalsVersion((n) => n + 1), []);
  return (
    <div className="page page--admin">
      <header className="page-header">
        <p className="page-header__brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main className="admin-main">
        <h1>{t('admin.title')}</h1>
        <div className="admin-grid">
          <HealthPanel />
          <PairingPanel onIssued={refreshTerminals} />
        </div>
        <TerminalsPanel version={terminalsVersion} onRefresh={refreshTerminals} />
        <DevicesPanel />
        <PrintersPanel />
        {/* Supervisor panels (settings, windows, staff, appointments, audit) behind staff sign-in. */}
        <StaffArea />
      </main>
    </div>
  );
}
