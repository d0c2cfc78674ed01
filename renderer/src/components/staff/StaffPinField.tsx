import { PIN_MAX_LENGTH, STAFF_NO_MAX_LENGTH } from '@domain/contract/staff-api.js';
import { Field, type FieldProblem } from '../form/Field.js';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  /** Tells the form which PIN field the on-screen keypad should feed. */
  onFocus?: () => void;
  disabled?: boolean;
  problem?: FieldProblem | undefined;
}

/**
 * The staff number, or a PIN (masked, digits only, typed on the keyboard or filled from the
 * on-screen keypad; a stray letter is dropped so that it cannot make a valid PIN look wrong).
 */
function StaffField({ kind, id, label, hint, value, onChange, onFocus, disabled, problem }: FieldProps & { kind: 'pin' | 'staffNo' }) {
  const pin = kind === 'pin';
  return (
    <Field id={id} label={label} hint={hint} problem={problem}>
      {(aria) => (
        <input
          {...aria}
          className={pin ? 'staff-field__input staff-field__input--pin' : 'staff-field__input'}
          type={pin ? 'password' : 'text'}
          inputMode={pin ? 'numeric' : undefined}
          autoComplete={pin ? 'off' : 'username'}
          autoCapitalize={pin ? undefined : 'characters'}
          spellCheck={false}
          maxLength={pin ? PIN_MAX_LENGTH : STAFF_NO_MAX_LENGTH}
          value={value}
          disabled={disabled}
          onFocus={onFocus}
          onChange={(e) => onChange(pin ? e.target.value.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH) : e.target.value.trim())}
        />
      )}
    </Field>
  );
}

export const StaffPinField = (props: FieldProps) => <StaffField kind="pin" {...props} />;
export const StaffNoField = (props: FieldProps) => <StaffField kind="staffNo" {...props} />;
