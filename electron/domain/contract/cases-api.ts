import { z } from 'zod';
import { RawFormSchema } from '../catalog/form-schema.js';
import { CASE_ACTIONS } from '../cases/case-machine.js';
import { URGENCIES } from '../cases/case-deadlines.js';
import { REFUSAL_REASON_CODES } from '../cases/refusal-reasons.js';
import { ADMIN, CLERK, STAFF_TERMINALS, SUPERVISORS } from './access.js';
import { ApplicationStatusSchema, CaseNumberSchema, FullApplicationSchema } from './applications-api.js';
import { IdParam, None, readRoute, route } from './route-spec.js';
import { BusinessLineSchema, IsoDateSchema } from './schemas.js';

/** A line of text a person typed: trimmed, no control characters (they would corrupt a notice). */
const typed = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed');
const Codes = z.array(z.string().max(60)).max(40);
const Version = z.number().int().nonnegative();
const CaseParam = z.object({ case: CaseNumberSchema }).strict();
/** The window the clerk acts at (its printer prints the papers, its counter screen shows the outcome)
 * and the version of the case the clerk was looking at. */
const AtWindow = { windowId: z.number().int().positive(), version: Version };

const StaffRefSchema = z.object({ staffNo: z.string(), name: z.string() });
export type StaffRef = z.infer<typeof StaffRefSchema>;

export const VERIFICATION_STATES = ['verified', 'not_verified', 'pending'] as const;

/** One required material as the clerk checks it: what the citizen said, what the hall verified. */
export const MaterialCheckSchema = z.object({
  code: z.string(),
  requirement: z.enum(['mandatory', 'deferrable', 'data_sharing']),
  /** At the kiosk: ticked as brought, left out (容缺), fetched online by the hall, or not asked. */
  declared: z.enum(['brought', 'missing', 'fetched', 'not_declared']),
  /** 数据跑路 (data-shared materials only): the online check; null for paper. */
  verification: z.enum(VERIFICATION_STATES).nullable(),
  /** A clerk saw the paper (ticked on accepting or on the supplement). */
  received: z.boolean(),
  /** Still to come (容缺). */
  outstanding: z.boolean(),
  supplyWithinDays: z.number().int().nullable(),
  /** A signed kinship pledge (亲属关系承诺书) may stand in while it is outstanding. */
  pledge: z.object({ relationship: z.string(), relativeIdField: z.string().nullable() }).nullable(),
});
export type MaterialCheck = z.infer<typeof MaterialCheckSchema>;

const DeadlineSchema = z.object({ date: IsoDateSchema, kind: z.enum(['supplement', 'promised']) });

export const CaseEventSchema = z.object({
  at: z.number().int(),
  action: z.string().nullable(),
  from: ApplicationStatusSchema.nullable(),
  to: ApplicationStatusSchema,
  staff: StaffRefSchema.nullable(),
  windowName: z.string().nullable(),
  note: z.string(),
  /** The step's sealed details, opened for the clerk (a refusal's wording, who collected). */
  detail: z.record(z.string(), z.string()).nullable(),
});

/** A case as the clerk works on it: the application against its service, and its history. */
export const CaseViewSchema = z.object({
  caseNumber: z.string(),
  serviceCode: z.string(),
  line: BusinessLineSchema,
  status: ApplicationStatusSchema,
  /** Send it back with an action: another change in between refuses the action (409). */
  version: Version,
  greenChannel: z.boolean(),
  idNumber: z.string(),
  form: FullApplicationSchema.shape.form,
  materials: z.array(MaterialCheckSchema),
  supplementBy: IsoDateSchema.nullable(),
  promisedBy: IsoDateSchema.nullable(),
  acceptedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  deadline: DeadlineSchema.nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  ticket: z.object({ id: z.number().int(), number: z.string() }).nullable(),
  /** 首接责任: who owns the case (the first to accept it, or whom it was transferred to). */
  owner: StaffRefSchema.nullable(),
  /** Where its ticket is being served right now (called or serving), and by whom. */
  holder: z.object({ windowId: z.number().int(), windowName: z.string(), staff: StaffRefSchema.nullable() }).nullable(),
  /** The actions that would succeed now, for the person asking. */
  allowed: z.array(z.enum(CASE_ACTIONS)),
  history: z.array(CaseEventSchema),
  formChanges: z.array(
    z.object({ at: z.number().int(), field: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable(), staff: StaffRefSchema }),
  ),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

/** A line of a case list: no ID number, the name masked (张*明). */
export const CaseSummarySchema = z.object({
  caseNumber: z.string(),
  /** For a decision taken from the list (a supervisor's extension, a transfer). */
  version: Version,
  serviceCode: z.string(),
  status: ApplicationStatusSchema,
  applicant: z.string(),
  owner: StaffRefSchema.nullable(),
  deadline: DeadlineSchema.nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  createdAt: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

/** What the counter screen facing the applicant shows after an action at its window. */
export const CaseOutcomeSchema = z.object({
  kind: z.enum(['accepted', 'supplement', 'rejected', 'completed', 'ready_for_collection', 'handed_over', 'withdrawn']),
  caseNumber: z.string(),
  serviceCode: z.string(),
  /** The ticket served when it happened: the screen shows it while that ticket is served. */
  ticketId: z.number().int().nullable(),
  at: z.number().int(),
  promisedBy: IsoDateSchema.nullable(),
  supplementBy: IsoDateSchema.nullable(),
  missing: z.array(z.string()),
  reason: z.enum(REFUSAL_REASON_CODES).nullable(),
  reasonText: z.string(),
});
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

const ActionResult = z.object({
  case: CaseViewSchema,
  /** Print jobs stored with the step, on the window's printer (none when it has no printer). */
  printed: z.array(z.object({ jobId: z.number().int(), kind: z.string() })),
  printer: z.boolean(),
});

function caseAction<B extends z.ZodRawShape>(path: string, body: B) {
  return route({
    method: 'POST',
    path: `/api/cases/:case/${path}`,
    access: CLERK,
    staff: 'any',
    params: CaseParam,
    query: None,
    body: z.object({ ...AtWindow, ...body }).strict(),
    response: ActionResult,
  });
}

function supervisorAction<B extends z.ZodRawShape>(path: string, body: B) {
  return route({
    method: 'POST',
    path: `/api/cases/:case/${path}`,
    access: ADMIN,
    staff: SUPERVISORS,
    params: CaseParam,
    query: None,
    body: z.object({ version: Version, ...body }).strict(),
    response: ActionResult,
  });
}

const Pledge = z
  .object({
    relativeName: typed(40).pipe(z.string().min(1, 'the relative’s name')),
    relativeIdNumber: typed(18).optional(),
    relationship: typed(20).pipe(z.string().min(1, 'the relationship')),
  })
  .strict();

const Collector = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('applicant') }).strict(),
  z.object({ kind: z.literal('agent'), name: typed(40).pipe(z.string().min(1, 'the agent’s name')), idNumber: z.string().trim().max(18) }).strict(),
]);

