import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '../../../../electron/domain/business-lines.js';
import type { PrinterStatus } from '../../../../electron/domain/contract/print-api.js';
import type { Ticket } from '../../../../electron/domain/contract/schemas.js';
import type { TicketClass } from '../../../../electron/domain/queue/calling-policy.js';
import { callApi, errorKey } from '../../api/client.js';
import { useServerEvents } from '../../api/events.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { DEFAULT_LANGUAGE } from '../../i18n/setup.js';
import '../../styles/kiosk.css';
import { AppointmentStep } from './AppointmentStep.js';
import { ClassPicker } from './ClassPicker.js';
import { GreenStep } from './GreenStep.js';
import { GroupStep } from './GroupStep.js';
import { LinePicker } from './LinePicker.js';
import { PrinterNotice, usePrinterStatusOnConnect } from './PrinterNotice.js';
import { TicketConfirmation } from './TicketConfirmation.js';

export type KioskMode = 'kiosk' | 'booth';

export function KioskScreen({ mode }: { mode: KioskMode }) {
  return <ScreenGate role={mode}>{() => <KioskApp mode={mode} />}</ScreenGate>;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'class'; line: BusinessLine }
  | { kind: 'appointment' | 'group' | 'green'; line: BusinessLine }
  | { kind: 'ticket'; ticket: Ticket; ahead: number; estimate: number | null };

type Request = { ticketClass: TicketClass; groupSize?: number; appointmentCode?: string };

// A citizen who walks away mid-way leaves the kiosk for the next person, not their half-made choice.
const IDLE_RETURN_MS = 60_000;

function KioskApp({ mode }: { mode: KioskMode }) {
  const { t, i18n } = useTranslation();
  const [printerStatus, setPrinterStatus] = useState<PrinterStatus>('ok');
  const { queue, status } = useServerEvents(mode, { onPrinterStatus: (ev) => setPrinterStatus(ev.status) });
  usePrinterStatusOnConnect(status, setPrinterStatus);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // State updates land after the next render; a double tap inside one frame must still see "busy".
  const inFlight = useRef(false);

  const take = (line: BusinessLine, req: Request) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const language = i18n.language === 'en' ? 'en' : 'zh-CN';
    callApi('issueTicket', { body: { line, ...req, language } })
      .then((r) => setStep({ kind: 'ticket', ticket: r.ticket, ahead: r.ahead, estimate: r.estimatedWaitMinutes }))
      .catch((e: unknown) => setError(errorKey(e)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  // The next citizen should find the kiosk as the hall set it up, not in the last person's language.
  const backToStart = useCallback(() => {
    setStep({ kind: 'choose' });
    setError(null);
    void i18n.changeLanguage(DEFAULT_LANGUAGE);
  }, [i18n]);

  const midway = step.kind !== 'choose' && step.kind !== 'ticket';
  useEffect(() => {
    if (!midway) return;
    let timer = window.setTimeout(backToStart, IDLE_RETURN_MS);
    const touch = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(backToStart, IDLE_RETURN_MS);
    };
    window.addEventListener('pointerdown', touch);
    window.addEventListener('keydown', touch);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', touch);
      window.removeEventListener('keydown', touch);
    };
  }, [midway, backToStart]);

  const toStep = (next: Step) => {
    setError(null);
    setStep(next);
  };

  const body = () => {
    switch (step.kind) {
      case 'choose':
        return <LinePicker waiting={queue?.waiting ?? null} busyLine={null} onChoose={(line) => toStep({ kind: 'class', line })} />;
      case 'class':
        return (
          <ClassPicker
            line={step.line}
            busy={busy}
            onBack={() => toStep({ kind: 'choose' })}
            onChoose={(c) => (c === 'normal' ? take(step.line, { ticketClass: 'normal' }) : toStep({ kind: c, line: step.line }))}
          />
        );
      case 'appointment':
        return <AppointmentStep busy={busy} onBack={() => toStep({ kind: 'class', line: step.line })} onSubmit={(code) => take(step.line, { ticketClass: 'appointment', appointmentCode: code })} />;
      case 'group':
        return <GroupStep busy={busy} onBack={() => toStep({ kind: 'class', line: step.line })} onSubmit={(n) => take(step.line, { ticketClass: 'group', groupSize: n })} />;
      case 'green':
        return <GreenStep busy={busy} onBack={() => toStep({ kind: 'class', line: step.line })} onConfirm={() => take(step.line, { ticketClass: 'green' })} />;
      case 'ticket':
        return <TicketConfirmation key={step.ticket.id} ticket={step.ticket} ahead={step.ahead} estimate={step.estimate} onDone={backToStart} />;
    }
  };

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
      {step.kind === 'choose' || step.kind === 'ticket' ? <PrinterNotice status={printerStatus} /> : null}
      <main className="kiosk-main">{body()}</main>
    </div>
  );
}
