import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@domain/catalog/catalog-schema.js';
import type { CaseView, MaterialCheck } from '@domain/contract/cases-api.js';
import { materialName } from '../../../components/cases/case-text.js';

/** Which papers the clerk may tick now: all of them before acceptance, the outstanding ones after. */
export function tickable(view: CaseView, m: MaterialCheck): boolean {
  if (m.requirement === 'data_sharing') return false;
  if (view.status === 'submitted') return true;
  return view.status === 'supplement_pending' && m.outstanding;
}

/**
 * The application against its service, material by material: what the citizen said at the kiosk,
 * what the hall verified online (数据跑路; filled in by the back-office connectors), and a tick the
 * clerk sets after looking at the paper.
 */
export function MaterialsCheck({
  view,
  service,
  ticked,
  onTick,
}: {
  view: CaseView;
  service: Service | undefined;
  ticked: ReadonlySet<string>;
  onTick: (code: string, on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section className="case-section" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('cases.materials.title')}</h4>
      <table className="table case-materials">
        <thead>
          <tr>
            <th scope="col">{t('cases.materials.name')}</th>
            <th scope="col">{t('cases.materials.requirement')}</th>
            <th scope="col">{t('cases.materials.declared')}</th>
            <th scope="col">{t('cases.materials.verified')}</th>
            <th scope="col">{t('cases.materials.paper')}</th>
          </tr>
        </thead>
        <tbody>
          {view.materials.map((m) => {
            const name = materialName(service, m.code, i18n.language);
            const can = tickable(view, m);
            return (
              <tr key={m.code} className={m.outstanding ? 'case-materials__row--outstanding' : undefined}>
                <th scope="row">{name}</th>
                <td>{t(`cases.requirement.${m.requirement}`)}</td>
                <td>{m.outstanding ? t('cases.declared.outstanding') : t(`cases.declared.${m.declared}`)}</td>
                <td>
                  {m.verification ? <span className={`case-verify case-verify--${m.verification}`}>{t(`cases.verification.${m.verification}`)}</span> : '—'}
                </td>
                <td>
                  {m.requirement === 'data_sharing' ? (
                    t('cases.materials.noPaper')
                  ) : can ? (
                    <label className="case-tick">
                      {/* The name is in the accessible name: a row's "checked" alone says nothing. */}
                      <input
                        type="checkbox"
                        aria-label={t('cases.materials.tick', { name })}
                        checked={ticked.has(m.code)}
                        onChange={(e) => onTick(m.code, e.target.checked)}
                      />
                      {t('cases.materials.checked')}
                    </label>
                  ) : m.received ? (
                    t('cases.materials.received')
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
