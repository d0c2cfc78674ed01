import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertRegion } from '../../components/AlertRegion.js';
import { ConversationLog } from '../../components/ConversationLog.js';
import type { ConversationState } from '../../components/ConversationState.js';

/** The questions a clerk asks most, sent at one tap (keys under clerk.phrases). */
const PHRASES = ['showId', 'wait', 'missing', 'pay', 'done', 'yesNo', 'photo', 'sign'] as const;

/** 笔谈 for deaf applicants: what the clerk writes appears on the counter screen facing them. */
export function ConversationPanel({ conversation }: { conversation: ConversationState }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const { sending } = conversation;

  const send = async (line: string) => {
    const trimmed = line.trim();
    return trimmed !== '' && (await conversation.send('clerk', trimmed));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(text).then((ok) => {
      if (ok) setText('');
    });
  };

  return (
    <section className="panel clerk-conversation" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('clerk.conversation.title')}</h2>
      <p className="muted clerk-conversation__lead">{t('clerk.conversation.lead')}</p>
      <ConversationLog messages={conversation.messages} label={t('clerk.conversation.log')} emptyText={t('clerk.conversation.empty')} />
      <AlertRegion messageKey={conversation.error?.key ?? null} onDismiss={conversation.clearError} />
      <form className="clerk-conversation__form" onSubmit={submit}>
        <label className="visually-hidden" htmlFor={`${id}-text`}>
          {t('clerk.conversation.input')}
        </label>
        <input
          id={`${id}-text`}
          type="text"
          className="clerk-conversation__input"
          maxLength={500}
          placeholder={t('clerk.conversation.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn--primary" disabled={sending || text.trim() === ''}>
          {t('clerk.conversation.send')}
        </button>
      </form>
      <div className="clerk-conversation__phrases" role="group" aria-label={t('clerk.conversation.phrasesLabel')}>
        {PHRASES.map((p) => (
          <button key={p} type="button" className="btn clerk-conversation__phrase" disabled={sending} onClick={() => void send(t(`clerk.phrases.${p}`))}>
            {t(`clerk.phrases.${p}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
