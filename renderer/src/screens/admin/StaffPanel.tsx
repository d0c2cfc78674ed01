import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isPersonName } from '@domain/contract/text-rules.js';
import { STAFF_NO_MAX_LENGTH, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';
import { STAFF_ROLES } from '@domain/contract/schemas.js';
import { grantableRoles } from '@domain/staff/rank.js';
import type { Staff, StaffRole } from '@domain/contract/schemas.js';
import { Field, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { useProblems } from '../../components/form/use-problems.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { IssuedCode } from '../../components/panel/IssuedCode.js';
import { Panel } from '../../components/panel/Panel.js';

import { useSignedIn } from '../../components/staff/StaffGate.js';
import { useCommand } from '../../data/use-command.js';
import { StaffActions, type StaffCommands } from './StaffActions.js';
import { useQuery } from '../../data/use-query.js';
import { formatDateTime } from '../../i18n/format.js';

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
  const staff = useQuery('listStaff');
  const [issued, setIssued] = useState<Issued | null>(null);
  const [v, setV] = useState<{ staffNo: string; name: string; role: StaffRole }>({ staffNo: '', name: '', role: 'clerk' });
  const check = useProblems();
  const create = useCommand('createStaff', { invalidates: ['listStaff'] });
  const { staff: me } = useSignedIn();
  const commands: StaffCommands = {
    reset: useCommand('resetStaff', { invalidates: ['listStaff'] }),
    disable: useCommand('disableStaff', { invalidates: ['listStaff'] }),
    enable: useCommand('enableStaff', { invalidates: ['listStaff'] }),
    role: useCommand('setStaffRole', { invalidates: ['listStaff'] }),
  };
  const failed = Object.values(commands).find((c) => c.error !== null);
  const fid = (k: string) => `${id}-${k}`;
  const list = staff.data?.staff;

  const issue = (r: Issued | undefined) => {
    if (r) setIssued(r);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (!STAFF_NO_PATTERN.test(v.staffNo.trim())) found.push({ id: fid('staffNo'), label: t('admin.staff.staffNo'), problem: { key: 'form.staffNoFormat' } });
    if (v.name.trim() === '') found.push({ id: fid('name'), label: t('admin.staff.name'), problem: { key: 'form.required' } });
    else if (!isPersonName(v.name)) found.push({ id: fid('name'), label: t('admin.staff.name'), problem: { key: 'form.personName' } });
    if (!check.check(found)) return;
    void create.run({ body: { staffNo: v.staffNo.trim(), name: v.name.trim(), role: v.role } }).then(issue);
    setV({ staffNo: '', name: '', role: 'clerk' });
  };

  const busy = create.busy;
  return (
    <Panel
      title={t('admin.staff.title')}
      error={(create.error ?? failed?.error ?? staff.error)?.key}
      onDismissError={create.error ? create.clearError : failed?.clearError}
    >
      {issued ? (
        <IssuedCode
          title={t('admin.staff.issued', { name: issued.staff.name, staffNo: issued.staff.staffNo })}
          label={t('admin.staff.code')}
          code={issued.enrollmentCode}
          testId="enrollment-code"
          hint={t('admin.staff.codeHint')}
        />
      ) : null}
      <DataTable<Staff>
        rows={list}
        failed={staff.error !== null}
        rowKey={(s) => s.id}
        empty={t('admin.staff.none')}
        columns={[
          { header: t('admin.staff.staffNo'), rowHeader: true, cell: (s) => s.staffNo },
          { header: t('admin.staff.name'), cell: (s) => s.name },
          { header: t('admin.staff.role'), cell: (s) => t(`admin.staff.roles.${s.role}`) },
          { header: t('admin.staff.state'), cell: (s) => <StaffState s={s} now={staff.updatedAt} /> },
          {
            header: t('admin.terminals.actions'),
            cell: (s) => <StaffActions s={s} me={me} commands={commands} onIssued={issue} />,
          },
        ]}
      />
      <form className="admin-form admin-subform" onSubmit={submit} noValidate aria-labelledby={`${id}-add-h`}>
        <h3 id={`${id}-add-h`}>{t('admin.staff.addTitle')}</h3>
        <ProblemSummary form={check} />
        <div className="admin-form__grid">
          <Field id={fid('staffNo')} label={t('admin.staff.staffNo')} hint={t('admin.staff.staffNoHint')} problem={check.problemOf(fid('staffNo'))}>
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
          <Field id={fid('name')} label={t('admin.staff.name')} problem={check.problemOf(fid('name'))}>
            {(aria) => <input {...aria} maxLength={40} autoComplete="off" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
          </Field>
          <Field id={fid('role')} label={t('admin.staff.role')}>
            {(aria) => (
              <select {...aria} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as StaffRole })}>
                {grantableRoles(me.role, STAFF_ROLES).map((r) => (
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
    </Panel>
  );
}
