import { auditActionKey } from '@domain/audit-actions.js';
import { BUSINESS_LINES } from '@domain/business-lines.js';
import { APPLICATION_STATUSES } from '@domain/contract/applications-api.js';
import { CHOICE_REASONS } from '@domain/queue/calling-policy.js';

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

/** What the audit detail may name that only the catalog can put in words: a service and its papers. */
export interface DetailLookups {
  service: (code: string) => string | null;
  material: (service: string | null, code: string) => string | null;
}

/**
 * The detail of an audit entry in words. The host writes it as short "; "-separated parts in codes
 * (`window 3; green`, `household_certificate; promised 2026-12-08`) because the hash chain covers
 * the text as written; the screen reads each part it knows and leaves the rest as it is, so an
 * entry from a newer host still shows.
 */
export function detailText(detail: string, t: T, look: DetailLookups): string {
  if (detail === '') return '';
  let service: string | null = null;
  const papers = (list: string) =>
    list
      .split(', ')
      .map((c) => look.material(service, c) ?? c)
      .join('、');
  const lines = (list: string) =>
    list
      .split('/')
      .filter(Boolean)
      .map((l) => ((BUSINESS_LINES as readonly string[]).includes(l) ? t(`line.${l}`) : l))
      .join('、');
  return detail
    .split('; ')
    .map((part) => {
      let x: RegExpExecArray | null;
      if ((x = /^window (\d+)$/.exec(part))) return t('audit.detail.window', { n: x[1] ?? '' });
      if ((x = /^recall (\d+)$/.exec(part))) return t('audit.detail.recall', { n: x[1] ?? '' });
      if ((CHOICE_REASONS as readonly string[]).includes(part)) return t(`audit.detail.reason.${part}`);
      if ((x = /^promised (\d{4}-\d{2}-\d{2})$/.exec(part))) return t('audit.detail.promised', { date: x[1] ?? '' });
      if ((x = /^by (\d{4}-\d{2}-\d{2})$/.exec(part))) return t('audit.detail.by', { date: x[1] ?? '' });
      if ((x = /^missing (.+)$/.exec(part))) return t('audit.detail.missing', { list: papers(x[1] ?? '') });
      if ((x = /^supplied (.+)$/.exec(part))) return t('audit.detail.supplied', { list: papers(x[1] ?? '') });
      if ((x = /^A ([a-z_/]*)$/.exec(part))) return t('audit.detail.primary', { lines: lines(x[1] ?? '') });
      if ((x = /^B ([a-z_/]*)$/.exec(part))) return t('audit.detail.backup', { lines: lines(x[1] ?? '') });
      if (part === 'kinship pledge') return t('audit.detail.kinshipPledge');
      if ((APPLICATION_STATUSES as readonly string[]).includes(part)) return t(`application.status.${part}`);
      const name = /^[a-z][a-z0-9_]*$/.test(part) ? look.service(part) : null;
      if (name !== null) {
        service = part;
        return name;
      }
      return part;
    })
    .join('；');
}
