import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '@domain/business-lines.js';
import type { TicketClass } from '@domain/queue/calling-policy.js';
import { StepNav } from './StepNav.js';

/** The order a citizen reads them in: most people want the first. */
const CLASSES: readonly TicketClass[] = ['normal', 'appointment', 'group', 'green'];

/** 办理方式: one question after the business line — ordinary, appointment, group or green channel. */
export function ClassPicker({ line, busy, onChoose, onBack }: { line: BusinessLine; busy: boolean; onChoose: (c: TicketClass) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="class-picker" aria-labelledby={`${id}-h`}>
      <p className="kiosk-step-line">{t(`line.${line}`)}</p>
      <h2 id={`${id}-h`} className="kiosk-step-title">
        {t('kiosk.class.question')}
      </h2>
      <ul className="class-picker__list">
        {CLASSES.map((c) => (
          <li key={c}>
            <button
              type="button"
              className={`class-button class-button--${c}`}
              aria-labelledby={`${id}-${c}-name`}
              aria-describedby={`${id}-${c}`}
              disabled={busy}
              aria-busy={busy && c === 'normal'}
              onClick={() => onChoose(c)}
            >
              <span id={`${id}-${c}-name`} className="class-button__name">
                {t(`kiosk.class.${c}`)}
              </span>
              <span id={`${id}-${c}`} className="class-button__desc">
                {busy && c === 'normal' ? t('kiosk.taking') : t(`kiosk.class.${c}Desc`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <StepNav busy={busy} onBack={onBack} takesTicket={false} />
    </section>
  );
}
