import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import './counter.css';
import './counter-landscape.css';
import { CounterBoard } from './CounterBoard.js';
import { CounterWindowPicker } from './CounterWindowPicker.js';

// localStorage: which window a screen faces is a property of the hardware, not of a person.
const WINDOW_KEY = 'yizhan.counter.windowId';

function readWindowId(): number | null {
  const raw = localStorage.getItem(WINDOW_KEY);
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The small screen on the counter, facing the applicant: the number served here and the 笔谈. */
export function CounterScreen() {
  return <ScreenGate role="display">{() => <CounterApp />}</ScreenGate>;
}

/**
 * Which window the screen faces is chosen once, when staff set it up (at /counter/setup, an address
 * the applicant's kiosk-mode screen never shows): the applicant's side offers no way to re-point it.
 */
function CounterApp() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useLocation().pathname.replace(/\/$/, '') === '/counter/setup';
  const [windowId, setWindowId] = useState<number | null>(readWindowId);
  const choose = useCallback(
    (id: number | null) => {
      if (id === null) localStorage.removeItem(WINDOW_KEY);
      else localStorage.setItem(WINDOW_KEY, String(id));
      setWindowId(id);
      if (id !== null) void navigate('/counter', { replace: true });
    },
    [navigate],
  );

  return (
    <div className="page page--counter">
      <header className="page-header counter-header">
        <p className="page-header__brand">{t('app.name')}</p>
        <LanguageSwitch large />
      </header>
      {windowId === null || setup ? (
        <CounterWindowPicker onChoose={choose} />
      ) : (
        <CounterBoard key={windowId} windowId={windowId} onWindowGone={() => choose(null)} />
      )}
    </div>
  );
}
