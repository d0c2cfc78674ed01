import { BACK_OFFICE_SYSTEMS } from '../../electron/domain/back-office/back-office.js';
import { AUDIT_ACTIONS, AUDIT_FAMILIES, auditActionKey } from '../../electron/domain/audit-actions.js';
import { ADMIN_SECTIONS } from '../../renderer/src/screens/admin/admin-sections.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUSINESS_LINES } from '../../electron/domain/business-lines.js';
import { NEXT_STEP, APPLICATION_STATUSES } from '../../electron/domain/contract/applications-api.js';
import { ServerEventSchema } from '../../electron/domain/contract/events.js';
import { DEVICE_STATUSES, PRINT_JOB_STATES, PRINTER_KINDS } from '../../electron/domain/contract/print-api.js';
import { ANNOUNCE_LANGUAGES, ERROR_CODES, STAFF_ROLES, TICKET_STATUSES, WINDOW_STATUSES } from '../../electron/domain/contract/schemas.js';
import { DEVICE_KINDS, DEVICE_STATES, DEVICE_TRANSPORTS } from '../../electron/domain/devices/device-contract.js';
import { CARD_TYPES } from '../../electron/domain/devices/id-card-text.js';
import { READ_FAILURES } from '../../electron/domain/devices/sam-status.js';
import { DEVICE_TEST_CODES, DetectionSourceSchema } from '../../electron/domain/devices/detected-device.js';
import { CHOICE_REASONS, TICKET_CLASSES } from '../../electron/domain/queue/calling-policy.js';
import { SCREEN_ROLES, TERMINAL_ROLES } from '../../electron/domain/roles.js';
import { DOCUMENT_KINDS } from '../../electron/host/printing/documents/types.js';
import { CASE_ACTIONS } from '../../electron/domain/cases/case-machine.js';
import { URGENCIES } from '../../electron/domain/cases/case-deadlines.js';
import { REFUSAL_REASON_CODES } from '../../electron/domain/cases/refusal-reasons.js';
import { CaseOutcomeSchema, MaterialCheckSchema, VERIFICATION_STATES } from '../../electron/domain/contract/cases-api.js';
import { DASHBOARD_ALERT_KINDS } from '../../electron/domain/contract/dashboard-api.js';
import { BAD_RATING_REASONS, RATING_CHANNELS, RATING_LEVELS } from '../../electron/domain/ratings/rating-levels.js';
import { RECTIFICATION_STATUSES, RECTIFICATION_STEPS } from '../../electron/domain/ratings/rectification-steps.js';
import { REPORT_COLUMNS } from '../../electron/domain/reports/report-columns.js';
import { REPORT_GROUPINGS } from '../../electron/domain/reports/report-figures.js';
import { CityLinkStatusSchema } from '../../electron/domain/contract/city-link-api.js';

