import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES, LINE_LETTER } from '@domain/business-lines.js';
import type { BusinessLine } from '@domain/business-lines.js';
import type { WaitingCounts } from '@domain/contract/schemas.js';

export function LinePicker({
  waiting,
  busyLine,
  onChoose,
  titled = true,
}: {
  waiting: WaitingCounts | null;
  busyLine: BusinessLine | null;
  onChoose: (line: BusinessLine) => void;
  /** False inside a page that has its own heading. */
  titled?: boolean;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  return (
    <section className="line-picker" aria-labelledby={titled ? `${baseId}-h` : undefined}>
      {titled ? (
        <h2 id={`${baseId}-h`} className="kiosk-step-title">
          {t('kiosk.chooseLine')}
        </h2>
      ) : null}
      <ul className="line-picker__list">
        {BUSINESS_LINES.map((line) => {
          const nameId = `${baseId}-${line}-name`;
          const countId = `${baseId}-${line}-count`;
          const n = waiting?.[line];
          return (
            <li key={line}>
              {/* Named by the line alone so "户政业务" finds it; the count is its description. */}
              <button
                type="button"
                className={`line-button line-button--${line}`}
                aria-labelledby={nameId}
                aria-describedby={countId}
                disabled={busyLine !== null}
                aria-busy={busyLine === line}
                onClick={() => onChoose(line)}
              >
                <span className="line-button__letter" aria-hidden="true">
                  {LINE_LETTER[line]}
                </span>
                <span id={nameId} className="line-button__name">
                  {t(`line.${line}`)}
                </span>
                <span id={countId} className="line-button__count">
                  {busyLine === line ? t('kiosk.taking') : n === undefined ? t('kiosk.waitingUnknown') : t('kiosk.waiting', { n })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
