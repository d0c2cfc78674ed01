import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@domain/catalog/catalog-schema.js';
import { partialIdProblem } from '@domain/catalog/field-check.js';
import { validateIdNumber } from '@domain/identity/id-number.js';
import { ApiError, callApi } from '../../../api/client.js';
import type { CardNotice, ScanNotice } from '../../../devices/use-device-events.js';
import { useWedgeScanner } from '../../../devices/useWedgeScanner.js';
import { ErrorSummary } from '../../../components/form/ErrorSummary.js';
import { useRunner } from '../../../data/use-command.js';
import { IdKeypad } from './IdKeypad.js';
import { cardExpired, EXPIRED_CARD_WELCOME, identityFromCard, identityFromNumber, textIn, type Identity } from './journey-model.js';
import { signalActivity } from './journey-prefs.js';
import { BackButton, StepFrame, StepFoot } from './StepFrame.js';

type Mode = 'card' | 'keypad' | 'scan';

type CardVerdict = { identity: Identity } | { problem: { key: string; values?: Record<string, string> } };

/** What a card read means for this service: the applicant, or why not. */
function judgeCard(notice: CardNotice, serviceCode: string, today: string, taken: readonly string[]): CardVerdict {
  const read = notice.read;
  if (read.outcome === 'failed' && !(read.failure === 'card_expired' && read.card)) return { problem: { key: 'journey.identify.cardFailed' } };
  const card = read.card;
  if (!card) return { problem: { key: 'journey.identify.cardFailed' } };
  if (!validateIdNumber(card.idNumber, today).ok) return { problem: { key: 'journey.identify.notResident' } };
  if (cardExpired(card, today) && !EXPIRED_CARD_WELCOME.has(serviceCode))
    return { problem: { key: 'journey.identify.expired', values: { date: card.validUntil } } };
  const identity = identityFromCard(card);
  if (taken.includes(identity.idNumber)) return { problem: { key: 'journey.identify.sameMember' } };
  return { identity };
}

const APPOINTMENT_CODE = /[0-9A-Z]{4}-[0-9A-Z]{4}/;

/**
 * Who is applying: the ID card on the reader (the usual way), the number typed on the keypad (a
 * card the reader cannot read, or none at hand), or an appointment QR code. A card read arrives as
 * an event from the host; only a read that happens while this page is open counts, so an earlier
 * person's card can never identify the next.
 */
