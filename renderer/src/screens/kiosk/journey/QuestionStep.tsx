import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, Field } from '@domain/catalog/catalog-schema.js';
import { checkField, isRequired } from '@domain/catalog/field-check.js';
import type { FormData, FormValue, PinyinNameValue } from '@domain/catalog/form-schema.js';
import { ErrorSummary } from '../../../components/form/ErrorSummary.js';
import { guideFor, useImeMode } from '../../../components/ime/ime-modes.js';
import { ChoiceInput } from './inputs/ChoiceInput.js';
import { DateInput } from './inputs/DateInput.js';
import { KeyedInput } from './inputs/KeyedInput.js';
import { PinyinInput } from './inputs/PinyinInput.js';
import { textIn } from './journey-model.js';
import { StepFoot, StepFrame } from './StepFrame.js';

// The on-screen input (pads, writing box) loads with the first text question, not with the kiosk.
const TextEntry = lazy(() => import('../../../components/ime/TextEntry.js').then((m) => ({ default: m.TextEntry })));

/**
 * One question per page (GOV.UK's question page): the label is the heading, the error sits at the
 * field and in a summary at the top, and nothing moves on until the answer passes the same check
 * the host will make.
 */
export function QuestionStep({
  field,
  catalog,
  answers,
  count,
  caption,
  today,
  onAnswer,
  onBack,
}: {
  field: Field;
  catalog: Catalog;
  answers: FormData;
  count: { n: number; total: number } | null;
  caption: string;
  today: string;
  onAnswer: (v: FormValue | undefined) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [value, setValue] = useState<FormValue | undefined>(answers[field.key]);
  const [tried, setTried] = useState(false);
  const ime = useImeMode(field.type === 'text' ? (field.entry ?? 'text') : null, lng);
  const label = textIn(field.label, lng);
  const ports = catalog.ports.map((p) => p.value);
  const problem = tried ? checkField(field, value, answers, { today, ports }) : null;
  const id = `q-${field.key}`;
  const errorId = `${id}-error`;
  const message = problem ? t(`journey.error.${problem}`, { field: label }) : null;
  const describedBy = message ? errorId : undefined;

  const submit = () => {
    setTried(true);
    if (checkField(field, value, answers, { today, ports }) === null) onAnswer(value);
  };
  const str = typeof value === 'string' ? value : '';

  const input = () => {
    switch (field.type) {
      case 'select':
        return (
          <ChoiceInput
            id={id}
            legend={label}
            options={field.options ?? []}
            value={str}
            language={lng}
            describedBy={describedBy}
            invalid={!!message}
            onChange={setValue}
          />
        );
      case 'port':
        return (
          <ChoiceInput
            id={id}
            legend={label}
            options={catalog.ports}
            value={str}
            language={lng}
            describedBy={describedBy}
            invalid={!!message}
            onChange={setValue}
          />
        );
      case 'date':
        return (
          <DateInput id={id} value={str} today={today} future={field.dateRule === 'future'} describedBy={describedBy} invalid={!!message} onChange={setValue} />
        );
      case 'phone':
        return (
          <KeyedInput
            id={id}
            value={str}
            pad="digits"
            padLabel={t('journey.question.digits')}
            maxLength={11}
            describedBy={describedBy}
            invalid={!!message}
            onChange={setValue}
          />
        );
      case 'idNumber':
        return (
          <KeyedInput
            id={id}
            value={str}
            pad="id"
            padLabel={t('journey.keypad.pad')}
            maxLength={18}
            describedBy={describedBy}
            invalid={!!message}
            onChange={setValue}
          />
        );
      case 'groupCode':
        return (
          <KeyedInput
            id={id}
            value={str}
            pad="text"
            padLabel={t('journey.question.letters')}
            maxLength={32}
            describedBy={describedBy}
            invalid={!!message}
            onChange={setValue}
          />
        );
      case 'pinyinName': {
        const name = answers['name'];
        return (
          <PinyinInput
            id={id}
            value={typeof value === 'object' ? value : undefined}
            chineseName={typeof name === 'string' ? name : undefined}
            describedBy={describedBy}
            invalid={!!message}
            onChange={(v: PinyinNameValue) => setValue(v)}
          />
        );
      }
      case 'text':
        return (
          <Suspense fallback={null}>
            <TextEntry
              id={id}
              value={str}
              onChange={setValue}
              maxLength={field.maxLength ?? 200}
              kind={field.entry ?? 'text'}
              modes={ime.modes}
              mode={ime.mode}
              onMode={ime.setMode}
              describedBy={describedBy}
              invalid={!!message}
            />
          </Suspense>
        );
    }
  };

  // A choice list names itself with its legend; other inputs get a label.
  const labelled = field.type !== 'select' && field.type !== 'port' && field.type !== 'pinyinName';
  return (
    <StepFrame
      title={label + (isRequired(field, answers) ? '' : ` ${t('journey.question.optional')}`)}
      caption={count ? `${caption} · ${t('journey.question.count', count)}` : caption}
      guide={field.type === 'idNumber' ? 'keypad' : field.type === 'text' ? guideFor(ime.mode) : 'question'}
      foot={<StepFoot onBack={onBack} next={t('journey.question.continue')} onNext={submit} />}
    >
      <ErrorSummary titleKey="journey.error.summary" items={message ? [{ fieldId: id, text: message }] : []} />
      <div className={message ? 'field field--error' : 'field'}>
        {labelled ? (
          <label htmlFor={id} className="field__label">
            {label}
          </label>
        ) : null}
        {message ? (
          <p id={errorId} className="field__error">
            {message}
          </p>
        ) : null}
        {input()}
      </div>
    </StepFrame>
  );
}
