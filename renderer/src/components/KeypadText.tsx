import { useTranslation } from 'react-i18next';
import type { KeypadProps } from './KeypadDigits.js';
import './keypad.css';

// The dash is part of the hall's printed codes (XXXX-XXXX), so it has its own key.
const ROWS = ['1234567890-', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'] as const;

/**
 * An on-screen keyboard of digits and Latin capitals (appointment codes, and short replies typed by
 * an applicant at the counter). Chinese text needs an input method, which the physical keyboard
 * of the field beside it provides where there is one.
 */
export function KeypadText({
  label,
  onKey,
  onBackspace,
  onClear,
  space = false,
  disabled = false,
}: KeypadProps & {
  onKey: (ch: string) => void;
  /** Offer a space bar (free text), not for codes. */
  space?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="keypad keypad--text" role="group" aria-label={label}>
      {ROWS.map((row) => (
        <div key={row} className="keypad__row">
          {[...row].map((ch) => (
            <button key={ch} type="button" className="keypad__key" disabled={disabled} onClick={() => onKey(ch)}>
              {ch}
            </button>
          ))}
        </div>
      ))}
      <div className="keypad__row">
        <button type="button" className="keypad__key keypad__key--fn" disabled={disabled} onClick={onClear}>
          {t('kiosk.keypad.clear')}
        </button>
        {space ? (
          <button type="button" className="keypad__key keypad__key--space" disabled={disabled} onClick={() => onKey(' ')}>
            {t('kiosk.keypad.space')}
          </button>
        ) : null}
        <button type="button" className="keypad__key keypad__key--fn" disabled={disabled} onClick={onBackspace}>
          {t('kiosk.keypad.backspace')}
        </button>
      </div>
    </div>
  );
}
