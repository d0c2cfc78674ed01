import { useId } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOUNCE_LANGUAGES, HallSettingsSchema } from '@domain/contract/schemas.js';
import type { HallSettings, OpeningHours } from '@domain/contract/schemas.js';
import { checkInt, Field, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { SaveBar } from '../../components/form/SaveBar.js';
import { useEditForm } from '../../components/form/use-edit-form.js';
import { useProblems } from '../../components/form/use-problems.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { RatingRulesInForce } from './RatingRulesInForce.js';
import { checkOpeningHours, OpeningHoursFieldset } from './OpeningHoursFieldset.js';

/** The numeric settings, in the order a supervisor thinks about them; the unit is for the label. */
const NUMBERS = [
  ['backupWaitLimitMin', 'minutes'],
  ['priorityStreakLimit', 'times'],
  ['normalStarvationMin', 'minutes'],
  ['appointmentEarlyMin', 'minutes'],
  ['appointmentLateMin', 'minutes'],
  ['recallLimit', 'times'],
  ['noShowReinstateMin', 'minutes'],
  ['greenChannelAge', 'years'],
  ['retentionDays', 'days'],
  ['ratingDueDays', 'days'],
  ['targetWaitMin', 'minutes'],
] as const;
type NumberKey = (typeof NUMBERS)[number][0];

const NOTICE_MAX = HallSettingsSchema.shape.notice.maxLength ?? 500;

function bounds(k: NumberKey): { min: number; max: number } {
  const s = HallSettingsSchema.shape[k];
  return { min: s.minValue ?? 0, max: s.maxValue ?? Number.MAX_SAFE_INTEGER };
}

type Form = Record<NumberKey, string> & { notice: string; maskNames: boolean; announce: HallSettings['announce']; openingHours: OpeningHours };

function toForm(s: HallSettings): Form {
  const numbers = Object.fromEntries(NUMBERS.map(([k]) => [k, String(s[k])])) as Record<NumberKey, string>;
  return { ...numbers, notice: s.notice, maskNames: s.maskNames, announce: s.announce, openingHours: s.openingHours };
}

/** Queue policy and display settings; the host applies them at once and pushes them to displays. */
export function SettingsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const edit = useEditForm('getSettings', toForm);
  const save = useCommand('putSettings', { invalidates: ['ratingRulesInForce'] });
  const check = useProblems();
  const { form } = edit;

  const label = (k: string) => t(`admin.settings.${k}`);
  const fid = (k: string) => `${id}-${k}`;
  const update = (patch: Partial<Form>) => edit.update((f) => ({ ...f, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const found: Problems = [];
    for (const [k] of NUMBERS) {
      const { min, max } = bounds(k);
      const p = checkInt(form[k], min, max);
      if (p) found.push({ id: fid(k), label: label(k), problem: p });
    }
    if (form.notice.length > NOTICE_MAX)
      found.push({ id: fid('notice'), label: label('notice'), problem: { key: 'form.tooLong', values: { max: NOTICE_MAX } } });
    if (form.announce.length === 0) found.push({ id: fid('announce-zh-CN'), label: label('announce'), problem: { key: 'admin.settings.announceNone' } });
    found.push(...checkOpeningHours(form.openingHours, fid, label));
    if (!check.check(found)) return;
    const body: HallSettings = {
      ...(Object.fromEntries(NUMBERS.map(([k]) => [k, Number(form[k])])) as Record<NumberKey, number>),
      notice: form.notice,
      maskNames: form.maskNames,
      // Always in the hall's order (Chinese first), whatever order the boxes were ticked in.
      announce: ANNOUNCE_LANGUAGES.filter((l) => form.announce.includes(l)),
      openingHours: form.openingHours,
    };
    void save.run({ body }).then((s) => s && edit.saveAnswered(s));
  };

  return (
    <Panel title={t('admin.settings.title')} error={save.error?.key ?? edit.query.error?.key}>
      <ProblemSummary form={check} />
      {form === null ? (
        edit.query.error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : (
        <form className="admin-form" onSubmit={submit} noValidate>
          <div className="admin-form__grid">
            {NUMBERS.map(([k, unit]) => (
              <Field
                key={k}
                id={fid(k)}
                label={`${label(k)}（${t(`admin.settings.unit.${unit}`)}）`}
                hint={t(`admin.settings.hint.${k}`, bounds(k))}
                problem={check.problemOf(fid(k))}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className="input--short"
                    inputMode="numeric"
                    value={form[k]}
                    onChange={(e) => update({ [k]: e.target.value } as Partial<Form>)}
                  />
                )}
              </Field>
            ))}
          </div>
          <RatingRulesInForce />
          <Field id={fid('notice')} label={label('notice')} hint={t('admin.settings.noticeHint')} problem={check.problemOf(fid('notice'))}>
            {(aria) => (
              <>
                <textarea {...aria} rows={3} value={form.notice} onChange={(e) => update({ notice: e.target.value })} />
                <p className={form.notice.length > NOTICE_MAX ? 'char-count char-count--over' : 'char-count'} aria-live="polite">
                  {t('form.charCount', { n: form.notice.length, max: NOTICE_MAX })}
                </p>
              </>
            )}
          </Field>
          <div className="form-field">
            <label className="check">
              <input type="checkbox" checked={form.maskNames} onChange={(e) => update({ maskNames: e.target.checked })} />
              {label('maskNames')}
            </label>
            <p className="field-hint">{t('admin.settings.maskNamesHint')}</p>
          </div>
          <fieldset className={check.problemOf(fid('announce-zh-CN')) ? 'form-field form-field--error' : 'form-field'}>
            <legend className="field-label">{label('announce')}</legend>
            {check.problemOf(fid('announce-zh-CN')) ? <p className="field-error">{t('admin.settings.announceNone')}</p> : null}
            {ANNOUNCE_LANGUAGES.map((l) => (
              <label key={l} className="check">
                <input
                  id={fid(`announce-${l}`)}
                  type="checkbox"
                  checked={form.announce.includes(l)}
                  onChange={(e) => update({ announce: e.target.checked ? [...form.announce, l] : form.announce.filter((x) => x !== l) })}
                />
                {t(`admin.settings.lang.${l}`)}
              </label>
            ))}
            <p className="field-hint">{t('admin.settings.announceHint')}</p>
          </fieldset>
          <OpeningHoursFieldset value={form.openingHours} onChange={(openingHours) => update({ openingHours })} fid={fid} problemOf={check.problemOf} />
          <SaveBar busy={save.busy} saved={edit.saved} savedText={t('admin.settings.saved')} />
        </form>
      )}
    </Panel>
  );
}
