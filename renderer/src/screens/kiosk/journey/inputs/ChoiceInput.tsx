import type { Text } from '@domain/catalog/catalog-schema.js';
import { textIn } from '../journey-model.js';

/** A select or port question as large radio choices: one tap, no drop-down to aim at. */
export function ChoiceInput({
  id,
  legend,
  options,
  value,
  language,
  describedBy,
  invalid,
  onChange,
}: {
  id: string;
  legend: string;
  options: readonly { value: string; label: Text }[];
  value: string;
  language: string;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <fieldset className="choice-list" aria-describedby={describedBy} aria-invalid={invalid}>
      <legend className="field__label">{legend}</legend>
      {options.map((o, i) => (
        <label key={o.value} className="choice">
          <input id={i === 0 ? id : undefined} type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span className="choice__text">
            <span className="choice__title">{textIn(o.label, language)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
