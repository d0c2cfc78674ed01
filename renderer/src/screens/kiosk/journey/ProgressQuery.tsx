import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@domain/contract/api.js';
import { CASE_NUMBER_PATTERN, ID_LAST4_PATTERN } from '@domain/contract/applications-api.js';
import { useCommand } from '../../../data/use-command.js';
import { ErrorSummary, type SummaryItem } from '../../../components/form/ErrorSummary.js';
import { KeyedInput } from './inputs/KeyedInput.js';
import { RateFromReceipt } from './RateFromReceipt.js';
import { StepFoot, StepFrame } from './StepFrame.js';
import { materialName, serviceOf } from '../../../components/cases/case-text.js';
import { useQuery } from '../../../data/use-query.js';
import { formatDateTime, formatDay } from '../../../i18n/format.js';

/** While the case is still being worked on, the date it is promised for means something. */
const STILL_RUNNING: readonly string[] = ['submitted', 'accepted', 'supplement_pending'];

/**
 * The booth's progress query: case number plus the last four characters of the ID number give the
 * status and the next step, and nothing personal (the host answers "not found" to any mismatch and
 * stops a terminal that keeps guessing).
 */
export function ProgressQuery({ onBack }: { onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const catalog = useQuery('catalog');
  const [caseNo, setCaseNo] = useState('');
  const [last4, setLast4] = useState('');
  const [formErrors, setFormErrors] = useState<SummaryItem[]>([]);
  const query = useCommand('applicationProgress');
  const busy = query.busy;
  const [result, setResult] = useState<ResponseOf<'applicationProgress'> | null>(null);
  const refused = query.error
    ? [{ fieldId: 'progress-case', text: query.error.code === 'not_found' ? t('journey.progress.notFound') : t(query.error.key) }]
    : [];
  const errors = formErrors.length > 0 ? formErrors : refused;

  const submit = () => {
    const problems: SummaryItem[] = [];
    // An empty box and a malformed one are different mistakes, and each is told as such.
    const check = (value: string, pattern: RegExp, field: string, format: string, fieldId: string) => {
      if (value.trim() === '') problems.push({ fieldId, text: t('journey.error.required', { field: t(field) }) });
      else if (!pattern.test(value.trim().toUpperCase())) problems.push({ fieldId, text: t(format) });
    };
    check(caseNo, CASE_NUMBER_PATTERN, 'journey.progress.case', 'journey.error.caseFormat', 'progress-case');
    check(last4, ID_LAST4_PATTERN, 'journey.progress.last4', 'journey.error.last4Format', 'progress-last4');
    setFormErrors(problems);
    if (problems.length > 0) return query.clearError();
    void query.run({ query: { case: caseNo, last4 } }).then((r) => r && setResult(r));
  };

  const again = () => {
    setResult(null);
    setCaseNo('');
    setLast4('');
  };

  if (result) {
    const service = serviceOf(catalog.data ?? null, result.serviceCode);
    return (
      <StepFrame
        title={t('journey.progress.result', { case: result.caseNumber })}
        guide="progress"
        foot={<StepFoot onBack={onBack} next={t('journey.progress.again')} onNext={again} />}
      >
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('journey.progress.status')}</dt>
            <dd className="summary-list__value progress__status">{t(`application.status.${result.status}`)}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('journey.progress.next')}</dt>
            <dd className="summary-list__value">{t(result.nextStep)}</dd>
          </div>
          {STILL_RUNNING.includes(result.status) ? (
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('journey.progress.promised')}</dt>
              <dd className="summary-list__value">{formatDay(result.promisedBy, lang)}</dd>
            </div>
          ) : null}
          {result.supplementBy ? (
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('journey.progress.supplyBy')}</dt>
              <dd className="summary-list__value">{formatDay(result.supplementBy, lang)}</dd>
            </div>
          ) : null}
          {result.missingMaterials.length > 0 ? (
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('journey.progress.missing')}</dt>
              <dd className="summary-list__value">{result.missingMaterials.map((c) => materialName(service, c, lang)).join(t('common.listSeparator'))}</dd>
            </div>
          ) : null}
        </dl>
        <h3 className="progress__history-title">{t('journey.progress.history')}</h3>
        <ol className="progress__history">
          {result.history.map((h, i) => (
            <li key={i} className="progress__step">
              <span className="progress__step-time">{formatDateTime(h.at, lang)}</span>
              <span className="progress__step-status">{t(`application.status.${h.status}`)}</span>
            </li>
          ))}
        </ol>
        <RateFromReceipt caseNumber={result.caseNumber} last4={last4.trim().toUpperCase()} />
      </StepFrame>
    );
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.text ?? null;
  const field = (id: string, label: string, value: string, set: (v: string) => void, pad: 'text' | 'id', max: number) => {
    const error = errorFor(id);
    return (
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        ) : null}
        <KeyedInput
          id={id}
          value={value}
          pad={pad}
          padLabel={pad === 'id' ? t('journey.keypad.pad') : t('journey.question.letters')}
          maxLength={max}
          describedBy={error ? `${id}-error` : undefined}
          invalid={!!error}
          onChange={set}
        />
      </div>
    );
  };
  return (
    <StepFrame
      title={t('journey.progress.title')}
      guide="progress"
      foot={<StepFoot onBack={onBack} next={t('journey.progress.submit')} onNext={submit} busy={busy} />}
    >
      <ErrorSummary titleKey="journey.error.summary" items={errors} />
      <p>{t('journey.progress.lead')}</p>
      {field('progress-case', t('journey.progress.case'), caseNo, setCaseNo, 'text', 20)}
      {field('progress-last4', t('journey.progress.last4'), last4, setLast4, 'id', 4)}
    </StepFrame>
  );
}
