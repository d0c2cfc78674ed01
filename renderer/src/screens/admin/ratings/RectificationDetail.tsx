import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rectification, RectificationStepBody } from '@domain/contract/ratings-api.js';
import { levelCode } from '@domain/ratings/rating-levels.js';
import { nextStatus, type RectificationStep } from '@domain/ratings/rectification-steps.js';
import { AlertRegion } from '../../../components/AlertRegion.js';
import { useCommand } from '../../../data/use-command.js';
import { useQuery } from '../../../data/use-query.js';
import { formatDateTime, formatDay } from '../../../i18n/format.js';
import { StepText } from './StepText.js';

const TEXT_STEPS = [
  ['callback', 'callbackResult'],
  ['fix', 'fix'],
  ['answer', 'answer'],
] as const;

/** One 差评's item: what was rated, then each step the supervisor or the assignee takes. */
export function RectificationDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const read = useQuery('rectification', { params: { id } }, { refetchOn: ['rectification.changed'] });
  const item = read.data?.item;
  const step = useCommand('rectificationStep', { invalidates: ['rectifications', 'rectification'] });
  const [notice, setNotice] = useState('');
  /** Each step names the version shown, so a change made meanwhile by someone else is refused. */
  const run = (body: (version: number) => RectificationStepBody) => {
    if (!item) return;
    void step.run({ params: { id }, body: body(item.version) }).then((r) => {
      if (r) setNotice(t('ratings.saved', { status: t(`ratings.status.${r.item.status}`) }));
    });
  };
  const can = (s: RectificationStep) => item !== undefined && nextStatus(item.status, s) !== null;
  return (
    <section className="rect-detail" aria-labelledby={`rect-${id}-h`}>
      <div className="rect-detail__head">
        <h3 id={`rect-${id}-h`}>{item ? t('ratings.detailTitle', { ticket: item.rating.ticketNumber }) : t('common.loading')}</h3>
        <button type="button" className="btn" onClick={onClose}>
          {t('ratings.closeDetail')}
        </button>
      </div>
      <AlertRegion messageKey={(step.error ?? read.error)?.key ?? null} onDismiss={step.clearError} />
      <p role="status" className="saved">
        {notice}
      </p>
      {item ? (
        <>
          <RatingFacts item={item} comment={read.data?.comment ?? ''} />
          {can('assign') ? (
            <AssignForm current={item.assignee?.id ?? null} busy={step.busy} onAssign={(staffId) => run((version) => ({ step: 'assign', staffId, version }))} />
          ) : null}
          {TEXT_STEPS.map(([s, field]) => (
            <StepText
              key={s}
              step={s}
              value={item[field]}
              enabled={can(s)}
              busy={step.busy}
              onSave={(text) => run((version) => ({ step: s, text, version }))}
            />
          ))}
          <StepText
            step="appeal"
            value={item.appealReason}
            enabled={can('appeal')}
            busy={step.busy}
            onSave={(text) => run((version) => ({ step: 'appeal', text, version }))}
          />
          <div className="rect-detail__decide">
            {(['close', 'uphold_appeal', 'reject_appeal'] as const).map((s) =>
              can(s) ? (
                <button key={s} type="button" className="btn btn--primary" disabled={step.busy} onClick={() => run((version) => ({ step: s, version }))}>
                  {t(`ratings.step.${s}`)}
                </button>
              ) : null,
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}

function RatingFacts({ item, comment }: { item: Rectification; comment: string }) {
  const { t, i18n } = useTranslation();
  const r = item.rating;
  const facts: [string, string][] = [
    [t('ratings.col.status'), t(`ratings.status.${item.status}`) + (item.overdue ? ` · ${t('ratings.overdue')}` : '')],
    [t('ratings.col.due'), formatDay(item.dueDay, i18n.language)],
    [t('ratings.col.level'), t(`ratings.level.${levelCode(r.level) ?? 'dissatisfied'}`)],
    [t('ratings.col.reasons'), r.reasons.map((c) => t(`ratings.reason.${c}`)).join(t('common.listSeparator'))],
    [t('ratings.comment'), comment || '—'],
    [t('ratings.col.where'), t('ratings.where', { window: r.windowNumber ?? '—', ticket: r.ticketNumber, clerk: r.clerk ?? '—' })],
    [t('ratings.case'), r.caseNumber ?? '—'],
    [t('ratings.given'), `${formatDateTime(r.at, i18n.language)} · ${t(`ratings.channel.${r.channel}`)}`],
    [t('ratings.col.assignee'), item.assignee?.name ?? t('ratings.unassigned')],
  ];
  return (
    <dl className="rect-facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function AssignForm({ current, busy, onAssign }: { current: number | null; busy: boolean; onAssign: (staffId: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const staff = useQuery('listStaff');
  const [chosen, setChosen] = useState(current === null ? '' : String(current));
  const active = (staff.data?.staff ?? []).filter((s) => !s.disabled);
  return (
    <div className="rect-assign">
      <label htmlFor={`${id}-who`}>{t('ratings.assignTo')}</label>
      <select id={`${id}-who`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('ratings.choose')}</option>
        {active.map((s) => (
          <option key={s.id} value={s.id}>
            {`${s.name} (${s.staffNo})`}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--primary" disabled={busy || chosen === ''} onClick={() => onAssign(Number(chosen))}>
        {t('ratings.step.assign')}
      </button>
    </div>
  );
}
