import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_GREEN_CHANNEL_AGE } from '@domain/queue/green-channel.js';
import { serviceDay } from '@domain/service-day.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { useConnectionStatus, useQueue } from '../../data/use-host-events.js';
import { useQuery } from '../../data/use-query.js';
import { useDeviceEvents } from '../../devices/use-device-events.js';
import { useHostClock } from '../../data/use-host-events.js';
import { hallTimeZone } from '../../i18n/hall-zone.js';
import { DEFAULT_LANGUAGE } from '../../i18n/setup.js';
import './kiosk.css';
import './journey/journey.css';
import { BoothHours } from './journey/BoothHours.js';
import { IdleGuard } from './journey/IdleGuard.js';
import { Journey } from './journey/Journey.js';
import { DEFAULT_PREFS, JourneyPrefsContext, type JourneyPrefs } from './journey/journey-prefs.js';
import type { Screen } from './journey/journey-screens.js';
import { PrinterNotice } from './PrinterNotice.js';

export type KioskMode = 'kiosk' | 'booth';

export function KioskScreen({ mode }: { mode: KioskMode }) {
  return <ScreenGate role={mode}>{() => <KioskApp mode={mode} />}</ScreenGate>;
}

const IDLE_MS = 60_000;
const IDLE_ELDERLY_MS = 120_000;

/**
 * The kiosk (and the 24-hour booth): the hall's shared data (catalog, queue, printer, devices)
 * lives here; everything one citizen enters lives in <Journey>, which is remounted with a new key
 * at every wipe, so that nothing of theirs survives in the renderer's state.
 */
function KioskApp({ mode }: { mode: KioskMode }) {
  const { t, i18n } = useTranslation();
  const queue = useQueue();
  const devices = useDeviceEvents();
  const [session, setSession] = useState(0);
  // The catalog and the hall's hours are the hall's, not the citizen's: read on each connection
  // and again for each citizen (a supervisor may have changed a fee or the hours meanwhile).
  const catalog = useQuery('catalog', {}, { key: session }).data ?? null;
  const hall = useQuery('hallInfo', {}, { key: session }).data ?? null;
  const [prefs, setPrefs] = useState<JourneyPrefs>(DEFAULT_PREFS);
  const [screen, setScreen] = useState<Screen['kind']>('welcome');
  // The hall's date, fixed for one citizen's session (renewed at every wipe).
  const hostNow = useHostClock();
  const [today, setToday] = useState(() => serviceDay(hostNow(), hallTimeZone()));

  const { clearCard } = devices;
  const wipe = useCallback(() => {
    clearCard();
    setPrefs(DEFAULT_PREFS);
    setScreen('welcome');
    setSession((s) => s + 1);
    setToday(serviceDay(hostNow(), hallTimeZone()));
    void i18n.changeLanguage(DEFAULT_LANGUAGE);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  }, [clearCard, i18n, hostNow]);

  // While the hub is out of reach the journey pauses: nothing is offered that would need it and
  // what the citizen entered stays. The idle wipe still runs (its prompt sits outside the paused
  // part): a citizen who walks away from a kiosk that lost its link leaves nothing on it.
  const offline = useConnectionStatus() === 'reconnecting';
  const untouched = screen === 'welcome' && !prefs.elderly && !prefs.voice && i18n.language === DEFAULT_LANGUAGE;
  const booth = mode === 'booth';
  const classes = ['page', 'page--kiosk', `page--${mode}`, prefs.elderly ? 'page--elderly' : ''].filter(Boolean).join(' ');
  return (
    <JourneyPrefsContext.Provider value={prefs}>
      <div className={classes} data-session={session}>
        <header className="kiosk-header">
          <div className="kiosk-header__titles">
            <p className="kiosk-header__brand">{hall?.hallName || t('app.name')}</p>
            <h1 className="kiosk-header__title">{t(booth ? 'kiosk.boothTitle' : 'kiosk.title')}</h1>
          </div>
          {/* On the welcome screen the language is the first question, asked in the page itself. */}
          {screen === 'welcome' ? null : <LanguageSwitch large />}
        </header>
        <PrinterNotice />
        {offline ? (
          <p className="kiosk-paused" role="alert">
            {t('connection.kioskPaused')}
          </p>
        ) : null}
        <main className="kiosk-main" inert={offline}>
          {booth && hall && (screen === 'welcome' || screen === 'services') ? <BoothHours hall={hall} /> : null}
          <Journey
            key={session}
            booth={booth}
            catalog={catalog}
            greenAge={hall?.greenChannelAge ?? DEFAULT_GREEN_CHANNEL_AGE}
            today={today}
            waiting={queue?.waiting ?? null}
            lastCard={devices.lastCard}
            lastScan={devices.lastScan}
            prefs={prefs}
            onPrefs={setPrefs}
            onScreen={(s) => setScreen(s.kind)}
            onFinish={wipe}
          />
        </main>
        <IdleGuard active={!untouched} idleMs={prefs.elderly ? IDLE_ELDERLY_MS : IDLE_MS} onExpire={wipe} />
      </div>
    </JourneyPrefsContext.Provider>
  );
}