const CaseLists = z.object({ today: IsoDateSchema, cases: z.array(CaseSummarySchema) });

/**
 * Case work (办件): the clerk's view of an application against its service, the actions that move
 * it on (each one request, one transaction, one audit line, its papers on the window's printer),
 * 首接责任 and transfers, the deadline lists, the supervisor's decisions on overdue supplements,
 * a walk-in application started at the window, and the outcome on the counter screen.
 */
export const casesApi = {
  caseView: route({
    method: 'GET',
    path: '/api/cases/:case',
    access: STAFF_TERMINALS,
    staff: 'any',
    params: CaseParam,
    query: None,
    body: None,
    response: z.object({ case: CaseViewSchema }),
  }),

  /** An applicant's cases by ID number (the card on the window's reader, or typed). POST: the
   * number never sits in a URL or a log. */
  findCases: route({
    method: 'POST',
    path: '/api/cases/find',
    access: CLERK,
    staff: 'any',
    params: None,
    query: None,
    body: z.object({ idNumber: z.string().trim().toUpperCase().max(18) }).strict(),
    response: z.object({ cases: z.array(CaseSummarySchema) }),
  }),

  acceptCase: caseAction('accept', { received: Codes }),
  acceptCaseDeferred: caseAction('accept-deferred', { received: Codes, missing: Codes.min(1), pledge: Pledge.optional() }),
  supplementCase: caseAction('supplement', { received: Codes.min(1) }),
  refuseCase: caseAction('refuse', { reason: z.enum(REFUSAL_REASON_CODES), text: typed(500) }),
  completeCase: caseAction('complete', {}),
  handOverCase: caseAction('hand-over', { collector: Collector }),
  withdrawCase: caseAction('withdraw', {}),

  editCaseForm: route({
    method: 'PUT',
    path: '/api/cases/:case/form',
    access: CLERK,
    staff: 'any',
    params: CaseParam,
    query: None,
    body: z.object({ ...AtWindow, form: RawFormSchema }).strict(),
    response: z.object({ case: CaseViewSchema }),
  }),

  /** 首接责任 handed on: by the owner, or by a supervisor; always with a reason, always audited. */
  transferCase: route({
    method: 'POST',
    path: '/api/cases/:case/transfer',
    access: STAFF_TERMINALS,
    staff: 'any',
    params: CaseParam,
    query: None,
    body: z.object({ version: Version, toStaffNo: typed(20), reason: typed(200).pipe(z.string().min(1, 'say why')) }).strict(),
    response: z.object({ case: CaseViewSchema }),
  }),

  extendSupplement: supervisorAction('extend', { days: z.number().int().min(1).max(30), reason: typed(200).pipe(z.string().min(1, 'say why')) }),
  closeSupplement: supervisorAction('close', { reason: typed(200).pipe(z.string().min(1, 'say why')) }),

  myCases: readRoute('/api/cases/mine', CLERK, CaseLists, 'any'),
  caseDeadlines: readRoute('/api/cases/deadlines', STAFF_TERMINALS, CaseLists, SUPERVISORS),
  caseColleagues: readRoute('/api/cases/colleagues', STAFF_TERMINALS, z.object({ staff: z.array(StaffRefSchema) }), 'any'),

  /** A walk-in: the clerk fills the kiosk's form at the window (same checks), for its current ticket. */
  walkInCase: route({
    method: 'POST',
    path: '/api/cases/walk-in',
    access: CLERK,
    staff: 'any',
    params: None,
    query: None,
    body: z
      .object({
        requestId: z.string().uuid(),
        windowId: z.number().int().positive(),
        serviceCode: z.string().trim().min(1).max(60),
        form: RawFormSchema,
        materials: Codes,
      })
      .strict(),
    response: z.object({ case: CaseViewSchema, replayed: z.boolean() }),
  }),

  /** The last outcome at a window, for its counter screen after a reconnect. */
  windowOutcome: route({
    method: 'GET',
    path: '/api/windows/:id/outcome',
    access: ['display', 'clerk'],
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ outcome: CaseOutcomeSchema.nullable() }),
  }),
} as const;
