import { useId } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogOverrides } from '@domain/catalog/catalog-overrides.js';
import type { ResponseOf } from '@domain/contract/api.js';
import { checkInt, Field, type FieldProblem, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { SaveBar } from '../../components/form/SaveBar.js';
import { useEditForm } from '../../components/form/use-edit-form.js';
import { useProblems } from '../../components/form/use-problems.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { textIn } from '../kiosk/journey/journey-model.js';

type Answer = ResponseOf<'getCatalogOverrides'>;
type ServiceRow = Answer['services'][number];
/** What the inputs hold, as typed (validated on save). */
type Values = Record<string, { fee: string; days: string }>;

const FEE_MAX = 10_000;
const DAYS_MAX = 60;

function toValues(a: Answer): Values {
  return Object.fromEntries(
    a.services.map((s) => {
      const o = a.overrides[s.code];
      return [s.code, { fee: String(o?.feeYuan ?? s.defaultFeeYuan), days: String(o?.timeLimitDays ?? s.defaultTimeLimitDays) }];
    }),
  );
}

/** Yuan with at most two decimals, as the host's schema takes it. */
function checkFee(raw: string): FieldProblem | null {
  if (raw.trim() === '') return { key: 'form.required' };
  const ok = /^\d+(\.\d{1,2})?$/.test(raw.trim()) && Number(raw) <= FEE_MAX;
  return ok ? null : { key: 'admin.catalog.feeRange', values: { max: FEE_MAX } };
}

/** Only what differs from the shipped catalog is stored: a value equal to it is no override. */
function toOverrides(services: readonly ServiceRow[], values: Values): CatalogOverrides {
  const out: CatalogOverrides = {};
  for (const s of services) {
    const v = values[s.code];
    if (!v) continue;
    const fee = Number(v.fee);
    const days = Number(v.days);
    const o = { ...(fee !== s.defaultFeeYuan ? { feeYuan: fee } : {}), ...(days !== s.defaultTimeLimitDays ? { timeLimitDays: days } : {}) };
    if (Object.keys(o).length > 0) out[s.code] = o;
  }
  return out;
}

/**
 * The supervisor's fees and time limits per service, with the catalog's own values beside them.
 * Saved as a whole; the host then serves the merged catalog to kiosks, prints and promised dates.
 */
export function CatalogPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const edit = useEditForm('getCatalogOverrides', toValues);
  const save = useCommand('putCatalogOverrides');
  const check = useProblems();
  const answer = edit.query.data;
  const values = edit.form;

  const fid = (code: string, field: 'fee' | 'days') => `${id}-${code}-${field}`;
  const update = (code: string, patch: Partial<Values[string]>) =>
    edit.update((v) => {
      const cur = v[code];
      return cur ? { ...v, [code]: { ...cur, ...patch } } : v;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!answer || !values) return;
    const found: Problems = [];
    for (const s of answer.services) {
      const v = values[s.code];
      if (!v) continue;
      const name = textIn(s.name, i18n.language);
      const fee = checkFee(v.fee);
      if (fee) found.push({ id: fid(s.code, 'fee'), label: `${name} · ${t('admin.catalog.fee')}`, problem: fee });
      const days = checkInt(v.days, 0, DAYS_MAX);
      if (days) found.push({ id: fid(s.code, 'days'), label: `${name} · ${t('admin.catalog.days')}`, problem: days });
    }
    if (!check.check(found)) return;
    void save.run({ body: toOverrides(answer.services, values) }).then((a) => a && edit.saveAnswered(a));
  };

  return (
    <Panel title={t('admin.catalog.title')} error={save.error?.key ?? edit.query.error?.key} testId="catalog-panel">
      <p>{t('admin.catalog.intro')}</p>
      <p className="muted">{t('admin.catalog.feeNoteHint')}</p>
      <ProblemSummary form={check} />
      {!answer || !values ? (
        edit.query.error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : (
        <form className="admin-form" onSubmit={submit} noValidate>
          {answer.services.map((s) => {
            const v = values[s.code] ?? { fee: '', days: '' };
            const name = textIn(s.name, i18n.language);
            const isDefault = v.fee.trim() !== '' && v.days.trim() !== '' && Number(v.fee) === s.defaultFeeYuan && Number(v.days) === s.defaultTimeLimitDays;
            return (
              <fieldset key={s.code} className="admin-subform" data-service={s.code}>
                <legend className="field-label">
                  {name} <span className="muted">· {t(`line.${s.line}`)}</span>{' '}
                  {isDefault ? null : <span className="badge badge--wait">{t('admin.catalog.changed')}</span>}
                </legend>
                <div className="admin-form__grid">
                  <Field
                    id={fid(s.code, 'fee')}
                    label={t('admin.catalog.fee')}
                    hint={t('admin.catalog.defaultFee', { yuan: s.defaultFeeYuan })}
                    problem={check.problemOf(fid(s.code, 'fee'))}
                  >
                    {(aria) => (
                      <input {...aria} className="input--short" inputMode="decimal" value={v.fee} onChange={(e) => update(s.code, { fee: e.target.value })} />
                    )}
                  </Field>
                  <Field
                    id={fid(s.code, 'days')}
                    label={t('admin.catalog.days')}
                    hint={t('admin.catalog.defaultDays', { n: s.defaultTimeLimitDays })}
                    problem={check.problemOf(fid(s.code, 'days'))}
                  >
                    {(aria) => (
                      <input {...aria} className="input--short" inputMode="numeric" value={v.days} onChange={(e) => update(s.code, { days: e.target.value })} />
                    )}
                  </Field>
                </div>
                <button
                  type="button"
                  className="btn"
                  disabled={isDefault}
                  onClick={() => update(s.code, { fee: String(s.defaultFeeYuan), days: String(s.defaultTimeLimitDays) })}
                >
                  {t('admin.catalog.reset')}
                  <span className="visually-hidden"> · {name}</span>
                </button>
              </fieldset>
            );
          })}
          <SaveBar busy={save.busy} saved={edit.saved} savedText={t('admin.catalog.saved')} />
        </form>
      )}
    </Panel>
  );
}
