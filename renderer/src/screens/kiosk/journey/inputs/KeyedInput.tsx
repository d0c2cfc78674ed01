import { KeypadDigits } from '../../../../components/KeypadDigits.js';
import { KeypadText } from '../../../../components/KeypadText.js';
import { IdKeypad } from '../IdKeypad.js';

/**
 * A text box with the on-screen keypad that fits it (a kiosk has no keyboard): digits for a phone
 * number, digits and X for an ID number, letters and digits for a code. The physical keyboard
 * (or the system's touch keyboard) works too; the box is the one source of truth.
 */
export function KeyedInput({
  id,
  value,
  pad,
  padLabel,
  maxLength,
  describedBy,
  invalid,
  onChange,
}: {
  id: string;
  value: string;
  pad: 'digits' | 'id' | 'text';
  padLabel: string;
  maxLength: number;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (v: string) => void;
}) {
  const add = (ch: string) => onChange((value + ch).slice(0, maxLength));
  const back = () => onChange(value.slice(0, -1));
  const clear = () => onChange('');
  const clean = (raw: string) => {
    const up = raw.toUpperCase();
    const kept = pad === 'digits' ? up.replace(/[^\d]/g, '') : pad === 'id' ? up.replace(/[^\dX]/g, '') : up.replace(/[^A-Z0-9-]/g, '');
    return kept.slice(0, maxLength);
  };
  return (
    <div className="keyed-input">
      <input
        id={id}
        className="field__input"
        value={value}
        inputMode={pad === 'text' ? 'text' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        onChange={(e) => onChange(clean(e.target.value))}
      />
      {pad === 'digits' ? <KeypadDigits label={padLabel} large onDigit={add} onBackspace={back} onClear={clear} /> : null}
      {pad === 'id' ? <IdKeypad label={padLabel} onKey={add} onBackspace={back} onClear={clear} /> : null}
      {pad === 'text' ? <KeypadText label={padLabel} onKey={add} onBackspace={back} onClear={clear} /> : null}
    </div>
  );
}
