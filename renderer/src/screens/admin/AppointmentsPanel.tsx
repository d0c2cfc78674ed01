import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES } from '@domain/business-lines.js';
import type { BusinessLine } from '@domain/business-lines.js';
import type { ResponseOf } from '@domain/contract/api.js';
import { validateIdNumber } from '@domain/identity/id-number.js';
import { ISO_DATE_PATTERN } from '@domain/service-day.js';
import { callApi } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { formatDateTime } from '../../i18n/format.js';
import { ErrorSummary, Field } from './form.js';
import type { FieldProblem, Problems } from './form.js';
import { useStaffErrorKey } from './staff-session.js';

/** The hall's zone (Asia/Shanghai) is UTC+8 all year: no daylight saving since 1991. */
const HALL_OFFSET_MS = 8 * 3_600_000;

/** A date and time on the hall's clock as epoch ms, whatever zone this machine is set to. */
export function hallSlotStart(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, m, day, hh, mm] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(y, m - 1, day, hh, mm) - HALL_OFFSET_MS;
  // Date.UTC rolls 2024-02-31 over into March: refuse dates that do not exist.
  const back = new Date(ms + HALL_OFFSET_MS);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== day || hh > 23 || mm > 59) return null;
  return ms;
}

function hallToday(): string {
  return new Date(Date.now() + HALL_OFFSET_MS).toISOString().slice(0, 10);
}

type Made = ResponseOf<'createAppointment'>['appointment'];

/**
 * Book an appointment for a citizen (phone or counter): line, date and time → a code for the kiosk.
 * The ID number is optional: with it the kiosk identifies the citizen from the code, and the host
 * accepts the appointment only for that person.
 */
export function AppointmentsPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const toKey = useStaffErrorKey();
  const [line, setLine] = useState<BusinessLine>('household');
  const [date, setDate] = useState(hallToday);
  const [time, setTime] = useState('09:00');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [made, setMade] = useState<Made | null>(null);
  const [problems, setProblems] = useState<Problems>([]);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const fid = (k: string) => `${id}-${k}`;
  const problemOf = (k: string): FieldProblem | undefined => problems.find((p) => p.id === fid(k))?.problem;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    const found: Problems = [];
    if (!ISO_DATE_PATTERN.test(date)) found.push({ id: fid('date'), label: t('admin.appointments.date'), problem: { key: 'admin.form.dateFormat' } });
    if (!/^\d{2}:\d{2}$/.test(time)) found.push({ id: fid('time'), label: t('admin.appointments.time'), problem: { key: 'admin.form.timeFormat' } });
    const id18 = idNumber.trim().toUpperCase();
    if (id18 !== '' && !validateIdNumber(id18, hallToday()).ok)
      found.push({ id: fid('idNumber'), label: t('admin.appointments.idNumber'), problem: { key: 'admin.form.idNumberInvalid' } });
    const slotStart = found.length === 0 ? hallSlotStart(date, time) : null;
    if (found.length === 0 && slotStart === null)
      found.push({ id: fid('date'), label: t('admin.appointments.date'), problem: { key: 'admin.form.dateFormat' } });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0 || slotStart === null) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    callApi('createAppointment', { body: { line, slotStart, ...(name.trim() ? { name: name.trim() } : {}), ...(id18 ? { idNumber: id18 } : {}) } })
      .then((r) => {
        setMade(r.appointment);
        setName('');
        // Personal data does not linger on the admin screen once booked.
        setIdNumber('');
      })
      .catch((err: unknown) => setError(toKey(err)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.appointments.title')}</h2>
      <ErrorSummary problems={problems} attempt={attempt} />
      <AlertRegion messageKey={error} />
      <form className="admin-form" onSubmit={submit} noValidate>
        <div className="admin-form__grid">
          <Field id={fid('line')} label={t('admin.appointments.line')}>
            {(aria) => (
              <select {...aria} value={line} onChange={(e) => setLine(e.target.value as BusinessLine)}>
                {BUSINESS_LINES.map((l) => (
                  <option key={l} value={l}>
                    {t(`line.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fid('date')} label={t('admin.appointments.date')} problem={problemOf('date')}>
            {(aria) => <input {...aria} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field id={fid('time')} label={t('admin.appointments.time')} hint={t('admin.appointments.timeHint')} problem={problemOf('time')}>
            {(aria) => <input {...aria} type="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} />}
          </Field>
          <Field id={fid('name')} label={t('admin.appointments.name')} hint={t('admin.appointments.nameHint')}>
            {(aria) => <input {...aria} maxLength={40} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field id={fid('idNumber')} label={t('admin.appointments.idNumber')} hint={t('admin.appointments.idNumberHint')} problem={problemOf('idNumber')}>
            {(aria) => (
              <input
                {...aria}
                maxLength={18}
                autoComplete="off"
                spellCheck={false}
                inputMode="text"
                value={idNumber}
                onChange={(e) => setIdNumber(e.target.value)}
              />
            )}
          </Field>
        </div>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('admin.appointments.create')}
        </button>
      </form>
      {made ? (
        <div className="issued" role="status">
          <p className="issued__title">{t('admin.appointments.made', { line: t(`line.${made.line}`), time: formatDateTime(made.slotStart, i18n.language) })}</p>
          <dl className="facts">
            <dt>{t('admin.appointments.code')}</dt>
            <dd className="issued__code" data-testid="appointment-code">
              {made.code}
            </dd>
          </dl>
          <p className="field-hint">{t('admin.appointments.codeHint')}</p>
        </div>
      ) : null}
    </section>
  );
}
