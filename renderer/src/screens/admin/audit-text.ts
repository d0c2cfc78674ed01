import { auditActionKey } from '@domain/audit-actions.js';

type T = (key: string, values?: Record<string, string | number>) => string;

/** The audit log's actor, in words: a staff number at a terminal, a terminal, or the host itself. */
export function actorText(actor: string, t: T, terminalName: (id: number) => string): string {
  if (actor === 'system') return t('audit.actor.system');
  const staff = /^staff:([^@]+)@terminal:(\d+|\?)$/.exec(actor);
  if (staff) return t('audit.actor.staffAt', { staffNo: staff[1] ?? '', terminal: staff[2] === '?' ? '?' : terminalName(Number(staff[2])) });
  const terminal = /^terminal:(\d+)$/.exec(actor);
  if (terminal) return t('audit.actor.terminal', { terminal: terminalName(Number(terminal[1])) });
  return actor;
}

/** What an entry acted on, in words; ticket and case numbers stand as they are. */
export function targetText(target: string, t: T, terminalName: (id: number) => string): string {
  const m = (re: RegExp) => re.exec(target);
  let x: RegExpExecArray | null;
  if ((x = m(/^staff:(.+)$/))) return t('audit.target.staff', { staffNo: x[1] ?? '' });
  if ((x = m(/^terminal[: ](\d+)$/))) return t('audit.target.terminal', { terminal: terminalName(Number(x[1])) });
  if ((x = m(/^window (\d+)$/))) return t('audit.target.window', { n: x[1] ?? '' });
  if ((x = m(/^appointment (\d+)$/))) return t('audit.target.appointment', { n: x[1] ?? '' });
  if ((x = m(/^device (.+)$/))) return t('audit.target.device', { name: x[1] ?? '' });
  if (target === 'hall') return t('audit.target.hall');
  return target;
}

/** The action's readable name, or its code where the catalog has none (a newer host). */
export function actionText(action: string, t: T, exists: (key: string) => boolean): string {
  const key = auditActionKey(action);
  return exists(key) ? t(key) : action;
}

/** One CSV field: quoted, quotes doubled; a leading =, +, - or @ defused for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
