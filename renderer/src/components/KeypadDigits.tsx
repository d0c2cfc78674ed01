import { useTranslation } from 'react-i18next';
import './keypad.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * An on-screen number pad: for PINs on a clerk terminal without a keyboard at hand and for
 * citizens at a touch kiosk. It only reports keys; the field it feeds stays the single source of
 * truth, so the physical keyboard and the pad can be mixed freely.
 */
export interface KeypadProps {
  /** Accessible name of the pad, e.g. "PIN keypad". */
  label: string;
  onBackspace: () => void;
  onClear: () => void;
  disabled?: boolean;
}

export function KeypadDigits({
  label,
  onDigit,
  onBackspace,
  onClear,
  disabled = false,
  large = false,
}: KeypadProps & { onDigit: (d: string) => void; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={large ? 'keypad keypad--digits keypad--large' : 'keypad keypad--digits'} role="group" aria-label={label}>
      {DIGITS.map((d) => (
        <button key={d} type="button" className="keypad__key" disabled={disabled} onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="keypad__key keypad__key--fn" disabled={disabled} onClick={onClear}>
        {t('kiosk.keypad.clear')}
      </button>
      <button type="button" className="keypad__key" disabled={disabled} onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" className="keypad__key keypad__key--fn" disabled={disabled} onClick={onBackspace}>
        {t('kiosk.keypad.backspace')}
      </button>
    </div>
  );
}
