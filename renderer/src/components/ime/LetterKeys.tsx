import { useTranslation } from 'react-i18next';

const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;

/**
 * A QWERTY board of large keys, as on every phone: in lower case for pinyin (with ü, sent as v, the
 * way pinyin is typed), in capitals for Latin names and codes (with digits when the field takes
 * them, a space and a hyphen for names such as ANNA-MARIA SMITH). It only reports keys.
 */
export function LetterKeys({
  label,
  pinyin = false,
  digits = false,
  onKey,
  onBackspace,
  backspaceLabel,
  disabled,
}: {
  label: string;
  pinyin?: boolean;
  digits?: boolean;
  onKey: (ch: string) => void;
  onBackspace: () => void;
  backspaceLabel?: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const rows: string[] = [...(digits ? ['1234567890'] : []), ...LETTER_ROWS];
  const key = (ch: string, shown: string = ch, cls = '') => (
    <button key={ch} type="button" className={`ime-key${cls}`} disabled={disabled} onClick={() => onKey(ch)}>
      {shown}
    </button>
  );
  return (
    <div className={pinyin ? 'ime-keys ime-keys--pinyin' : 'ime-keys'} role="group" aria-label={label}>
      {rows.map((row, i) => (
        <div key={row} className="ime-keys__row">
          {[...row].map((ch) => key(pinyin ? ch : ch.toUpperCase()))}
          {i === rows.length - 1 && pinyin ? key('v', 'ü') : null}
          {i === rows.length - 1 && !pinyin ? key('-') : null}
        </div>
      ))}
      <div className="ime-keys__row">
        {pinyin ? null : key(' ', t('kiosk.keypad.space'), ' ime-key--space')}
        <button type="button" className="ime-key ime-key--fn" disabled={disabled} onClick={onBackspace}>
          {backspaceLabel ?? t('kiosk.keypad.backspace')}
        </button>
      </div>
    </div>
  );
}
