import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinyinContext } from '@domain/contract/ime-api.js';
import { KeypadDigits } from '../KeypadDigits.js';
import { HandwritingPad } from './HandwritingPad.js';
import type { EntryKind, ImeMode } from './ime-modes.js';
import { LetterKeys } from './LetterKeys.js';
import { PinyinPad } from './PinyinPad.js';
import { PlatePad } from './PlatePad.js';
import './ime.css';

/**
 * A text box with the on-screen input that fits it, for screens without a keyboard (the kiosk,
 * the booth, the counter screen): Chinese by handwriting or pinyin, Latin letters, digits, a
 * plate's province. The box stays the one source of truth and a physical keyboard still types
 * into it; the pads only add or take away characters at its end. Which way is in use (`mode`) is
 * the page's, so that its spoken guidance can follow.
 */
export function TextEntry({
  id,
  value,
  onChange,
  maxLength,
  kind,
  modes,
  mode,
  onMode,
  describedBy,
  invalid = false,
  disabled = false,
  inputClassName = 'field__input',
  beside,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  maxLength: number;
  kind: EntryKind;
  modes: readonly ImeMode[];
  mode: ImeMode;
  onMode: (m: ImeMode) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
  disabled?: boolean;
  inputClassName?: string;
  /** Shown in the row of the text box (the counter screen's send button). */
  beside?: ReactNode;
}) {
  const { t } = useTranslation();
  const full = value.length >= maxLength;
  const add = (text: string) => {
    if (value.length + text.length <= maxLength) onChange(value + text);
  };
  // One character back, a whole one even where it takes two UTF-16 units (rare characters).
  const back = () => onChange([...value].slice(0, -1).join(''));
  // For a name, the first character is the surname: the candidates rank surnames first there.
  const context: PinyinContext = kind === 'name' ? (value.trim() === '' ? 'surname' : 'givenName') : 'text';

  return (
    <div className="ime">
      <div className="ime__row">
        <input
          id={id}
          className={`${inputClassName} ime__field`}
          value={value}
          maxLength={maxLength}
          autoComplete="off"
          spellCheck={false}
          // The screen's own keys replace the system's touch keyboard, which would cover them.
          inputMode="none"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value.slice(0, maxLength))}
        />
        {beside}
      </div>
      {modes.length > 1 ? (
        <div className="ime__modes" role="group" aria-label={t('ime.modes')}>
          {modes.map((m) => (
            <button key={m} type="button" className="ime__mode" aria-pressed={m === mode} disabled={disabled} onClick={() => onMode(m)}>
              {t(`ime.mode.${m}`)}
            </button>
          ))}
        </div>
      ) : null}
      {full ? (
        <p className="ime__note" role="status">
          {t('ime.full', { n: maxLength })}
        </p>
      ) : null}
      <div className="ime__pad">
        {mode === 'handwriting' ? <HandwritingPad onPick={add} onBackspace={back} disabled={disabled} /> : null}
        {mode === 'pinyin' ? <PinyinPad context={context} onPick={add} onBackspace={back} disabled={disabled} /> : null}
        {mode === 'letters' ? <LetterKeys label={t('ime.letterKeys')} digits={kind !== 'name'} onKey={add} onBackspace={back} disabled={disabled} /> : null}
        {mode === 'digits' ? (
          <KeypadDigits label={t('journey.question.digits')} large onDigit={add} onBackspace={back} onClear={() => onChange('')} disabled={disabled} />
        ) : null}
        {mode === 'plate' ? (
          <PlatePad
            disabled={disabled}
            onPick={(p) => {
              add(p);
              onMode('letters');
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
