import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinyinNameValue } from '@domain/catalog/form-schema.js';
import { useQuery } from '../../../../data/use-query.js';
import { KeypadText } from '../../../../components/KeypadText.js';

/**
 * The name in pinyin for a travel document. The host proposes it from the Chinese name (with the
 * surname readings a dictionary gets wrong: 单 SHAN, 曾 ZENG …); the citizen checks it and corrects
 * either part on the letter keypad, which types into the part last touched.
 */
export function PinyinInput({
  id,
  value,
  chineseName,
  describedBy,
  invalid,
  onChange,
}: {
  id: string;
  value: PinyinNameValue | undefined;
  chineseName: string | undefined;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (v: PinyinNameValue) => void;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState<'surname' | 'givenName'>('surname');
  const current: PinyinNameValue = value ?? { surname: '', givenName: '' };

  // The host's proposal for the name, taken once when nothing is typed yet (a failed proposal
  // simply leaves the boxes for the citizen or the keypad).
  const proposal = useQuery('proposePinyin', value || !chineseName ? null : { body: { name: chineseName } }).data;
  useEffect(() => {
    if (proposal && !value) onChange({ surname: proposal.surname, givenName: proposal.givenName });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one proposal per name
  }, [proposal]);

  const set = (part: 'surname' | 'givenName', v: string) =>
    onChange({
      ...current,
      [part]: v
        .toUpperCase()
        .replace(/[^A-Z]/g, '')
        .slice(0, 40),
    });
  return (
    <div className="pinyin-input">
      <p className="field__hint">{t('journey.question.pinyinLead')}</p>
      {(['surname', 'givenName'] as const).map((part) => (
        <div key={part} className="pinyin-input__part">
          <label htmlFor={part === 'surname' ? id : `${id}-given`} className="field__label">
            {t(`journey.question.${part}`)}
          </label>
          <input
            id={part === 'surname' ? id : `${id}-given`}
            className={active === part ? 'field__input field__input--active' : 'field__input'}
            value={current[part]}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onFocus={() => setActive(part)}
            onChange={(e) => set(part, e.target.value)}
          />
        </div>
      ))}
      <KeypadText
        label={t('journey.question.letters')}
        onKey={(ch) => /[A-Z]/.test(ch) && set(active, current[active] + ch)}
        onBackspace={() => set(active, current[active].slice(0, -1))}
        onClear={() => set(active, '')}
      />
    </div>
  );
}
