import { z } from 'zod';
import { ADMIN, SELF_SERVICE, SUPERVISORS } from './access.js';
import { IdParam, None, readRoute, route } from './route-spec.js';
import { LanguageSchema, TerminalRoleSchema } from './schemas.js';

/** Printing's part of the API: each terminal's printer, its status and recent jobs, reprints. */
export const PRINTER_KINDS = ['cups', 'folder', 'electron', 'none'] as const;
export const PrinterKindSchema = z.enum(PRINTER_KINDS);

export const PrinterConfigSchema = z
  .object({
    kind: PrinterKindSchema,
    /** cups: queue name; folder: absolute path; electron: device name ('' = system default). */
    target: z.string().trim().max(300),
    /** CUPS media override ('' = from the document). */
    media: z
      .string()
      .trim()
      .max(60)
      .regex(/^[A-Za-z0-9._-]*$/),
  })
  .strict()
  .refine((c) => c.kind === 'none' || c.kind === 'electron' || c.target.length > 0, { message: 'a CUPS queue or folder needs a target', path: ['target'] });
export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;

/**
 * Where a terminal's papers actually go: its own setting, else the printer its agent reported from
 * its machine ('agent', target saying which: `cups:PDF`), else the host's default, else none.
 */
export const EffectivePrinterSchema = z.object({
  kind: z.enum([...PRINTER_KINDS, 'agent']),
  target: z.string(),
  media: z.string(),
});
export type EffectivePrinter = z.infer<typeof EffectivePrinterSchema>;

export const DEVICE_STATUSES = ['ok', 'paper_out', 'offline', 'failed', 'none'] as const;
export const PrinterStatusSchema = z.enum(DEVICE_STATUSES);
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

export const PRINT_JOB_STATES = ['queued', 'sending', 'held', 'sent', 'completed', 'failed'] as const;

export const PrintJobSchema = z.object({
  id: z.number().int().positive(),
  kind: z.string(),
  /** The ticket or case number printed (never personal data). */
  label: z.string(),
  state: z.enum(PRINT_JOB_STATES),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  reprintOf: z.number().int().positive().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const TerminalPrinterSchema = z.object({
  terminalId: z.number().int().positive(),
  name: z.string(),
  role: TerminalRoleSchema,
  /** Its own setting; null = the host's default. */
  setting: PrinterConfigSchema.nullable(),
  effective: EffectivePrinterSchema,
  status: PrinterStatusSchema,
  detail: z.string(),
  jobs: z.array(PrintJobSchema),
});
export type TerminalPrinter = z.infer<typeof TerminalPrinterSchema>;

const HallName = z.string().trim().min(1).max(60);

export const printApi = {
  listPrinters: readRoute(
    '/api/printers',
    ADMIN,
    z.object({ hallName: z.string(), defaultPrinter: PrinterConfigSchema.nullable(), terminals: z.array(TerminalPrinterSchema) }),
  ),

  setPrinter: route({
    method: 'PUT',
    path: '/api/printers/:id',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: z.object({ setting: PrinterConfigSchema.nullable() }).strict(),
    response: z.object({ printer: TerminalPrinterSchema }),
  }),

  reprintJob: route({
    method: 'POST',
    path: '/api/print-jobs/:id/reprint',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: None,
    response: z.object({ job: PrintJobSchema }),
  }),

  setHallName: route({
    method: 'PUT',
    path: '/api/hall-name',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: z.object({ hallName: HallName }).strict(),
    response: z.object({ hallName: z.string() }),
  }),

  /** The caller's own printer, for the kiosk's notice when it first draws. */
  printerStatus: readRoute('/api/printer-status', ['kiosk', 'booth', 'clerk'], z.object({ status: PrinterStatusSchema, detail: z.string() })),

  /**
   * The one-time notice (一次性告知书) on paper at the citizen's request: everything the service
   * needs and what they still lack. 409 no_printer when the terminal prints nothing.
   */
  printNotice: route({
    method: 'POST',
    path: '/api/print/notice',
    access: SELF_SERVICE,
    params: None,
    query: None,
    body: z
      .object({
        serviceCode: z.string().trim().min(1).max(60),
        language: LanguageSchema,
        /** Codes of the service's materials the citizen lacks. */
        missing: z.array(z.string().max(60)).max(40).optional(),
      })
      .strict(),
    response: z.object({ jobId: z.number().int().positive() }),
  }),
} as const;
