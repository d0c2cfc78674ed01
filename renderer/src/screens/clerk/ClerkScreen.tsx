import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerEvents } from '../../api/events.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import '../../styles/clerk.css';
import { WindowConsole } from './WindowConsole.js';
import { WindowPicker } from './WindowPicker.js';

// sessionStorage, not localStorage: the choice belongs to this sitting at this PC, and a new
// browser session should ask again rather than silently serve someone else's window.
const WINDOW_KEY = 'yizhan.clerk.windowId';

function readWindowId(): number | null {
  const raw = sessionStorage.getItem(WINDOW_KEY);
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function ClerkScreen() {
  return <ScreenGate role="clerk">{() => <ClerkApp />}</ScreenGate>;
}

function ClerkApp() {
  const { t } = useTranslation();
  const { queue, status } = useServerEvents('clerk');
  const [windowId, setWindowId] = useState<number | null>(readWindowId);

  const choose = useCallback((id: number | null) => {
    if (id === null) sessionStorage.removeItem(WINDOW_KEY);
    else sessionStorage.setItem(WINDOW_KEY, String(id));
    setWindowId(id);
  }, []);
  // Stable, because the console re-reads its window whenever this changes.
  const changeWindow = useCallback(() => choose(null), [choose]);

  return (
    <div className="page page--clerk">
      <header className="page-header">
        <p className="page-header__brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <ConnectionBanner status={status} />
      {windowId === null ? (
        <WindowPicker onChoose={choose} />
      ) : (
        <WindowConsole key={windowId} windowId={windowId} queue={queue} onChangeWindow={changeWindow} />
      )}
    </div>
  );
}
