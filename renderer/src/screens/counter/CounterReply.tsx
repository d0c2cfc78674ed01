import { lazy, Suspense, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImeMode } from '../../components/ime/ime-modes.js';

// The on-screen input loads when the applicant first opens it.
const TextEntry = lazy(() => import('../../components/ime/TextEntry.js').then((m) => ({ default: m.TextEntry })));

const REPLIES = ['yes', 'no', 'ok', 'notUnderstood', 'again', 'help'] as const;

/** The applicant's side: one-tap answers, or a few words written by hand, in pinyin, on the letter
 * or number keys, or on a keyboard. */
export function CounterReply({ send, sending }: { send: (text: string) => Promise<boolean>; sending: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [typing, setTyping] = useState(false);
  const [text, setText] = useState('');
  const ime = useImeMode(typing ? 'message' : null, i18n.language);

  // One line at a time (the conversation's runner ignores a second tap); the board shows errors.
  const post = (line: string, after?: () => void) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    void send(trimmed).then((ok) => ok && after?.());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    post(text, () => {
      setText('');
      setTyping(false);
    });
  };

  return (
    <section className="counter-reply" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="counter-reply__label">
        {t('counter.reply')}
      </h2>
      <div className="counter-reply__buttons">
        {REPLIES.map((r) => (
          <button
            key={r}
            type="button"
            className={`counter-reply__button counter-reply__button--${r}`}
            disabled={sending}
            onClick={() => post(t(`counter.replies.${r}`))}
          >
            {t(`counter.replies.${r}`)}
          </button>
        ))}
        <button type="button" className="counter-reply__button counter-reply__button--type" aria-expanded={typing} onClick={() => setTyping((v) => !v)}>
          {t(typing ? 'counter.closeKeyboard' : 'counter.typeReply')}
        </button>
      </div>
      {typing ? (
        <form className="counter-type" onSubmit={submit}>
          <label className="counter-type__label" htmlFor={`${id}-text`}>
            {t('counter.typeLabel')}
          </label>
          <Suspense fallback={null}>
            <TextEntry
              id={`${id}-text`}
              value={text}
              onChange={setText}
              maxLength={500}
              kind="message"
              modes={ime.modes}
              mode={ime.mode}
              onMode={ime.setMode}
              inputClassName="counter-type__input"
              beside={
                <button type="submit" className="counter-reply__button counter-type__send" disabled={sending || text.trim() === ''}>
                  {t('counter.send')}
                </button>
              }
            />
          </Suspense>
        </form>
      ) : null}
    </section>
  );
}