export function IdentifyStep({
  service,
  memberIndex,
  lastCard,
  lastScan,
  taken,
  today,
  onIdentified,
  onBack,
}: {
  service: Service;
  memberIndex: number;
  lastCard: CardNotice | null;
  lastScan: ScanNotice | null;
  /** ID numbers already in this application (a tour group): the same person cannot join twice. */
  taken: readonly string[];
  today: string;
  onIdentified: (identity: Identity, appointmentCode?: string) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>('card');
  const [problem, setProblem] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // A scanned appointment: its code goes with the applicant; `named` when it was booked for a named
  // person, whose card or number must then match it (the code alone identifies nobody).
  const [appointment, setAppointment] = useState<{ code: string; name: string | null; named: boolean } | null>(null);
  const [firstCard] = useState(lastCard);
  const firstScan = useRef(lastScan);
  const handled = useRef<unknown>(null);
  const [dismissed, setDismissed] = useState<CardNotice | null>(null);
  const lookup = useRunner<string>();

  const accept = (identity: Identity, code?: string) => {
    if (taken.includes(identity.idNumber)) {
      setProblem(t('journey.identify.sameMember'));
      return;
    }
    onIdentified(identity, code);
  };

  /** An identity (card or keypad) with the appointment scanned before, checked by the host when
   * the booking names someone. */
  const acceptWithAppointment = (identity: Identity) => {
    if (!appointment) return onIdentified(identity);
    if (!appointment.named) return accept(identity, appointment.code);
    const check = () => callApi('checkAppointment', { body: { code: appointment.code, idNumber: identity.idNumber } });
    void lookup
      .run(`check:${identity.idNumber}`, () =>
        check().then(
          () => 'ok' as const,
          (e: unknown) => (e instanceof ApiError ? e.code : 'network'),
        ),
      )
      .then((r) => {
        if (r === 'ok') return accept(identity, appointment.code);
        if (r === 'appointment_not_yours') return setProblem(t('journey.identify.appointmentNotYours'));
        if (r !== undefined) setProblem(t('journey.identify.scanUnknown'));
      });
  };
  const latestAccept = useRef(acceptWithAppointment);
  useEffect(() => {
    latestAccept.current = acceptWithAppointment;
  });

  // A card put on the reader while this page is open: judged as it arrives (a pure verdict), and
  // acted on once when it identifies someone.
  const fresh = lastCard && lastCard !== firstCard && lastCard !== dismissed ? lastCard : null;
  const verdict = fresh ? judgeCard(fresh, service.code, today, taken) : null;
  useEffect(() => {
    if (!fresh || handled.current === fresh) return;
    handled.current = fresh;
    signalActivity();
    if (verdict && 'identity' in verdict) latestAccept.current(verdict.identity);
  }, [fresh, verdict]);
  const shownProblem = problem ?? (verdict && 'problem' in verdict ? t(verdict.problem.key, verdict.problem.values) : null);
  const switchTo = (m: Mode) => {
    setMode(m);
    setProblem(null);
    setDismissed(lastCard);
  };

  const onScan = (text: string) => {
    const code = APPOINTMENT_CODE.exec(text.toUpperCase())?.[0];
    signalActivity();
    if (!code) return setProblem(t('journey.identify.scanUnknown'));
    const find = () =>
      callApi('appointmentLookup', { params: { code } }).catch((e: unknown) =>
        e instanceof ApiError && e.code === 'conflict' ? ('used' as const) : ('unknown' as const),
      );
    // One lookup at a time: a scanner that repeats its code sends one request.
    void lookup.run(code, find).then((a) => {
      if (!a) return;
      if (a === 'unknown') return setProblem(t('journey.identify.scanUnknown'));
      if (a === 'used' || a.used) return setProblem(t('journey.identify.scanUsed'));
      if (a.line !== service.line) return setProblem(t('journey.identify.scanWrongLine'));
      // Booked for a named person: they show their card (or type their number) to be checked.
      if (a.withIdNumber) {
        setAppointment({ code, name: a.name, named: true });
        return switchTo('card');
      }
      // The booking holds no ID number: the citizen types it, and the appointment goes along.
      setAppointment({ code, name: a.name, named: false });
      switchTo('keypad');
    });
  };
  useWedgeScanner(onScan);
  useEffect(() => {
    if (!lastScan || lastScan === firstScan.current) return;
    onScan(lastScan.text);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new scan is news
  }, [lastScan]);

  const live = partialIdProblem(typed, today);
  const fieldProblem = submitted && typed.length < 18 ? 'idFormat' : live;
  const confirmKeypad = () => {
    setSubmitted(true);
    const r = validateIdNumber(typed, today);
    if (typed.length !== 18 || !r.ok) return;
    acceptWithAppointment(identityFromNumber(r.value, appointment && !appointment.named ? 'appointment' : 'keypad', appointment?.name));
  };

  const title = memberIndex > 0 ? t('journey.identify.memberTitle', { n: memberIndex + 1 }) : t('journey.identify.title');
  const back = mode === 'card' ? onBack : () => switchTo('card');

  if (mode === 'keypad') {
    const errorText = fieldProblem ? t(`journey.error.${fieldProblem}`) : null;
    return (
      <StepFrame
        title={t('journey.keypad.title')}
        caption={textIn(service.name, i18n.language)}
        guide="keypad"
        foot={<StepFoot onBack={back} next={t('journey.keypad.confirm')} onNext={confirmKeypad} />}
      >
        <ErrorSummary titleKey="journey.error.summary" items={submitted && errorText ? [{ fieldId: 'id-typed', text: errorText }] : []} />
        {appointment ? <p className="identify__note">{t('journey.identify.scanned', { code: appointment.code })}</p> : null}
        <div className={errorText ? 'field field--error' : 'field'}>
          <label htmlFor="id-typed" className="field__label">
            {t('journey.keypad.label')}
          </label>
          <p id="id-typed-count" className="field__hint">
            {t('journey.keypad.count', { n: typed.length })}
          </p>
          {errorText ? (
            <p id="id-typed-error" className="field__error">
              {errorText}
            </p>
          ) : null}
          <input
            id="id-typed"
            className="field__input field__input--id"
            value={typed}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={18}
            aria-invalid={errorText !== null}
            aria-describedby={errorText ? 'id-typed-count id-typed-error' : 'id-typed-count'}
            onChange={(e) =>
              setTyped(
                e.target.value
                  .toUpperCase()
                  .replace(/[^0-9X]/g, '')
                  .slice(0, 18),
              )
            }
          />
        </div>
        <IdKeypad
          label={t('journey.keypad.pad')}
          onKey={(k) => setTyped((s) => (s + k).slice(0, 18))}
          onBackspace={() => setTyped((s) => s.slice(0, -1))}
          onClear={() => setTyped('')}
        />
      </StepFrame>
    );
  }

  return (
    <StepFrame title={title} caption={textIn(service.name, i18n.language)} guide={mode === 'scan' ? 'scan' : 'identify'} foot={<BackButton onBack={back} />}>
      <div className="identify">
        <div className="identify__card" aria-live="polite">
          <div className="identify__reader" aria-hidden="true" />
          <p className="identify__prompt">{mode === 'scan' ? t('journey.identify.scanWaiting') : t('journey.identify.card')}</p>
          {appointment?.named && mode === 'card' ? (
            <p className="identify__note">{t('journey.identify.appointmentNamed', { code: appointment.code })}</p>
          ) : null}
          <p className="identify__waiting">{mode === 'scan' ? '' : t('journey.identify.cardWaiting')}</p>
        </div>
        <p className="identify__problem" role="alert">
          {shownProblem ?? ''}
        </p>
        <div className="identify__other">
          <button type="button" className="btn btn--huge" onClick={() => switchTo('keypad')}>
            {t('journey.identify.keypad')}
          </button>
          {memberIndex === 0 && mode !== 'scan' ? (
            <button type="button" className="btn btn--huge" onClick={() => switchTo('scan')}>
              {t('journey.identify.scan')}
            </button>
          ) : null}
        </div>
      </div>
    </StepFrame>
  );
}
