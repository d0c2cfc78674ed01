import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@domain/contract/api.js';
import type { Terminal } from '@domain/contract/schemas.js';
import { callApi, errorKey } from '../api/client.js';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialErrorKey);
  const inFlight = useRef(false);
  const inputId = useId();
  const hintId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    if (!api.pair.body.safeParse({ code }).success) {
      setError('pair.formatError');
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setError(null);
    callApi('pair', { body: { code } })
      .then((r) => onPaired(r.terminal))
      .catch((err: unknown) => setError(errorKey(err)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <form className="pair-form" onSubmit={submit} noValidate>
      <AlertRegion messageKey={error} />
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
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('pair.submitting') : t('pair.submit')}
        </button>
      </div>
    </form>
  );
}
