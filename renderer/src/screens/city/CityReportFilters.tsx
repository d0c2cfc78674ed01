import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES } from '@domain/business-lines.js';
import { serviceCatalog } from '@domain/catalog/catalog.js';
import { CITY_GROUPINGS, HALL_ONLY_GROUPINGS, type CityGrouping } from '@domain/city/city-report-api.js';
import { catalogLanguage } from './service-names.js';

/** What the city report reads: a hall (or all), a range, a grouping, and the part to keep. */
export interface CityReportForm {
  hall: string;
  from: string;
  to: string;
  groupBy: CityGrouping;
  line: string;
  service: string;
  window: string;
  staff: string;
}

/**
 * The report's controls. Window and staff (grouping and filter) are a hall's own numbers, so they
 * are offered only with one hall chosen; the services offered are the national catalog's, of the
 * line chosen.
 */
export function CityReportFilters(props: {
  id: string;
  form: CityReportForm;
  set: (patch: Partial<CityReportForm>) => void;
  halls: readonly { hallId: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const { id, form, set } = props;
  const lang = catalogLanguage(i18n.language);
  const services = serviceCatalog().services.filter((s) => !form.line || s.line === form.line);
  return (
    <>
      <label htmlFor={`${id}-hall`}>{t('city.report.hall')}</label>
      <select id={`${id}-hall`} value={form.hall} onChange={(e) => set({ hall: e.target.value, ...(e.target.value ? {} : { window: '', staff: '' }) })}>
        <option value="">{t('city.report.allHalls')}</option>
        {props.halls.map((h) => (
          <option key={h.hallId} value={h.hallId}>
            {h.name} ({h.hallId})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-from`}>{t('city.report.from')}</label>
      <input id={`${id}-from`} type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />
      <label htmlFor={`${id}-to`}>{t('city.report.to')}</label>
      <input id={`${id}-to`} type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />
      <label htmlFor={`${id}-by`}>{t('city.report.groupBy')}</label>
      <select id={`${id}-by`} value={form.groupBy} onChange={(e) => set({ groupBy: e.target.value as CityGrouping })}>
        {CITY_GROUPINGS.map((g) => (
          <option key={g} value={g} disabled={!form.hall && HALL_ONLY_GROUPINGS.includes(g)}>
            {g === 'hall' ? t('city.report.group.hall') : t(`reports.group.${g}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-line`}>{t('reports.line')}</label>
      <select id={`${id}-line`} value={form.line} onChange={(e) => set({ line: e.target.value, service: '' })}>
        <option value="">{t('admin.audit.allActions')}</option>
        {BUSINESS_LINES.map((l) => (
          <option key={l} value={l}>
            {t(`line.${l}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-service`}>{t('city.report.service')}</label>
      <select id={`${id}-service`} value={form.service} onChange={(e) => set({ service: e.target.value })}>
        <option value="">{t('admin.audit.allActions')}</option>
        {services.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name[lang]}
          </option>
        ))}
      </select>
      {form.hall ? (
        <>
          <label htmlFor={`${id}-window`}>{t('reports.window')}</label>
          <input id={`${id}-window`} type="number" min={1} max={999} value={form.window} onChange={(e) => set({ window: e.target.value })} />
          <label htmlFor={`${id}-staff`}>{t('city.report.staffNumber')}</label>
          <input id={`${id}-staff`} type="number" min={1} value={form.staff} onChange={(e) => set({ staff: e.target.value })} />
        </>
      ) : null}
    </>
  );
}
