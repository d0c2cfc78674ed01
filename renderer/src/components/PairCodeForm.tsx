import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@domain/contract/api.js';
import type { Terminal } from '@domain/contract/schemas.js';
import { useCommand } from '../data/use-command.js';
import { AlertRegion } from './AlertRegion.js';

/** People type "abcd1234" or "ABCD 1234"; show it back as the printed XXXX-XXXX form. */
function tidy(raw: string): string {
  const compact = raw
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 8);
  return compact.length > 4 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

export function PairCodeForm({ onPaired, initialErrorKey = null }: { onPaired: (terminal: Terminal) => void; initialErrorKey?: string | null }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<string | null>(initialErrorKey);
  const pair = useCommand('pair');
  const inputId = useId();
  const hintId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!api.pair.body.safeParse({ code }).success) return setFormatError('pair.formatError');
    setFormatError(null);
    void pair.run({ body: { code } }).then((r) => r && onPaired(r.terminal));
  };

  return (
    <form className="pair-form" onSubmit={submit} noValidate>
      <AlertRegion messageKey={formatError ?? pair.error?.key ?? null} />
      <label htmlFor={inputId} className="field-label">
        {t('pair.codeLabel')}
      </label>
      <p id={hintId} className="field-hint">
        {t('pair.codeHint')}
      </p>
      <div className="pair-form__row">
        <input
          id={inputId}
          className="pair-form__input"
          value={code}
          onChange={(e) => setCode(tidy(e.target.value))}
          placeholder={t('pair.codePlaceholder')}
          aria-describedby={hintId}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={9}
          required
        />
        <button type="submit" className="btn btn--primary" disabled={pair.busy}>
          {pair.busy ? t('pair.submitting') : t('pair.submit')}
        </button>
      </div>
    </form>
  );
}
