import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0'] as const;

/** Digits and X (the check character of an ID number), with backspace and clear. */
export function IdKeypad({ label, onKey, onBackspace, onClear }: { label: string; onKey: (k: string) => void; onBackspace: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="keypad keypad--digits keypad--large keypad--id" role="group" aria-label={label}>
      {KEYS.map((k) => (
        <button key={k} type="button" className="keypad__key" onClick={() => onKey(k)}>
          {k}
        </button>
      ))}
      <button type="button" className="keypad__key keypad__key--fn" onClick={onBackspace}>
        {t('kiosk.keypad.backspace')}
      </button>
      <button type="button" className="keypad__key keypad__key--fn keypad__key--wide" onClick={onClear}>
        {t('kiosk.keypad.clear')}
      </button>
    </div>
  );
}
