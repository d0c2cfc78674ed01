import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PINYIN_LETTERS, type PinyinContext } from '@domain/contract/ime-api.js';
import { useQuery } from '../../data/use-query.js';
import { CandidateBar } from './CandidateBar.js';
import { LetterKeys } from './LetterKeys.js';

const PAGE = 8;

/**
 * Pinyin: letters typed on the keys, the host's candidates for them (surnames and name characters
 * first where a name is asked), a tap writes one and takes away the letters it stood for, so that
 * "huhehaote" can be written as 呼和浩特 at once or a syllable at a time. Rare characters are on the
 * later pages ("more"). The letters live in this component only.
 */
export function PinyinPad({
  context,
  onPick,
  onBackspace,
  disabled,
}: {
  context: PinyinContext;
  onPick: (text: string) => void;
  onBackspace: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [letters, setLetters] = useState('');
  const [offset, setOffset] = useState(0);
  // When the letters or the page last changed: an answer read before that is for other letters,
  // and a tap on it would take away the wrong number of them, so it is not shown.
  const [askedAt, setAskedAt] = useState(0);
  const read = useQuery('pinyinCandidates', letters === '' ? null : { body: { letters, context, offset, limit: PAGE } });
  const answer = letters !== '' && read.updatedAt >= askedAt ? read.data : undefined;
  const type = (next: string) => {
    setLetters(next);
    setOffset(0);
    setAskedAt(Date.now());
  };
  const page = (to: number) => {
    setOffset(Math.max(0, to));
    setAskedAt(Date.now());
  };
  return (
    <div className="ime-pinyin">
      <p className="ime-pinyin__typed">
        <span className="ime-pinyin__label">{t('ime.typed')}</span>
        <output className="ime-pinyin__letters" aria-live="polite">
          {letters === '' ? '—' : answer?.syllables.join('') === letters ? answer.syllables.join(' ') : letters}
        </output>
      </p>
      <CandidateBar
        candidates={answer?.candidates.map((c) => c.text) ?? []}
        disabled={disabled}
        onPick={(text) => {
          const c = answer?.candidates.find((x) => x.text === text);
          onPick(text);
          type(c ? letters.slice(c.letters) : '');
        }}
        onPrevious={offset > 0 ? () => page(offset - PAGE) : undefined}
        onMore={answer?.more ? () => page(offset + PAGE) : undefined}
      />
      {read.error && letters !== '' ? (
        <p className="ime__note" role="alert">
          {t(read.error.key)}
        </p>
      ) : null}
      <LetterKeys
        label={t('ime.pinyinKeys')}
        pinyin
        disabled={disabled}
        onKey={(ch) => letters.length < MAX_PINYIN_LETTERS && type(letters + ch)}
        // With letters typed, delete one of them; else the last character written.
        backspaceLabel={letters === '' ? t('kiosk.keypad.backspace') : t('ime.deleteLetter')}
        onBackspace={() => (letters === '' ? onBackspace() : type(letters.slice(0, -1)))}
      />
    </div>
  );
}
