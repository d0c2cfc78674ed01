import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@domain/catalog/catalog-schema.js';
import type { ResponseOf } from '@domain/contract/api.js';
import type { CaseView } from '@domain/contract/cases-api.js';
import { callApi } from '../../../api/client.js';
import { ConfirmButton } from '../../../components/panel/ConfirmButton.js';
import { useRunner } from '../../../data/use-command.js';
import { formatDay } from '../../../i18n/format.js';
import type { CommandError } from '../../../data/errors.js';
import { DeferForm, HandOverForm, RefuseForm } from './CaseActionForms.js';
import { tickable } from './MaterialsCheck.js';

export type ActionAnswer = ResponseOf<'acceptCase'>;
export interface Done {
  key: string;
  values?: Record<string, string | number>;
}
export type Run = (key: string, work: () => Promise<ActionAnswer>, done: (r: ActionAnswer) => Done) => Promise<void>;

/**
 * The decisions on a case, only those the host would accept now (CaseView.allowed). Each is one
 * request; the host answers with the case as it now is and the papers sent to this window's
 * printer. 受理 and 补正 use the papers ticked above; the others ask what they need first.
 */
export function CaseActions({
  view,
  service,
  windowId,
  ticked,
  onDone,
  onFailed,
}: {
  view: CaseView;
  service: Service | undefined;
  windowId: number;
  ticked: ReadonlySet<string>;
  onDone: (answer: ActionAnswer, done: Done) => void;
  onFailed: (e: CommandError) => void;
}) {
  const { t, i18n } = useTranslation();
  const day = (iso: string | null) => (iso ? formatDay(iso, i18n.language) : '');
  const runner = useRunner<string>();
  const [open, setOpen] = useState<'defer' | 'refuse' | 'hand_over' | null>(null);
  useEffect(() => {
    if (runner.error) onFailed(runner.error);
  }, [runner.error, onFailed]);

  const at = { windowId, version: view.version };
  const params = { case: view.caseNumber };
  const run: Run = (key, work, done) =>
    runner.run(key, work).then((r) => {
      if (!r) return;
      setOpen(null);
      onDone(r, done(r));
    });
  const can = (a: CaseView['allowed'][number]) => view.allowed.includes(a);
  const paper = view.materials.filter((m) => tickable(view, m));
  const allTicked = paper.every((m) => ticked.has(m.code));
  const busy = runner.busy !== null;
  const label = (key: string, text: string) => (runner.busy === key ? t('clerk.working') : text);

  const accept = () =>
    void run(
      'accept',
      () => callApi('acceptCase', { params, body: { ...at, received: [...ticked] } }),
      (r) => ({ key: 'cases.done.accepted', values: { date: day(r.case.promisedBy) } }),
    );
  const supplement = () =>
    void run(
      'supplement',
      () => callApi('supplementCase', { params, body: { ...at, received: paper.map((m) => m.code) } }),
      (r) => ({ key: 'cases.done.supplied', values: { date: day(r.case.promisedBy) } }),
    );
  const complete = () =>
    void run(
      'complete',
      () => callApi('completeCase', { params, body: at }),
      (r) => ({ key: r.case.status === 'completed' ? 'cases.done.completed' : 'cases.done.ready' }),
    );
  const withdraw = () =>
    run(
      'withdraw',
      () => callApi('withdrawCase', { params, body: at }),
      () => ({ key: 'cases.done.withdrawn' }),
    );

  // A form the clerk has open stays while a colleague's change arrives: pressing it is then refused
  // and the desk says who got there first, rather than the form vanishing under the finger.
  if (view.allowed.length === 0 && open === null) return null;
  return (
    <div className="case-actions">
      <div className="case-actions__row">
        {can('accept') ? (
          <button type="button" className="btn btn--primary btn--big" disabled={busy || !allTicked} onClick={accept}>
            {label('accept', t('cases.action.accept'))}
          </button>
        ) : null}
        {can('accept_deferred') ? (
          <button type="button" className="btn btn--big" aria-expanded={open === 'defer'} disabled={busy} onClick={() => setOpen('defer')}>
            {t('cases.action.accept_deferred')}
          </button>
        ) : null}
        {can('supplement') ? (
          <button type="button" className="btn btn--primary btn--big" disabled={busy || !allTicked} onClick={supplement}>
            {label('supplement', t('cases.action.supplement'))}
          </button>
        ) : null}
        {can('complete') ? (
          <button type="button" className="btn btn--primary btn--big" disabled={busy} onClick={complete}>
            {label('complete', service?.instant ? t('cases.action.completeNow') : t('cases.action.completeReady'))}
          </button>
        ) : null}
        {can('hand_over') ? (
          <button type="button" className="btn btn--primary btn--big" aria-expanded={open === 'hand_over'} disabled={busy} onClick={() => setOpen('hand_over')}>
            {t('cases.action.hand_over')}
          </button>
        ) : null}
        {can('refuse') ? (
          <button type="button" className="btn btn--big" aria-expanded={open === 'refuse'} disabled={busy} onClick={() => setOpen('refuse')}>
            {t('cases.action.refuse')}
          </button>
        ) : null}
        {can('withdraw') ? (
          <ConfirmButton
            label={t('cases.action.withdraw')}
            question={t('cases.withdraw.question')}
            confirm={t('cases.withdraw.confirm')}
            busy={busy}
            onConfirm={withdraw}
          />
        ) : null}
      </div>
      {(can('accept') || can('supplement')) && !allTicked ? (
        <p className="case-actions__hint">{t(can('accept') ? 'cases.hint.tickAll' : 'cases.hint.tickOutstanding')}</p>
      ) : null}
      {open === 'defer' ? <DeferForm view={view} service={service} at={at} ticked={ticked} busy={busy} run={run} onCancel={() => setOpen(null)} /> : null}
      {open === 'refuse' ? <RefuseForm view={view} at={at} busy={busy} run={run} onCancel={() => setOpen(null)} /> : null}
      {open === 'hand_over' ? <HandOverForm view={view} at={at} busy={busy} run={run} onCancel={() => setOpen(null)} /> : null}
    </div>
  );
}