/**
 * A key the code uses but the catalogs lack shows a citizen the raw key. This reads the renderer
 * and the domain code for every string that names a catalog key (it starts with one of the
 * catalogs' top-level sections: 'journey.error.required', `line.${l}`) and checks each against
 * all three catalogs. A key built from a value (a template) is checked by expanding the value's
 * known list where there is one (EXPANSIONS), else by its fixed part matching some key (DYNAMIC);
 * a new template must be added to one of the two, which is the point: someone decides.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCES = ['renderer/src', 'electron/domain'];
const LOCALES = ['zh-CN', 'mn', 'en'] as const;

/** Codes the renderer's API client adds to the host's own (renderer/src/api/client.ts). */
const CLIENT_ERROR_CODES = ['network', 'bad_response', 'invalid_input', 'aborted'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Template keys (the `${…}` part written *) and every value the part can take. */
const EXPANSIONS: Record<string, readonly (string | number)[]> = {
  'line.*': BUSINESS_LINES,
  'screen.*': TERMINAL_ROLES,
  'home.desc.*': SCREEN_ROLES,
  'error.*': [...ERROR_CODES, ...CLIENT_ERROR_CODES],
  'application.status.*': APPLICATION_STATUSES,
  'admin.staff.roles.*': STAFF_ROLES,
  'admin.windows.statuses.*': WINDOW_STATUSES,
  // A closed window is nobody's: it has its own key (clerk.status.closed).
  'clerk.status.*By': WINDOW_STATUSES.filter((s) => s !== 'closed'),
  'clerk.ticketStatus.*': TICKET_STATUSES,
  'clerk.class.*': TICKET_CLASSES,
  'kiosk.class.*': TICKET_CLASSES,
  'print.jobKind.*': DOCUMENT_KINDS,
  'print.jobState.*': PRINT_JOB_STATES,
  'print.kind.*': PRINTER_KINDS,
  'print.status.*': DEVICE_STATUSES,
  'device.kind.*': DEVICE_KINDS,
  'device.transport.*': DEVICE_TRANSPORTS,
  'device.state.*': DEVICE_STATES,
  'device.failure.*': READ_FAILURES,
  'device.cardType.*': CARD_TYPES,
  'device.detect.failed.*': DetectionSourceSchema.shape.problem.unwrap().options,
  'device.testResult.*': DEVICE_TEST_CODES,
  'admin.settings.lang.*': ANNOUNCE_LANGUAGES,
  'admin.settings.weekday.*': WEEKDAYS,
  'journey.weekday.*': WEEKDAYS,
  'admin.nav.*': ADMIN_SECTIONS.map((s) => s.id),
  'audit.family.*': AUDIT_FAMILIES,
  'audit.detail.reason.*': CHOICE_REASONS,
  'audit.action.*': AUDIT_ACTIONS.map((a) => a.replace('.', '_')),
  'cases.refusal.*': REFUSAL_REASON_CODES,
  'cases.urgency.*': URGENCIES,
  'cases.verification.*': VERIFICATION_STATES,
  'cases.requirement.*': MaterialCheckSchema.shape.requirement.options,
  'cases.declared.*': MaterialCheckSchema.shape.declared.options,
  // Every action of the state machine, and the two steps that change no status.
  'cases.history.action.*': [...CASE_ACTIONS, 'transfer', 'form_edit'],
  'cases.handOver.*': ['applicant', 'agent'],
  'counter.outcome.*': CaseOutcomeSchema.shape.kind.options,
  'admin.calendar.kind.*': ['holiday', 'workday', 'normal'],
  'backOffice.system.*': BACK_OFFICE_SYSTEMS,
  'admin.backOffice.kinds.*': ['submit', 'status'],
  // 'draining' is worded apart (with its minutes and time), so not through the template.
  'admin.backOffice.pace.outlook.*': ['clear', 'stalled', 'unknown'],
  'ratings.level.*': RATING_LEVELS.map((l) => l.code),
  'ratings.reason.*': BAD_RATING_REASONS,
  'ratings.channel.*': RATING_CHANNELS,
  'ratings.status.*': RECTIFICATION_STATUSES,
  'ratings.step.*': RECTIFICATION_STEPS,
  'ratings.filters.*': ['open', 'overdue', 'all'],
  'ratings.field.*': ['callback', 'fix', 'answer', 'appeal'],
  'dashboard.alert.*': DASHBOARD_ALERT_KINDS,
  'reports.col.*': REPORT_COLUMNS.map((c) => c.id),
  'reports.group.*': REPORT_GROUPINGS,
  'admin.city.states.*': CityLinkStatusSchema.shape.state.options,
};

/**
 * Template keys whose values come from a list inside one component or from a type, not from a
 * list the test can import: at least one key must match each.
 */
const DYNAMIC = new Set([
  'admin.settings.*',
  'admin.settings.hint.*',
  'admin.settings.unit.*',
  'admin.setup.*',
  'admin.setup.*Hint',
  'admin.windows.*',
  'clerk.phrases.*',
  'counter.replies.*',
  'ime.mode.*',
  'device.problem.*',
  'device.scan.*',
  'journey.error.*',
  'journey.guide.*',
  'journey.question.*',
  'journey.welcome.*',
  'journey.welcome.*Desc',
  'kiosk.class.*Desc',
  'kiosk.green.*',
  'print.notice.*',
  'print.target.*',
]);

function flatten(obj: Record<string, unknown>, prefix = '', out = new Set<string>()): Set<string> {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) flatten(v as Record<string, unknown>, key, out);
    else out.add(key);
  }
  return out;
}

