import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import { DEFAULT_GREEN_CHANNEL_AGE } from '@domain/queue/green-channel.js';
import type { ResponseOf } from '@domain/contract/api.js';
import type { PrinterStatus } from '@domain/contract/print-api.js';
import { serviceDay } from '@domain/service-day.js';
import { callApi } from '../../api/client.js';
import { useServerEvents } from '../../api/events.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { useDeviceEvents } from '../../devices/useDeviceEvents.js';
import { DEFAULT_LANGUAGE, HALL_TIME_ZONE } from '../../i18n/setup.js';
import '../../styles/kiosk.css';
import '../../styles/journey.css';
import { BoothHours } from './journey/BoothHours.js';
import { IdleGuard } from './journey/IdleGuard.js';
import { Journey } from './journey/Journey.js';
import { DEFAULT_PREFS, JourneyPrefsContext, type JourneyPrefs } from './journey/journey-prefs.js';
import type { Screen } from './journey/journey-screens.js';
import { PrinterNotice, usePrinterStatusOnConnect } from './PrinterNotice.js';

export type KioskMode = 'kiosk' | 'booth';

export function KioskScreen({ mode }: { mode: KioskMode }) {
  return <ScreenGate role={mode}>{() => <KioskApp mode={mode} />}</ScreenGate>;
}

const IDLE_MS = 60_000;
const IDLE_ELDERLY_MS = 120_000;

type HallInfo = ResponseOf<'hallInfo'>;

/**
 * The kiosk (and the 24-hour booth): the hall's shared data (catalog, queue, printer, devices)
 * lives here; everything one citizen enters lives in <Journey>, which is remounted with a new key
 * at every wipe, so that nothing of theirs survives in the renderer's state.
 */
function KioskApp({ mode }: { mode: KioskMode }) {
  const { t, i18n } = useTranslation();
  const [printerStatus, setPrinterStatus] = useState<PrinterStatus>('ok');
  const { queue, status } = useServerEvents(mode, { onPrinterStatus: (ev) => setPrinterStatus(ev.status) });
  usePrinterStatusOnConnect(status, setPrinterStatus);
  const devices = useDeviceEvents(mode);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [hall, setHall] = useState<HallInfo | null>(null);
  const [session, setSession] = useState(0);
  const [prefs, setPrefs] = useState<JourneyPrefs>(DEFAULT_PREFS);
  const [screen, setScreen] = useState<Screen['kind']>('welcome');
  // The hall's date, fixed for one citizen's session (renewed at every wipe).
  const [today, setToday] = useState(() => serviceDay(Date.now(), HALL_TIME_ZONE));

  // The catalog and the hall's hours are the hall's, not the citizen's: fetched on each connection
  // and again for each citizen (a supervisor may have changed a fee or the hours meanwhile).
  useEffect(() => {
    if (status !== 'open') return;
    const ctl = new AbortController();
    callApi('catalog', { signal: ctl.signal })
      .then(setCatalog)
      .catch(() => undefined);
    callApi('hallInfo', { signal: ctl.signal })
      .then(setHall)
      .catch(() => undefined);
    return () => ctl.abort();
  }, [status, session]);

  const { clearCard } = devices;
  const wipe = useCallback(() => {
    clearCard();
    setPrefs(DEFAULT_PREFS);
    setScreen('welcome');
    setSession((s) => s + 1);
    setToday(serviceDay(Date.now(), HALL_TIME_ZONE));
    void i18n.changeLanguage(DEFAULT_LANGUAGE);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  }, [clearCard, i18n]);

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
        <ConnectionBanner status={status} />
        <PrinterNotice status={printerStatus} />
        <main className="kiosk-main">
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
