import { z } from 'zod';
import { BusinessLineSchema, IsoDateSchema, LanguageSchema } from '../../../domain/contract/schemas.js';
import { TICKET_NUMBER_PATTERN } from '../../../domain/ticket-number.js';

/**
 * The typed input of every printed document. Jobs store these as JSON and documents are rendered
 * from them when sent, so a retry or a reprint prints the same paper. Full ID numbers come in and
 * are masked by the document itself: no module can forget to.
 */
/** A document is printed in the citizen's language (a Mongolian one carries Chinese as well). */
export const PrintLanguageSchema = LanguageSchema;
export type PrintLanguage = z.infer<typeof PrintLanguageSchema>;

const Text = z.string().trim().min(1).max(200);
const IdNumber = z.string().trim().min(4).max(40);
const CaseNumber = z.string().regex(/^[A-Z0-9-]{6,32}$/);

/** Who printed it, where and when: on every slip and receipt. */
const Header = {
  language: PrintLanguageSchema,
  hallName: Text,
  /** The kiosk's or window's name. */
  terminalName: Text,
  printedAt: z.number().int(),
  timeZone: z.string().min(1).max(64),
};

/** What a ticket slip adds for an application: the service and each case with its applicant. */
export const SlipApplicationSchema = z.object({
  /** In the slip's language (Chinese for a Mongolian slip, whose script runs vertically). */
  serviceName: Text,
  /** The Mongolian name, set vertically beside the Chinese on a Mongolian speaker's slip. */
  serviceNameMn: Text.optional(),
  cases: z
    .array(
      z.object({
        caseNumber: CaseNumber,
        /** Masked by the document; the host passes it masked already, so no full number is stored in a print job. */
        idNumber: IdNumber,
      }),
    )
    .min(1)
    .max(60),
});
export type SlipApplication = z.infer<typeof SlipApplicationSchema>;

export const TicketSlipDataSchema = z.object({
  ...Header,
  number: z.string().regex(TICKET_NUMBER_PATTERN),
  line: BusinessLineSchema,
  serviceDay: IsoDateSchema,
  ahead: z.number().int().nonnegative(),
  /** Absent until the queue can estimate it. */
  estimatedWaitMinutes: z.number().int().nonnegative().optional(),
  /** The ticket came with an application submitted at the kiosk (one case per group member). */
  application: SlipApplicationSchema.optional(),
});
export type TicketSlipData = z.infer<typeof TicketSlipDataSchema>;

const Material = z.object({ name: Text, note: z.string().trim().max(200).optional() });

export const OneTimeNoticeDataSchema = z.object({
  ...Header,
  serviceName: Text,
  caseNumber: CaseNumber.optional(),
  idNumber: IdNumber.optional(),
  /** Everything the service needs, and which of it the citizen lacks today: absent when the
   * notice is printed before the citizen said what they brought (nothing is "complete" then). */
  required: z.array(Material).min(1).max(40),
  missing: z.array(Material).max(40).optional(),
  timeLimitDays: z.number().int().nonnegative(),
  /** The fee as the hall set it (yuan, 0 = free) and its note; absent on jobs stored before. */
  feeYuan: z.number().nonnegative().optional(),
  feeNote: Text.optional(),
});
export type OneTimeNoticeData = z.infer<typeof OneTimeNoticeDataSchema>;

const Case = {
  ...Header,
  caseNumber: CaseNumber,
  serviceName: Text,
  applicantName: Text,
  idNumber: IdNumber,
  clerkName: Text,
};

export const AcceptanceReceiptDataSchema = z.object({
  ...Case,
  acceptedAt: z.number().int(),
  materials: z.array(Text).max(40),
  timeLimitDays: z.number().int().nonnegative(),
  feeYuan: z.number().nonnegative(),
  /** The promised completion date in working days (承诺办结日期); absent on receipts printed
   * before case work existed (stored jobs are rendered again on a retry or reprint). */
  promisedBy: IsoDateSchema.optional(),
});
export type AcceptanceReceiptData = z.infer<typeof AcceptanceReceiptDataSchema>;