const catalogs = Object.fromEntries(
  LOCALES.map((l) => [l, flatten(JSON.parse(readFileSync(join(ROOT, 'renderer/src/i18n/locales', `${l}.json`), 'utf8')) as Record<string, unknown>)]),
) as Record<(typeof LOCALES)[number], Set<string>>;
const sections = new Set([...catalogs['zh-CN']].map((k) => k.split('.')[0]));
/** Strings that look like keys but are not: the types of pushed events ('device.card' …). */
const EVENT_TYPES = new Set<string>(ServerEventSchema.options.map((o) => o.shape.type.value));
/** …and the audit log's action codes ('staff.create' …), whose readable names are audit.action.*. */
const NOT_KEYS = new Set<string>([...EVENT_TYPES, ...AUDIT_ACTIONS]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const LITERAL = /(['"])([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)\1/g;
const TEMPLATE = /`([a-z][A-Za-z0-9]*\.[^`]*?\$\{[^`]*?)`/g;

const literals = new Map<string, string>();
const templates = new Map<string, string>();
for (const file of SOURCES.flatMap(sourceFiles)) {
  const text = readFileSync(file, 'utf8');
  const where = file.slice(ROOT.length);
  for (const [, , key] of text.matchAll(LITERAL)) {
    if (key && sections.has(key.split('.')[0]) && !NOT_KEYS.has(key)) literals.set(key, where);
  }
  for (const [, body] of text.matchAll(TEMPLATE)) {
    if (body && sections.has(body.split('.')[0])) templates.set(body.replace(/\$\{[^}]*\}/g, '*'), where);
  }
}

const missingIn = (key: string) => LOCALES.filter((l) => !catalogs[l].has(key));

describe('i18n keys used by the code', () => {
  it('finds the keys it checks', () => {
    expect(literals.size).toBeGreaterThan(300);
    expect(templates.size).toBeGreaterThan(20);
  });

  it('every literal key exists in every catalog', () => {
    const missing = [...literals]
      .filter(([key]) => missingIn(key).length > 0)
      .map(([key, file]) => `${key} (${file}; missing in ${missingIn(key).join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('every key a domain table holds exists in every catalog', () => {
    const keys = [...Object.values(NEXT_STEP), ...ERROR_CODES.map((c) => `error.${c}`), ...AUDIT_ACTIONS.map(auditActionKey)];
    expect(keys.filter((k) => missingIn(k).length > 0)).toEqual([]);
  });

  it('every template key is expanded from its values or listed as dynamic', () => {
    const unlisted = [...templates].filter(([pattern]) => !(pattern in EXPANSIONS) && !DYNAMIC.has(pattern)).map(([p, file]) => `${p} (${file})`);
    expect(unlisted, 'add each to EXPANSIONS with the list of its values, or to DYNAMIC').toEqual([]);
  });

  it('every expansion of a template key exists in every catalog', () => {
    const missing: string[] = [];
    for (const [pattern, values] of Object.entries(EXPANSIONS)) {
      for (const v of values) {
        const key = pattern.replace('*', String(v));
        if (missingIn(key).length > 0) missing.push(`${key} (missing in ${missingIn(key).join(', ')})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every dynamic template key matches some key in every catalog', () => {
    const unmatched: string[] = [];
    for (const pattern of DYNAMIC) {
      const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace('*', '[^.]+')}$`);
      for (const l of LOCALES) if (![...catalogs[l]].some((k) => re.test(k))) unmatched.push(`${pattern} in ${l}`);
    }
    expect(unmatched).toEqual([]);
  });
});
