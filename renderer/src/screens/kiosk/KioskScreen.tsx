import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '../../../../electron/domain/business-lines.js';
import type { Ticket } from '../../../../electron/domain/contract/schemas.js';
import { callApi, errorKey } from '../../api/client.js';
import { useServerEvents } from '../../api/events.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { DEFAULT_LANGUAGE } from '../../i18n/setup.js';
import '../../styles/kiosk.css';
import { LinePicker } from './LinePicker.js';
import { TicketConfirmation } from './TicketConfirmation.js';

export type KioskMode = 'kiosk' | 'booth';

export function KioskScreen({ mode }: { mode: KioskMode }) {
  return <ScreenGate role={mode}>{() => <KioskApp mode={mode} />}</ScreenGate>;
}

type Step = { kind: 'choose' } | { kind: 'ticket'; ticket: Ticket; ahead: number };

function KioskApp({ mode }: { mode: KioskMode }) {
  const { t, i18n } = useTranslation();
  const { queue, status } = useServerEvents(mode);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busyLine, setBusyLine] = useState<BusinessLine | null>(null);
  const [error, setError] = useState<string | null>(null);
  // State updates land after the next render; a double tap inside one frame must still see "busy".
  const inFlight = useRef(false);

  const take = (line: BusinessLine) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusyLine(line);
    setError(null);
    callApi('issueTicket', { body: { line } })
      .then((r) => setStep({ kind: 'ticket', ticket: r.ticket, ahead: r.ahead }))
      .catch((e: unknown) => setError(errorKey(e)))
      .finally(() => {
        inFlight.current = false;
        setBusyLine(null);
      });
  };

  // The next citizen should find the kiosk as the hall set it up, not in the last person's language.
  const backToStart = useCallback(() => {
    setStep({ kind: 'choose' });
    setError(null);
    void i18n.changeLanguage(DEFAULT_LANGUAGE);
  }, [i18n]);

  return (
    <div className={`page page--kiosk page--${mode}`}>
      <header className="kiosk-header">
        <div className="kiosk-header__titles">
          <p className="kiosk-header__brand">{t('app.name')}</p>
          <h1 className="kiosk-header__title">{t(mode === 'booth' ? 'kiosk.boothTitle' : 'kiosk.title')}</h1>
        </div>
        <LanguageSwitch large />
      </header>
      <ConnectionBanner status={status} />
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      <main className="kiosk-main">
        {step.kind === 'choose' ? (
          <LinePicker waiting={queue?.waiting ?? null} busyLine={busyLine} onChoose={take} />
        ) : (
          <TicketConfirmation key={step.ticket.id} ticket={step.ticket} ahead={step.ahead} onDone={backToStart} />
        )}
      </main>
    </div>
  );
}
