import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KeypadText } from '../../components/KeypadText.js';

const REPLIES = ['yes', 'no', 'ok', 'notUnderstood', 'again', 'help'] as const;

/** The applicant's side: one-tap answers, or a few words typed on the keys or a keyboard. */
export function CounterReply({ send, sending }: { send: (text: string) => Promise<boolean>; sending: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [typing, setTyping] = useState(false);
  const [text, setText] = useState('');

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
          <div className="counter-type__row">
            <input id={`${id}-text`} type="text" className="counter-type__input" maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="counter-reply__button counter-type__send" disabled={sending || text.trim() === ''}>
              {t('counter.send')}
            </button>
          </div>
          <KeypadText
            label={t('counter.keyboard')}
            space
            disabled={sending}
            onKey={(ch) => setText((s) => (s + ch).slice(0, 500))}
            onBackspace={() => setText((s) => s.slice(0, -1))}
            onClear={() => setText('')}
          />
        </form>
      ) : null}
    </section>
  );
}
