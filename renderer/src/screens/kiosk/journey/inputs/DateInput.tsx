import { useTranslation } from 'react-i18next';

/** Adds whole days to a YYYY-MM-DD date (calendar days, UTC arithmetic: no time zone involved). */
export function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A date: for a date ahead (travel) the next three days are one tap each, since most trips are
 * soon; any other date through the browser's own date picker.
 */
export function DateInput({
  id,
  value,
  today,
  future,
  describedBy,
  invalid,
  onChange,
}: {
  id: string;
  value: string;
  today: string;
  future: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const quick = future
    ? ([
        ['today', 0],
        ['tomorrow', 1],
        ['dayAfter', 2],
      ] as const)
    : [];
  return (
    <div className="date-input">
      {quick.length > 0 ? (
        <div className="date-input__quick" role="group" aria-label={t('journey.question.pickDate')}>
          {quick.map(([key, n]) => {
            const d = plusDays(today, n);
            return (
              <button key={key} type="button" className="btn btn--huge" aria-pressed={value === d} onClick={() => onChange(d)}>
                {t(`journey.question.${key}`)} <span className="date-input__day">{d.slice(5)}</span>
              </button>
            );
          })}
        </div>
      ) : null}
      <input
        id={id}
        type="date"
        className="field__input field__input--date"
        value={value}
        min={future ? today : undefined}
        max={future ? undefined : today}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
