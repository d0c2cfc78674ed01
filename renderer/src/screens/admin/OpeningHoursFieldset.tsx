import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '@domain/contract/schemas.js';
import { Field } from '../../components/form/Field.js';
import type { FieldProblem, Problems } from '../../components/form/Field.js';

/** 1 = Monday … 7 = Sunday, as the hall setting counts them. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The days' ids: the error summary links to the first box. */
export const firstDayId = (fid: (k: string) => string) => fid('opening-day-1');

/** The problems with the hours as entered, in the order the fields appear. */
export function checkOpeningHours(h: OpeningHours, fid: (k: string) => string, label: (k: string) => string): Problems {
  const found: Problems = [];
  if (h.days.length === 0) found.push({ id: firstDayId(fid), label: label('openingDays'), problem: { key: 'admin.settings.openingDaysNone' } });
  if (!HH_MM.test(h.open)) found.push({ id: fid('opening-open'), label: label('openingOpen'), problem: { key: 'admin.settings.openingTimeInvalid' } });
  if (!HH_MM.test(h.close)) found.push({ id: fid('opening-close'), label: label('openingClose'), problem: { key: 'admin.settings.openingTimeInvalid' } });
  else if (HH_MM.test(h.open) && h.close <= h.open)
    found.push({ id: fid('opening-close'), label: label('openingClose'), problem: { key: 'admin.settings.openingCloseBeforeOpen' } });
  return found;
}

/** Which weekdays the hall opens and its hours (in the hall's time zone); kiosks show them. */
export function OpeningHoursFieldset({
  value,
  onChange,
  fid,
  problemOf,
}: {
  value: OpeningHours;
  onChange: (h: OpeningHours) => void;
  fid: (k: string) => string;
  problemOf: (id: string) => FieldProblem | undefined;
}) {
  const { t } = useTranslation();
  const daysProblem = problemOf(firstDayId(fid));
  const toggle = (day: number, on: boolean) =>
    // Kept in weekday order whatever order the boxes were ticked in.
    onChange({ ...value, days: WEEKDAYS.filter((d) => (d === day ? on : value.days.includes(d))) });
  return (
    <fieldset className="form-field">
      <legend className="field-label">{t('admin.settings.openingHours')}</legend>
      <p className="field-hint">{t('admin.settings.openingHoursHint')}</p>
      <fieldset className={daysProblem ? 'form-field form-field--error' : 'form-field'}>
        <legend className="field-label">{t('admin.settings.openingDays')}</legend>
        {daysProblem ? <p className="field-error">{t(daysProblem.key, daysProblem.values)}</p> : null}
        {WEEKDAYS.map((d) => (
          <label key={d} className="check">
            <input id={fid(`opening-day-${d}`)} type="checkbox" checked={value.days.includes(d)} onChange={(e) => toggle(d, e.target.checked)} />
            {t(`admin.settings.weekday.${d}`)}
          </label>
        ))}
      </fieldset>
      <div className="admin-form__grid">
        <Field id={fid('opening-open')} label={t('admin.settings.openingOpen')} problem={problemOf(fid('opening-open'))}>
          {(aria) => <input {...aria} type="time" className="input--short" value={value.open} onChange={(e) => onChange({ ...value, open: e.target.value })} />}
        </Field>
        <Field id={fid('opening-close')} label={t('admin.settings.openingClose')} problem={problemOf(fid('opening-close'))}>
          {(aria) => (
            <input {...aria} type="time" className="input--short" value={value.close} onChange={(e) => onChange({ ...value, close: e.target.value })} />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
