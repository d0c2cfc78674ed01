import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import type { CaseView } from '@domain/contract/cases-api.js';
import { AlertRegion } from '../../../components/AlertRegion.js';
import { useSignedIn } from '../../../components/staff/StaffGate.js';
import type { CommandError } from '../../../data/errors.js';
import { useHostClock } from '../../../data/use-host-events.js';
import { useQuery } from '../../../data/use-query.js';
import { formatDateTime, formatDay } from '../../../i18n/format.js';
import { hallTimeZone } from '../../../i18n/hall-zone.js';
import { serviceDay } from '@domain/service-day.js';
import { CaseActions, type ActionAnswer, type Done } from './CaseActions.js';
import { CaseAnswers } from './CaseAnswers.js';
import { CaseHistory } from './CaseHistory.js';
import { CaseTransfer } from '../../../components/cases/CaseTransfer.js';
import { MaterialsCheck } from './MaterialsCheck.js';
import { pick, serviceOf } from '../../../components/cases/case-text.js';

const OPEN = ['accepted', 'supplement_pending', 'ready_for_collection'];

/** Why the action came second, in words: where the case is being served, or who changed it. */
function conflictText(view: CaseView, windowId: number, t: (k: string, v?: Record<string, string>) => string, language: string): string {
  if (view.holder && view.holder.windowId !== windowId)
    return t('cases.conflict.heldAt', { window: view.holder.windowName, name: view.holder.staff?.name ?? '—', staffNo: view.holder.staff?.staffNo ?? '—' });
  const last = [...view.history].reverse().find((e) => e.staff);
  if (!last?.staff) return t('cases.conflict.status', { status: t(`application.status.${view.status}`) });
  return t('cases.conflict.changed', {
    name: last.staff.name,
    staffNo: last.staff.staffNo,
    time: formatDateTime(last.at, language),
    status: t(`application.status.${view.status}`),
  });
}

/**
 * One case as the clerk works on it: the application against its service (materials, answers),
 * the decisions the host allows now, the history. Read again whenever any case changes (a push),
 * so a colleague's action shows here at once; a refused action reads it again and says who has it.
 */
export function CaseDesk({ caseNumber, windowId, catalog, onClose }: { caseNumber: string; windowId: number; catalog: Catalog; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { staff } = useSignedIn();
  const now = useHostClock();
  const query = useQuery('caseView', { params: { case: caseNumber } }, { refetchOn: ['case.changed'] });
  const [ticks, setTicks] = useState<{ version: number; codes: Set<string> } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState<CommandError | null>(null);
  const { refetch } = query;
  const onFailed = useCallback(
    (e: CommandError) => {
      setDone(null);
      setFailure(e);
      // A conflict: what the case is now (and who made it so) is what the clerk needs to see.
      if (e.code === 'conflict') refetch();
    },
    [refetch],
  );
  const onDone = useCallback((answer: ActionAnswer, d: Done) => {
    setFailure(null);
    const printed = answer.printed.length > 0 ? 'cases.done.printed' : answer.printer ? null : 'cases.done.noPrinter';
    setDone({ ...d, values: { ...d.values, n: answer.printed.length, printed: printed ?? '' } });
  }, []);

  const view = query.data?.case;
  if (!view) {
    return (
      <article className="case-desk" aria-label={caseNumber}>
        <AlertRegion messageKey={query.error?.code === 'not_found' ? 'clerk.caseLookup.notFound' : (query.error?.key ?? null)} />
        {query.error ? null : <p className="muted">{t('common.loading')}</p>}
      </article>
    );
  }
  const service = serviceOf(catalog, view.serviceCode);
  // Papers ticked on this version of the case (an action or a colleague's change starts afresh).
  const ticked =
    ticks?.version === view.version ? ticks.codes : new Set(view.materials.filter((m) => m.received && view.status === 'submitted').map((m) => m.code));
  const tick = (code: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(code);
    else next.delete(code);
    setTicks({ version: view.version, codes: next });
  };
  const mine = view.owner?.staffNo === staff.staffNo || staff.role !== 'clerk';
  const today = serviceDay(now(), hallTimeZone());
  const conflict = failure?.code === 'conflict' ? conflictText(view, windowId, t, lang) : null;

  return (
    <article className={`case-desk case-desk--${view.status}`} aria-label={caseNumber}>
      <div className="case-desk__head">
        <h3>{service ? pick(service.name, lang) : view.serviceCode}</h3>
        <p className={`case-status case-status--${view.status}`}>{t(`application.status.${view.status}`)}</p>
        {onClose ? (
          <button type="button" className="btn" onClick={onClose}>
            {t('cases.close')}
          </button>
        ) : null}
      </div>
      <dl className="facts">
        <dt>{t('clerk.application.caseNumber')}</dt>
        <dd className="case-desk__number">{view.caseNumber}</dd>
        <dt>{t('clerk.application.idNumber')}</dt>
        <dd className="clerk-application__id">{view.idNumber}</dd>
        {view.greenChannel ? (
          <>
            <dt>{t('clerk.application.channel')}</dt>
            <dd>{t('clerk.application.green')}</dd>
          </>
        ) : null}
        <dt>{t('cases.owner')}</dt>
        <dd>{view.owner ? t('cases.staff', { name: view.owner.name, staffNo: view.owner.staffNo }) : t('cases.noOwner')}</dd>
        {view.deadline ? (
          <>
            <dt>{t(view.deadline.kind === 'supplement' ? 'cases.supplementBy' : 'cases.promisedBy')}</dt>
            <dd>
              {formatDay(view.deadline.date, lang)}
              {view.urgency && view.urgency !== 'on_track' ? (
                <span className={`case-urgency case-urgency--${view.urgency}`}> {t(`cases.urgency.${view.urgency}`)}</span>
              ) : null}
            </dd>
          </>
        ) : null}
        {view.holder && view.holder.windowId !== windowId ? (
          <>
            <dt>{t('cases.heldAt')}</dt>
            <dd>{view.holder.windowName}</dd>
          </>
        ) : null}
      </dl>
      <AlertRegion messageKey={failure && !conflict ? failure.key : null} onDismiss={() => setFailure(null)} />
      {conflict ? (
        <p className="case-conflict" role="alert">
          {conflict}
        </p>
      ) : null}
      <p className="case-done" role="status">
        {done ? `${t(done.key, done.values)}${done.values?.['printed'] ? ` ${t(String(done.values['printed']), done.values)}` : ''}` : ''}
      </p>
      <MaterialsCheck view={view} service={service} ticked={ticked} onTick={tick} />
      <CaseAnswers view={view} service={service} catalog={catalog} windowId={windowId} today={today} onFailed={onFailed} />
      <CaseActions view={view} service={service} windowId={windowId} ticked={ticked} onDone={onDone} onFailed={onFailed} />
      {view.owner && mine && OPEN.includes(view.status) ? (
        <CaseTransfer view={view} onFailed={onFailed} onDone={(name) => setDone({ key: 'cases.done.transferred', values: { name } })} />
      ) : null}
      <CaseHistory view={view} />
    </article>
  );
}
