import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/panel/Panel.js';
import { citySignIn } from '../../data/use-city.js';

/** A city supervisor signs in with the token the city administrator issued (--add-supervisor). */
export function CitySignIn({ onSignedIn, notice }: { onSignedIn: () => void; notice: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void citySignIn(token.trim()).then(
      (ok) => (ok ? onSignedIn() : setError('city.signIn.refused')),
      () => setError('city.error.network'),
    );
  };
  return (
    <Panel title={t('city.signIn.title')} error={error} onDismissError={() => setError(null)}>
      {notice ? (
        <p role="status" className="muted" data-testid="city-sign-in-notice">
          {t(notice)}
        </p>
      ) : null}
      <form className="admin-form" onSubmit={submit}>
        <label htmlFor={`${id}-token`}>{t('city.signIn.token')}</label>
        <input id={`${id}-token`} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        <div className="admin-form__actions">
          <button type="submit" className="btn btn--primary">
            {t('city.signIn.submit')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
