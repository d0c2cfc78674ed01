/**
 * Every action the audit log records, by its stable code. One list, so that the host can only
 * write a known action (the audit store's type) and the admin screen has a readable name for each
 * (i18n `audit.action.<code with _ for .>`; a test holds the catalogs to this list).
 */
export const AUDIT_ACTIONS = [
  'staff.setup_first_admin',
  'staff.create',
  'staff.enroll',
  'staff.sign_in',
  'staff.sign_in_failed',
  'staff.locked',
  'staff.sign_out',
  'staff.reset_pin',
  'staff.disable',
  'staff.enable',
  'staff.role',
  'window.create',
  'window.update',
  'window.open',
  'window.paused',
  'window.closed',
  'window.take_over',
  'ticket.call',
  'ticket.recall',
  'ticket.start',
  'ticket.finish',
  'ticket.no_show',
  'ticket.transfer',
  'ticket.reinstate',
  'terminal.pairing_code',
  'terminal.pair',
  'terminal.revoke',
  'device.create',
  'device.update',
  'device.delete',
  'printer.set',
  'hall.rename',
  'settings.update',
  'catalog.update',
  'appointment.create',
  'appointment.change',
  'appointment.cancel',
  'appointment.use',
  'application.submit',
  'application.view',
  'retention.purge',
  'case.view',
  'case.find',
  'case.form_edit',
  'case.transfer',
  'case.accept',
  'case.accept_deferred',
  'case.supplement',
  'case.refuse',
  'case.complete',
  'case.hand_over',
  'case.withdraw',
  'case.extend',
  'case.close_overdue',
  'calendar.set',
  'device.bind',
  'device.enable',
  'device.disable',
  'city.enrol',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The families the admin screen filters by: the part before the dot. */
export const AUDIT_FAMILIES = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0] as string))] as readonly string[];

/** The i18n key of an action's readable name. */
export const auditActionKey = (action: string): string => `audit.action.${action.replace('.', '_')}`;
