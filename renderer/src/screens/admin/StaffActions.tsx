import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Staff, type StaffRole } from '@domain/contract/schemas.js';
import { grantableRoles, mayManage } from '@domain/staff/rank.js';
import { ConfirmButton } from '../../components/panel/ConfirmButton.js';
import type { Command } from '../../data/use-command.js';

export interface StaffCommands {
  reset: Command<'resetStaff'>;
  disable: Command<'disableStaff'>;
  enable: Command<'enableStaff'>;
  role: Command<'setStaffRole'>;
}

/**
 * What the signed-in supervisor may do to one account: reset its PIN, disable or re-enable it,
 * change its role. Offered only within their rank (the host refuses the rest anyway), never on
 * their own account; disabling asks twice.
 */
export function StaffActions({
  s,
  me,
  commands,
  onIssued,
}: {
  s: Staff;
  me: Staff;
  commands: StaffCommands;
  onIssued: (r: { staff: Staff; enrollmentCode: string }) => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<StaffRole>(s.role);
  if (!mayManage(me.role, s.role)) return <span className="muted">{t('admin.staff.outranks')}</span>;
  const busy = Object.values(commands).some((c) => c.busy);
  const self = s.id === me.id;
  return (
    <div className="staff-actions">
      <button
        type="button"
        className="btn"
        disabled={busy}
        aria-label={t('admin.staff.resetLabel', { name: s.name })}
        onClick={() => void commands.reset.run({ params: { id: s.id } }).then((r) => r && onIssued(r))}
      >
        {t('admin.staff.reset')}
      </button>
      {self ? null : s.disabled ? (
        <button type="button" className="btn" disabled={busy} onClick={() => void commands.enable.run({ params: { id: s.id } })}>
          {t('admin.staff.enable')}
        </button>
      ) : (
        <ConfirmButton
          label={t('admin.staff.disable')}
          ariaLabel={t('admin.staff.disableLabel', { name: s.name })}
          question={t('admin.staff.disableQuestion', { name: s.name })}
          confirm={t('admin.staff.disableConfirm')}
          busy={busy}
          onConfirm={() => commands.disable.run({ params: { id: s.id } })}
        />
      )}
      {self ? null : (
        <span className="staff-actions__role">
          <label className="visually-hidden" htmlFor={`staff-role-${s.id}`}>
            {t('admin.staff.roleOf', { name: s.name })}
          </label>
          <select id={`staff-role-${s.id}`} value={role} onChange={(e) => setRole(e.target.value as StaffRole)} disabled={busy}>
            {grantableRoles(me.role, STAFF_ROLES).map((r) => (
              <option key={r} value={r}>
                {t(`admin.staff.roles.${r}`)}
              </option>
            ))}
          </select>
          {role !== s.role ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void commands.role.run({ params: { id: s.id }, body: { role } })}>
              {t('admin.staff.setRole')}
            </button>
          ) : null}
        </span>
      )}
    </div>
  );
}
