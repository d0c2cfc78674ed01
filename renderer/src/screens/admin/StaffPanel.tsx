import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '@domain/contract/schemas.js';
import type { Staff, StaffRole } from '@domain/contract/schemas.js';
import { STAFF_NO_MAX_LENGTH, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';
import { callApi, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { formatDateTime } from '../../i18n/format.js';
import { ErrorSummary, Field } from './form.js';
import type { FieldProblem, Problems } from './form.js';
import { useStaffErrorKey } from './staff-session.js';

/** The one-time code a staff member types on a clerk screen to set their own PIN. Shown once. */
interface Issued {
  staff: Staff;
  enrollmentCode: string;
}

/** `now`: when the list was read, so the badge matches the data it came with. */
function StaffState({ s, now }: { s: Staff; now: number }) {
  const { t, i18n } = useTranslation();
  if (s.disabled) return <span className="badge badge--off">{t('admin.staff.disabled')}</span>;
  if (s.lockedUntil !== null && s.lockedUntil > now) {
    return <span className="badge badge--off">{t('admin.staff.lockedUntil', { time: formatDateTime(s.lockedUntil, i18n.language) })}</span>;
  }
  return s.enrolled ? (
    <span className="badge badge--ok">{t('admin.staff.active')}</span>
  ) : (
    <span className="badge badge--wait">{t('admin.staff.notEnrolled')}</span>
  );
}

export function StaffPanel() {
  const { t } = useTranslation();
  const id = useId();
  const toKey = useStaffErrorKey();
  const [staff, setStaff] = useState<{ list: Staff[]; at: number } | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [v, setV] = useState<{ staffNo: string; name: string; role: StaffRole }>({ staffNo: '', name: '', role: 'clerk' });
  const [problems, setProblems] = useState<Problems>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const fid = (k: string) => `${id}-${k}`;
  const problemOf = (k: string): FieldProblem | undefined => problems.find((p) => p.id === fid(k))?.problem;

  useEffect(() => {
    const ctl = new AbortController();
    callApi('listStaff', { signal: ctl.signal })
      .then((r) => setStaff({ list: r.staff, at: Date.now() }))
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(toKey(e));
      });
    return () => ctl.abort();
  }, [version, toKey]);

  const run = (p: Promise<Issued>) => {
    inFlight.current = true;
    setBusy(true);
    setError(null);
    p.then((r) => {
      setIssued(r);
      setVersion((n) => n + 1);
    })
      .catch((err: unknown) => setError(toKey(err)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    const found: Problems = [];
    if (!STAFF_NO_PATTERN.test(v.staffNo.trim()))
      found.push({ id: fid('staffNo'), label: t('admin.staff.staffNo'), problem: { key: 'admin.form.staffNoFormat' } });
    if (v.name.trim() === '') found.push({ id: fid('name'), label: t('admin.staff.name'), problem: { key: 'admin.form.required' } });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    run(callApi('createStaff', { body: { staffNo: v.staffNo.trim(), name: v.name.trim(), role: v.role } }));
    setV({ staffNo: '', name: '', role: 'clerk' });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.staff.title')}</h2>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      {issued ? (
        <div className="issued" role="status">
          <p className="issued__title">{t('admin.staff.issued', { name: issued.staff.name, staffNo: issued.staff.staffNo })}</p>
          <dl className="facts">
            <dt>{t('admin.staff.code')}</dt>
            <dd className="issued__code" data-testid="enrollment-code">
              {issued.enrollmentCode}
            </dd>
          </dl>
          <p className="field-hint">{t('admin.staff.codeHint')}</p>
        </div>
      ) : null}
      {staff === null ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.staff.staffNo')}</th>
              <th scope="col">{t('admin.staff.name')}</th>
              <th scope="col">{t('admin.staff.role')}</th>
              <th scope="col">{t('admin.staff.state')}</th>
              <th scope="col">{t('admin.terminals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.list.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.staffNo}</th>
                <td>{s.name}</td>
                <td>{t(`admin.staff.roles.${s.role}`)}</td>
                <td>
                  <StaffState s={s} now={staff.at} />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    disabled={busy}
                    aria-label={t('admin.staff.resetLabel', { name: s.name })}
                    onClick={() => run(callApi('resetStaff', { params: { id: s.id } }))}
                  >
                    {t('admin.staff.reset')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="admin-form admin-subform" onSubmit={create} noValidate aria-labelledby={`${id}-add-h`}>
        <h3 id={`${id}-add-h`}>{t('admin.staff.addTitle')}</h3>
        <ErrorSummary problems={problems} attempt={attempt} />
        <div className="admin-form__grid">
          <Field id={fid('staffNo')} label={t('admin.staff.staffNo')} hint={t('admin.staff.staffNoHint')} problem={problemOf('staffNo')}>
            {(aria) => (
              <input
                {...aria}
                maxLength={STAFF_NO_MAX_LENGTH}
                spellCheck={false}
                autoComplete="off"
                value={v.staffNo}
                onChange={(e) => setV({ ...v, staffNo: e.target.value })}
              />
            )}
          </Field>
          <Field id={fid('name')} label={t('admin.staff.name')} problem={problemOf('name')}>
            {(aria) => <input {...aria} maxLength={40} autoComplete="off" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
          </Field>
          <Field id={fid('role')} label={t('admin.staff.role')}>
            {(aria) => (
              <select {...aria} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as StaffRole })}>
                {STAFF_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`admin.staff.roles.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('admin.staff.create')}
        </button>
      </form>
    </section>
  );
}
