import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationMessage } from '@domain/contract/schemas.js';
import { formatTime } from '../i18n/format.js';
import './conversation.css';

/** The written conversation as a scrolling log, newest at the bottom, each line marked by who wrote it. */
export function ConversationLog({ messages, label, emptyText }: { messages: readonly ConversationMessage[]; label: string; emptyText: string }) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const lastId = messages[messages.length - 1]?.id;

  // Keep the newest line in view inside the box, without scrolling the page around it.
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId]);

  return (
    // A log region that exists before its first line, so screen readers announce additions
    // politely. It scrolls, so it takes focus for keyboard users to scroll it.
    <div ref={box} className="conversation-log" role="log" aria-label={label} tabIndex={0}>
      {messages.length === 0 ? (
        <p className="conversation-log__empty">{emptyText}</p>
      ) : (
        <ol className="conversation-log__list">
          {messages.map((m) => (
            <li key={m.id} className={`conversation-log__item conversation-log__item--${m.from}`}>
              <span className="conversation-log__who">
                {t(m.from === 'clerk' ? 'clerk.conversation.fromClerk' : 'clerk.conversation.fromApplicant')}
                <span className="conversation-log__time"> {formatTime(m.at, i18n.language)}</span>
              </span>
              <span className="conversation-log__text">{m.text}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
