import { useTranslation } from 'react-i18next';
import type { Catalog, Field, Service } from '@domain/catalog/catalog-schema.js';
import type { FormValue } from '@domain/catalog/form-schema.js';
import { addWorkingDays, type WorkingCalendar } from '@domain/calendar/working-days.js';
import { maskNumber } from '@domain/identity/mask.js';
import { ErrorSummary, type SummaryItem } from '../../../components/form/ErrorSummary.js';
import { useWorkingCalendar } from '../../../components/use-working-calendar.js';
import { isPersonal, materialName, textIn, type Member } from './journey-model.js';
import { StepFoot, StepFrame } from './StepFrame.js';

export function displayValue(field: Field, value: FormValue | undefined, catalog: Catalog, lng: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return `${value.surname} ${value.givenName}`.trim();
  if (field.type === 'idNumber') return maskNumber(value);
  if (field.type === 'select') {
    const o = field.options?.find((x) => x.value === value);
    return o ? textIn(o.label, lng) : value;
  }
  if (field.type === 'port') {
    const p = catalog.ports.find((x) => x.value === value);
    return p ? textIn(p.label, lng) : value;
  }
  return value;
}

/** The missing 容缺 materials of a member, and the date they must follow by. */
export function deferred(service: Service, member: Member, today: string, calendar: WorkingCalendar): { codes: string[]; by: string | null } {
  const missing = service.materials.filter((m) => m.requirement === 'deferrable' && !member.materials.includes(m.code));
  const days = Math.max(0, ...missing.map((m) => (m.requirement === 'deferrable' ? m.supplyWithinDays : 0)));
  return { codes: missing.map((m) => m.code), by: missing.length > 0 ? addWorkingDays(today, days, calendar) : null };
}

/**
 * Check your answers: every answer with a change link that comes back here, the materials, what
 * may follow later and by when; then one submit (a second tap while it is in flight does nothing).
 */
export function CheckStep({
  service,
  catalog,
  members,
  today,
  green,
  busy,
  errors,
  canAddMember,
  onChangeField,
  onChangeMaterials,
  onAddMember,
  onRemoveMember,
  onSubmit,
  onBack,
}: {
  service: Service;
  catalog: Catalog;
  members: readonly Member[];
  today: string;
  green: boolean;
  busy: boolean;
  errors: readonly SummaryItem[];
  canAddMember: boolean;
  onChangeField: (member: number, key: string) => void;
  onChangeMaterials: (member: number) => void;
  onAddMember: () => void;
  onRemoveMember: (member: number) => void;
  onSubmit: () => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const calendar = useWorkingCalendar();
  const lng = i18n.language;
  const group = members.length > 1 || canAddMember;
  const nameOf = (code: string) => materialName(service, code, lng);
  return (
    <StepFrame
      title={t('journey.check.title')}
      caption={textIn(service.name, lng)}
      guide="check"
      foot={<StepFoot onBack={onBack} next={t('journey.check.submit')} onNext={onSubmit} busy={busy} busyLabel={t('journey.check.submitting')} />}
    >
      <ErrorSummary titleKey="journey.error.summary" items={errors} />
      {green ? <p className="check__green">{t('journey.check.green')}</p> : null}
      {members.map((member, mi) => {
        const fields = service.fields.filter((f) => mi === 0 || isPersonal(f));
        const later = deferred(service, member, today, calendar);
        const heading = group ? t('journey.check.member', { n: mi + 1 }) : t('journey.check.service');
        return (
          <div key={member.identity.idNumber} className="check__member">
            <h3 className="check__member-title">{group ? heading : textIn(service.name, lng)}</h3>
            <dl className="summary-list">
              {fields.map((f) => {
                const label = textIn(f.label, lng);
                const value = member.answers[f.key];
                return (
                  <div key={f.key} className="summary-list__row" id={`check-${mi}-${f.key}`}>
                    <dt className="summary-list__key">{label}</dt>
                    <dd className="summary-list__value">{value === undefined ? t('journey.check.none') : displayValue(f, value, catalog, lng)}</dd>
                    <dd className="summary-list__action">
                      {/* The applicant's own number is how they identified: changing it means identifying again. */}
                      {f.prefill === 'idNumber' ? null : (
                        <button
                          type="button"
                          className="btn btn--link"
                          aria-label={t('journey.check.changeField', { field: label })}
                          onClick={() => onChangeField(mi, f.key)}
                          disabled={busy}
                        >
                          {t('journey.check.change')}
                        </button>
                      )}
                    </dd>
                  </div>
                );
              })}
              <div className="summary-list__row">
                <dt className="summary-list__key">{t('journey.check.materials')}</dt>
                <dd className="summary-list__value">{member.materials.length === 0 ? t('journey.check.none') : member.materials.map(nameOf).join('、')}</dd>
                <dd className="summary-list__action">
                  <button
                    type="button"
                    className="btn btn--link"
                    aria-label={t('journey.check.changeField', { field: t('journey.check.materials') })}
                    onClick={() => onChangeMaterials(mi)}
                    disabled={busy}
                  >
                    {t('journey.check.change')}
                  </button>
                </dd>
              </div>
            </dl>
            {later.by ? <p className="check__supply">{t('journey.check.supplyBy', { date: later.by, items: later.codes.map(nameOf).join('、') })}</p> : null}
            {mi > 0 ? (
              <button type="button" className="btn" onClick={() => onRemoveMember(mi)} disabled={busy}>
                {t('journey.check.removeMember', { n: mi + 1 })}
              </button>
            ) : null}
          </div>
        );
      })}
      {canAddMember ? (
        <button type="button" className="btn btn--huge check__add" onClick={onAddMember} disabled={busy}>
          {t('journey.check.addMember')}
        </button>
      ) : null}
    </StepFrame>
  );
}
