import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, Service, Text } from '@domain/catalog/catalog-schema.js';
import type { FullApplication } from '@domain/contract/applications-api.js';

function pick(text: Text, language: string): string {
  return language === 'en' ? text.en : language === 'mn' ? text.mn : text['zh-CN'];
}

function shown(raw: FullApplication['form'][string]): string {
  if (raw !== null && typeof raw === 'object') return `${raw.surname} ${raw.givenName}`.trim();
  return String(raw);
}

/** One pre-filled application as the clerk reads it: case, ID number, answers, materials. */
export function ApplicationCase({ application: a, catalog }: { application: FullApplication; catalog: Catalog | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const service: Service | undefined = catalog?.services.find((s) => s.code === a.serviceCode);
  const materialName = (code: string) => {
    const m = service?.materials.find((x) => x.code === code);
    return m ? pick(m.name, lang) : code;
  };
  return (
    <article className="clerk-application__case" aria-label={a.caseNumber}>
      <h3>{service ? pick(service.name, lang) : a.serviceCode}</h3>
      <dl className="facts">
        <dt>{t('clerk.application.caseNumber')}</dt>
        <dd>{a.caseNumber}</dd>
        <dt>{t('clerk.application.idNumber')}</dt>
        <dd className="clerk-application__id">{a.idNumber}</dd>
        {a.greenChannel ? (
          <>
            <dt>{t('clerk.application.channel')}</dt>
            <dd>{t('clerk.application.green')}</dd>
          </>
        ) : null}
        {(service?.fields ?? [])
          .filter((f) => f.key !== 'idNumber' && a.form[f.key] !== undefined && a.form[f.key] !== null && a.form[f.key] !== '')
          .map((f) => {
            const raw = a.form[f.key];
            const option = f.options?.find((o) => o.value === raw);
            return (
              <Fragment key={f.key}>
                <dt>{pick(f.label, lang)}</dt>
                <dd>{option ? pick(option.label, lang) : shown(raw ?? null)}</dd>
              </Fragment>
            );
          })}
        <dt>{t('clerk.application.provided')}</dt>
        <dd>{a.materialsProvided.length ? a.materialsProvided.map(materialName).join(t('common.listSeparator')) : '—'}</dd>
        {a.missingMaterials.length ? (
          <>
            <dt>{t('clerk.application.missing')}</dt>
            <dd>
              {t('clerk.application.missingBy', { list: a.missingMaterials.map(materialName).join(t('common.listSeparator')), date: a.supplementBy ?? '—' })}
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
