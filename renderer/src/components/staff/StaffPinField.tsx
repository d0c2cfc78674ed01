import { Field, type FieldProblem } from '../form/Field.js';

export const PIN_PATTERN = /^\d{4,12}$/;
export const STAFF_NO_PATTERN = /^[0-9A-Za-z]{2,20}$/;

/** A masked PIN field: digits only, typed on the keyboard or filled from the on-screen keypad. */
export function StaffPinField({
  id,
  label,
  hint,
  value,
  onChange,
  onFocus,
  disabled,
  problem,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  /** Tells the form which PIN field the on-screen keypad should feed. */
  onFocus?: () => void;
  disabled?: boolean;
  problem?: FieldProblem | undefined;
}) {
  return (
    <Field id={id} label={label} hint={hint} problem={problem}>
      {(aria) => (
        <input
          {...aria}
          className="staff-field__input staff-field__input--pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={value}
          disabled={disabled}
          onFocus={onFocus}
          // Drop anything but digits, so a stray letter cannot make a valid PIN look wrong.
          onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 12))}
        />
      )}
    </Field>
  );
}

/** The staff number field, shared by sign-in and enrolment. */
export function StaffNoField({
  id,
  label,
  value,
  onChange,
  disabled,
  problem,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  problem?: FieldProblem | undefined;
}) {
  return (
    <Field id={id} label={label} problem={problem}>
      {(aria) => (
        <input
          {...aria}
          className="staff-field__input"
          type="text"
          autoComplete="username"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value.trim())}
        />
      )}
    </Field>
  );
}
