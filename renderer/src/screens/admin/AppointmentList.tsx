import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES, type BusinessLine } from '@domain/business-lines.js';
import type { AppointmentListItem } from '@domain/contract/appointments-api.js';
import { hallInstant, serviceDay } from '@domain/service-day.js';
import { ConfirmButton } from '../../components/panel/ConfirmButton.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { formatDateTime, formatTime } from '../../i18n/format.js';
import { hallTimeZone } from '../../i18n/hall-zone.js';

const DAY = 86_400_000;

/** A booking's hall date and time, for the change form's inputs. */
function hallDateTime(epochMs: number): { date: string; time: string } {
  return { date: serviceDay(epochMs, hallTimeZone()), time: formatTime(epochMs, 'en-GB') };
}

/** Moving a booking: another date, time or line, the same code. */
function ChangeForm({ a, onDone }: { a: AppointmentListItem; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [v, setV] = useState({ ...hallDateTime(a.slotStart), line: a.line });
  const change = useCommand('changeAppointment', { invalidates: ['listAppointments'] });
  const slotStart = hallInstant(v.date, v.time, hallTimeZone());
  return (
    <form
      className="appointment-change"
      aria-label={t('admin.appointments.changeLabel', { code: a.code })}
      onSubmit={(e) => {
        e.preventDefault();
        if (slotStart !== null) void change.run({ params: { id: a.id }, body: { line: v.line, slotStart } }).then((r) => r && onDone());
      }}
    >
      <label htmlFor={`${id}-d`}>{t('admin.appointments.date')}</label>
      <input id={`${id}-d`} type="date" value={v.date} onChange={(e) => setV({ ...v, date: e.target.value })} />
      <label htmlFor={`${id}-t`}>{t('admin.appointments.time')}</label>
      <input id={`${id}-t`} type="time" step={300} value={v.time} onChange={(e) => setV({ ...v, time: e.target.value })} />
      <label htmlFor={`${id}-l`}>{t('admin.appointments.line')}</label>
      <select id={`${id}-l`} value={v.line} onChange={(e) => setV({ ...v, line: e.target.value as BusinessLine })}>
        {BUSINESS_LINES.map((l) => (
          <option key={l} value={l}>
            {t(`line.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn--primary" disabled={change.busy || slotStart === null}>
        {t('admin.appointments.saveChange')}
      </button>
      <button type="button" className="btn" onClick={onDone}>
        {t('common.cancel')}
      </button>
      {change.error ? (
        <p className="field-error" role="alert">
          {t(change.error.key)}
        </p>
      ) : slotStart === null ? (
        <p className="field-error">{t('form.dateFormat')}</p>
      ) : null}
    </form>
  );
}

/** The bookings of the coming week (or any span): change a slot, cancel a booking. */
export function AppointmentList() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(() => serviceDay(Date.now(), hallTimeZone()));
  const [days, setDays] = useState(7);
  const noon = hallInstant(from, '12:00', hallTimeZone()) ?? 0;
  const to = serviceDay(noon + (days - 1) * DAY, hallTimeZone());
  const list = useQuery('listAppointments', { query: { from, to } });
  const cancel = useCommand('cancelAppointment', { invalidates: ['listAppointments'] });
  const [changing, setChanging] = useState<number | null>(null);
  const state = (a: AppointmentListItem) =>
    a.cancelledAt !== null ? t('admin.appointments.cancelled') : a.usedAt !== null ? t('admin.appointments.used') : t('admin.appointments.booked');

  return (
    <Panel title={t('admin.appointments.listTitle')} error={(cancel.error ?? list.error)?.key} onDismissError={cancel.clearError} testId="appointment-list">
      <div className="admin-form__grid">
        <div className="form-field">
          <label className="field-label" htmlFor={`${id}-from`}>
            {t('admin.appointments.from')}
          </label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </div>
        <div className="form-field">
          <label className="field-label" htmlFor={`${id}-days`}>
            {t('admin.appointments.span')}
          </label>
          <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[1, 7, 31].map((n) => (
              <option key={n} value={n}>
                {t('admin.appointments.days', { n })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {changing !== null
        ? (() => {
            const a = list.data?.appointments.find((x) => x.id === changing);
            return a ? <ChangeForm a={a} onDone={() => setChanging(null)} /> : null;
          })()
        : null}
      <DataTable<AppointmentListItem>
        rows={list.data?.appointments}
        failed={list.error !== null}
        rowKey={(a) => a.id}
        empty={t('admin.appointments.noneInSpan')}
        label={t('admin.appointments.listTitle')}
        columns={[
          { header: t('admin.appointments.time'), rowHeader: true, cell: (a) => formatDateTime(a.slotStart, i18n.language) },
          { header: t('admin.appointments.line'), cell: (a) => t(`line.${a.line}`) },
          { header: t('admin.appointments.code'), cell: (a) => a.code, className: 'mono' },
          { header: t('admin.appointments.name'), cell: (a) => a.maskedName ?? '—' },
          { header: t('admin.appointments.idNumber'), cell: (a) => (a.withIdNumber ? t('admin.appointments.idGiven') : '—') },
          { header: t('admin.staff.state'), cell: state },
          {
            header: t('admin.terminals.actions'),
            cell: (a) =>
              a.usedAt !== null || a.cancelledAt !== null ? null : (
                <div className="staff-actions">
                  <button type="button" className="btn" aria-label={t('admin.appointments.changeLabel', { code: a.code })} onClick={() => setChanging(a.id)}>
                    {t('admin.appointments.change')}
                  </button>
                  <ConfirmButton
                    label={t('admin.appointments.cancel')}
                    ariaLabel={t('admin.appointments.cancelLabel', { code: a.code })}
                    question={t('admin.appointments.cancelQuestion', { code: a.code })}
                    confirm={t('admin.appointments.cancelConfirm')}
                    busy={cancel.busy}
                    onConfirm={() => cancel.run({ params: { id: a.id } })}
                  />
                </div>
              ),
          },
        ]}
      />
    </Panel>
  );
}
