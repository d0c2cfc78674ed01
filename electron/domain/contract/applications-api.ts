import { z } from 'zod';
import { RawFormSchema } from '../catalog/form-schema.js';
import { CLERK, SELF_SERVICE } from './access.js';
import { AppointmentCodeSchema } from './appointments-api.js';
import { IdParam, None, route } from './route-spec.js';
import { BusinessLineSchema, IsoDateSchema, LanguageSchema, TicketSchema } from './schemas.js';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'completed',
  'supplement_pending',
  'rejected',
  'withdrawn',
  'ready_for_collection',
  'handed_over',
] as const;
export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

/** What the citizen should do next, as a text key the renderer translates. */
export const NEXT_STEP: Readonly<Record<ApplicationStatus, string>> = {
  draft: 'application.next.finish_at_kiosk',
  submitted: 'application.next.await_call',
  accepted: 'application.next.in_progress',
  completed: 'application.next.done',
  supplement_pending: 'application.next.supply_materials',
  rejected: 'application.next.see_notice',
  withdrawn: 'application.next.none',
  ready_for_collection: 'application.next.collect',
  handed_over: 'application.next.none',
};

const ServiceCode = z.string().trim().min(1).max(60);
export const RequestId = z.string().uuid('requestId must be a UUID made by the kiosk');
/** A name as on the ID card: Han characters, with the middle dot some names carry, at most 40. */
export const HAN_NAME = /^[\p{Script=Han}·•・.]+$/u;
/** Codes of the materials the citizen ticked as brought (data-shared ones need not be listed). */
const Materials = z.array(z.string().max(60)).max(40);

export const ApplicationSummarySchema = z.object({
  caseNumber: z.string(),
  serviceCode: z.string(),
  line: BusinessLineSchema,
  status: ApplicationStatusSchema,
  greenChannel: z.boolean(),
  /** 容缺: missing deferrable materials, to be supplied by `supplementBy`. */
  missingMaterials: z.array(z.string()),
  supplementBy: IsoDateSchema.nullable(),
  /** The promised completion date (time limit in working days; today when done on the spot). */
  promisedBy: IsoDateSchema,
  createdAt: z.number().int(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;

/** The whole record, ID number included: only ever to the staff member handling it. */
export const FullApplicationSchema = ApplicationSummarySchema.extend({
  idNumber: z.string(),
  form: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ surname: z.string(), givenName: z.string() })])),
  /** The papers the citizen said they brought; never what the hall fetches online (数据跑路). */
  materialsProvided: z.array(z.string()),
});
export type FullApplication = z.infer<typeof FullApplicationSchema>;

/** Case numbers (YZ + service day + sequence) and the ID ending the progress query asks for. */
export const CASE_NUMBER_PATTERN = /^YZ\d{8}-\d{4,6}$/;
export const ID_LAST4_PATTERN = /^\d{3}[\dX]$/;
export const CaseNumberSchema = z.string().trim().toUpperCase().regex(CASE_NUMBER_PATTERN, 'expected a case number like YZ20261124-0001');
const CaseNumber = CaseNumberSchema;

const TicketAnswer = {
  /** Null when a 24-hour booth takes the application while the hall is closed: there is no queue
   * to join, and a ticket would belong to a day whose windows never open (see hallOpensAt). */
  ticket: TicketSchema.nullable(),
  ahead: z.number().int().nonnegative().nullable(),
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
  /** With no ticket: when the hall opens next (epoch ms), to come with the case number. */
  hallOpensAt: z.number().int().nullable(),
  /** True when this answers a repeated request (same requestId): nothing new was created. */
  replayed: z.boolean(),
};

/**
 * A kiosk's submission: its idempotency key, the service and the citizen's language with what the
 * route adds; answered with what was stored and the ticket to wait with.
 */
function submission<B extends z.ZodRawShape, A extends z.ZodRawShape>(path: string, body: B, answer: A) {
  return route({
    method: 'POST',
    path,
    access: SELF_SERVICE,
    params: None,
    query: None,
    body: z.object({ requestId: RequestId, serviceCode: ServiceCode, language: LanguageSchema.optional(), ...body }).strict(),
    response: z.object({ ...answer, ...TicketAnswer }),
  });
}

/**
 * The application (办件): submitted at a kiosk together with its ticket (alone or as a tour group),
 * the progress query, the pinyin proposal for the form, and the full record for the clerk serving
 * it. Answers to a kiosk never carry the applicant's name or full ID number (its screen is public).
 */
export const applicationsApi = {
  submitApplication: submission(
    '/api/applications',
    {
      form: RawFormSchema,
      materials: Materials,
      /** Arriving with an appointment: its code, checked and used up with the submission. */
      appointmentCode: AppointmentCodeSchema.optional(),
    },
    { application: ApplicationSummarySchema },
  ),

  /** A tour group: one application per member, one ticket for them all. */
  submitGroupApplication: submission(
    '/api/applications/group',
    {
      members: z
        .array(z.object({ form: RawFormSchema, materials: Materials }).strict())
        .min(2)
        .max(60),
    },
    { applications: z.array(ApplicationSummarySchema) },
  ),

  applicationProgress: route({
    method: 'GET',
    path: '/api/applications/progress',
    access: SELF_SERVICE,
    params: None,
    query: z
      .object({
        case: CaseNumber,
        last4: z.string().trim().toUpperCase().regex(ID_LAST4_PATTERN, 'expected the last 4 characters of the ID number'),
      })
      .strict(),
    body: None,
    response: z.object({
      caseNumber: z.string(),
      serviceCode: z.string(),
      status: ApplicationStatusSchema,
      nextStep: z.string(),
      supplementBy: IsoDateSchema.nullable(),
      promisedBy: IsoDateSchema,
      /** Still to bring (容缺), by material code. */
      missingMaterials: z.array(z.string()),
      /** Each status the case reached, with when (epoch ms): the citizen's view of its history. */
      history: z.array(z.object({ status: ApplicationStatusSchema, at: z.number().int() })),
    }),
  }),

  /**
   * The passport-style pinyin proposal for a Chinese name (单 → SHAN), worked out by the host so the
   * kiosk need not bundle the pinyin dictionary. POST so that a name never sits in a URL or a log.
   */
  proposePinyin: route({
    method: 'POST',
    path: '/api/pinyin',
    access: SELF_SERVICE,
    params: None,
    query: None,
    body: z
      .object({
        name: z
          .string()
          .transform((s) => s.replace(/\s+/g, ''))
          .pipe(z.string().min(1, 'enter a name').max(40, 'a name is at most 40 characters').regex(HAN_NAME, 'the name must be in Chinese characters')),
      })
      .strict(),
    response: z.object({ surname: z.string(), givenName: z.string() }),
  }),

  /**
   * The pre-filled applications on the ticket being served at a window (a group ticket has one per
   * member), in full — ID number included — and so only to the staff member serving at that window.
   */
  windowApplications: route({
    method: 'GET',
    path: '/api/windows/:id/applications',
    access: CLERK,
    staff: 'any',
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ applications: z.array(FullApplicationSchema) }),
  }),
} as const;