export const SupplementNoticeDataSchema = z.object({
  ...Case,
  missing: z.array(Material).min(1).max(40),
  /** The last day to bring the missing material, YYYY-MM-DD in the hall's time zone. */
  deadline: IsoDateSchema,
  /** Printed in two copies: the applicant keeps one, the window files the other, signed. */
  copy: z.enum(['applicant', 'file']).optional(),
});
export type SupplementNoticeData = z.infer<typeof SupplementNoticeDataSchema>;

export const KinshipPledgeDataSchema = z.object({
  ...Case,
  relativeName: Text,
  /** Absent when the relative has none yet (a newborn) or it is not at hand: left to fill in by hand. */
  relativeIdNumber: IdNumber.optional(),
  relationship: Text,
});
export type KinshipPledgeData = z.infer<typeof KinshipPledgeDataSchema>;

export const RejectionNoticeDataSchema = z.object({
  ...Case,
  reason: z.string().trim().min(1).max(1000),
  legalBasis: z.string().trim().max(500).optional(),
});
export type RejectionNoticeData = z.infer<typeof RejectionNoticeDataSchema>;

export const CollectionReceiptDataSchema = z.object({
  ...Case,
  collectedAt: z.number().int(),
  /** The applicant in person, or an agent (受托人) with their own ID card. */
  collector: z.discriminatedUnion('kind', [z.object({ kind: z.literal('applicant') }), z.object({ kind: z.literal('agent'), name: Text, idNumber: IdNumber })]),
});
export type CollectionReceiptData = z.infer<typeof CollectionReceiptDataSchema>;

export const WithdrawalNoticeDataSchema = z.object({
  ...Case,
  withdrawnAt: z.number().int(),
  /** Withdrawn at the applicant's request, or closed by the hall when the 容缺 date passed. */
  by: z.enum(['applicant', 'supplement_overdue']),
});
export type WithdrawalNoticeData = z.infer<typeof WithdrawalNoticeDataSchema>;

/** 大厅运行日报 (A4): a day's figures, worded by the reports (electron/host/reports) before they are stored. */
export const DailyReportDataSchema = z.object({
  hallName: Text,
  terminalName: Text,
  printedAt: z.number().int(),
  timeZone: z.string().min(1).max(64),
  /** Absent: the hall's own 大厅运行日报; the city's report across halls names itself. */
  title: Text.optional(),
  day: IsoDateSchema,
  summary: z.array(z.object({ label: Text, value: z.string().trim().min(1).max(60) })).max(40),
  sections: z.array(z.object({ title: Text, lines: z.array(z.string().trim().min(1).max(300)).max(80) })).max(6),
});
export type DailyReportData = z.infer<typeof DailyReportDataSchema>;

export const DOCUMENT_KINDS = [
  'ticket_slip',
  'one_time_notice',
  'acceptance_receipt',
  'supplement_notice',
  'kinship_pledge',
  'rejection_notice',
  'collection_receipt',
  'withdrawal_notice',
  'daily_report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);

/** A document to print: its kind and its data, checked together. */
export const DocumentRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket_slip'), data: TicketSlipDataSchema }),
  z.object({ kind: z.literal('one_time_notice'), data: OneTimeNoticeDataSchema }),
  z.object({ kind: z.literal('acceptance_receipt'), data: AcceptanceReceiptDataSchema }),
  z.object({ kind: z.literal('supplement_notice'), data: SupplementNoticeDataSchema }),
  z.object({ kind: z.literal('kinship_pledge'), data: KinshipPledgeDataSchema }),
  z.object({ kind: z.literal('rejection_notice'), data: RejectionNoticeDataSchema }),
  z.object({ kind: z.literal('collection_receipt'), data: CollectionReceiptDataSchema }),
  z.object({ kind: z.literal('withdrawal_notice'), data: WithdrawalNoticeDataSchema }),
  z.object({ kind: z.literal('daily_report'), data: DailyReportDataSchema }),
]);
export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

/** What the QR code carries: a reference the progress query (kiosk, booth, phone) understands. */
export function progressRef(kind: 'ticket' | 'case', value: string): string {
  return kind === 'ticket' ? `YZ:T:${value}` : `YZ:C:${value}`;
}
