import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isPersonName } from '@domain/contract/text-rules.js';
import { BUSINESS_LINES } from '@domain/business-lines.js';
import type { BusinessLine } from '@domain/business-lines.js';
import type { ResponseOf } from '@domain/contract/api.js';
import { validateIdNumber } from '@domain/identity/id-number.js';
import { hallInstant, serviceDay } from '@domain/service-day.js';
import { hallTimeZone } from '../../i18n/hall-zone.js';
import { Field, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { useProblems } from '../../components/form/use-problems.js';
import { IssuedCode } from '../../components/panel/IssuedCode.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { formatDateTime } from '../../i18n/format.js';

const hallToday = () => serviceDay(Date.now(), hallTimeZone());

type Made = ResponseOf<'createAppointment'>['appointment'];

/**
 * Book an appointment for a citizen (phone or counter): line, date and time → a code for the kiosk.
 * The ID number is optional: with it the kiosk identifies the citizen from the code, and the host
 * accepts the appointment only for that person.
 */
export function AppointmentsPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [line, setLine] = useState<BusinessLine>('household');
  const [date, setDate] = useState(hallToday);
  const [time, setTime] = useState('09:00');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [made, setMade] = useState<Made | null>(null);
  const check = useProblems();
  const book = useCommand('createAppointment', { invalidates: ['listAppointments'] });
  const fid = (k: string) => `${id}-${k}`;
  const problemOf = (k: string) => check.problemOf(fid(k));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.push({ id: fid('date'), label: t('admin.appointments.date'), problem: { key: 'form.dateFormat' } });
    if (!/^\d{2}:\d{2}$/.test(time)) found.push({ id: fid('time'), label: t('admin.appointments.time'), problem: { key: 'form.timeFormat' } });
    if (name.trim() !== '' && !isPersonName(name)) found.push({ id: fid('name'), label: t('admin.appointments.name'), problem: { key: 'form.personName' } });
    const id18 = idNumber.trim().toUpperCase();
    if (id18 !== '' && !validateIdNumber(id18, hallToday()).ok)
      found.push({ id: fid('idNumber'), label: t('admin.appointments.idNumber'), problem: { key: 'form.idNumberInvalid' } });
    const slotStart = found.length === 0 ? hallInstant(date, time, hallTimeZone()) : null;
    if (found.length === 0 && slotStart === null) found.push({ id: fid('date'), label: t('admin.appointments.date'), problem: { key: 'form.dateFormat' } });
    if (!check.check(found) || slotStart === null) return;
    void book.run({ body: { line, slotStart, ...(name.trim() ? { name: name.trim() } : {}), ...(id18 ? { idNumber: id18 } : {}) } }).then((r) => {
      if (!r) return;
      setMade(r.appointment);
      setName('');
      // Personal data does not linger on the admin screen once booked.
      setIdNumber('');
    });
  };

  return (
    <Panel title={t('admin.appointments.title')} error={book.error?.key}>
      <ProblemSummary form={check} />
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
        <button type="submit" className="btn btn--primary" disabled={book.busy}>
          {t('admin.appointments.create')}
        </button>
      </form>
      {made ? (
        <IssuedCode
          title={t('admin.appointments.made', { line: t(`line.${made.line}`), time: formatDateTime(made.slotStart, i18n.language) })}
          label={t('admin.appointments.code')}
          code={made.code}
          testId="appointment-code"
          hint={t('admin.appointments.codeHint')}
        />
      ) : null}
    </Panel>
  );
}
