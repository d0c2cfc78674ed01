import { useId } from 'react';
import { PIN_MAX_LENGTH, STAFF_NO_MAX_LENGTH } from '@domain/contract/staff-api.js';

/** A masked PIN field: digits only, typed on the keyboard or filled from the on-screen keypad. */
export function StaffPinField({
  label,
  hint,
  value,
  onChange,
  onFocus,
  disabled,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  /** Tells the form which PIN field the on-screen keypad should feed. */
  onFocus?: () => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="staff-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        className="staff-field__input staff-field__input--pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={PIN_MAX_LENGTH}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        disabled={disabled}
        onFocus={onFocus}
        // Drop anything but digits, so a stray letter cannot make a valid PIN look wrong.
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH))}
      />
    </div>
  );
}

/** The staff number field, shared by sign-in and enrolment. */
export function StaffNoField({ label, value, onChange, disabled }: { label: string; value: string; onChange: (v: string) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="staff-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="staff-field__input"
        type="text"
        autoComplete="username"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={STAFF_NO_MAX_LENGTH}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value.trim())}
      />
    </div>
  );
}
