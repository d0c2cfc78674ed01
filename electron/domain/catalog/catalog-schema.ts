import { z } from 'zod';
import { BUSINESS_LINES } from '../business-lines.js';

/**
 * The shape of the service catalog: what the kiosk shows (the one-time notice, 一次性告知), what
 * it asks (typed form fields) and what the host checks on submission. The catalog is data in the
 * repo (catalog/services-*.ts), validated by this schema at load and by tests/unit/catalog.test.ts.
 */

export const CATALOG_LANGUAGES = ['zh-CN', 'mn', 'en'] as const;
export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];

/** A text in every UI language; an empty string counts as missing (the kiosk would show a hole). */
export const TextSchema = z
  .object({
    'zh-CN': z.string().trim().min(1),
    // Traditional Mongolian script: at least one letter of the Mongolian block (U+1800–U+18AF),
    // so that a Cyrillic or Latin placeholder cannot pass for a translation.
    mn: z
      .string()
      .trim()
      .min(1)
      .regex(/[\u1820-\u18AF]/, 'Mongolian text must be in traditional script (U+1800–U+18AF)'),
    en: z.string().trim().min(1),
  })
  .strict();
export type Text = z.infer<typeof TextSchema>;

export const CODE_PATTERN = /^[a-z][a-z0-9_]{2,40}$/;

export const MaterialSchema = z.discriminatedUnion('requirement', [
  z.object({ code: z.string().regex(CODE_PATTERN), name: TextSchema, requirement: z.literal('mandatory') }).strict(),
  /** 容缺: accepted without it; the citizen supplies it within `supplyWithinDays` working days. */
  z
    .object({
      code: z.string().regex(CODE_PATTERN),
      name: TextSchema,
      requirement: z.literal('deferrable'),
      supplyWithinDays: z.number().int().min(1).max(60),
      /** A kinship proof: while it is outstanding a signed 亲属关系承诺书 stands in, pre-filled with
       * the relationship it proves and the relative's ID number from this form field, if any. */
      pledge: z.object({ relationship: TextSchema, relativeIdField: z.string().optional() }).strict().optional(),
    })
    .strict(),
  /** 数据跑路: the hall fetches it from another system; the citizen need not bring it. */
  z.object({ code: z.string().regex(CODE_PATTERN), name: TextSchema, requirement: z.literal('data_sharing') }).strict(),
]);
export type Material = z.infer<typeof MaterialSchema>;

/** Where the kiosk may pre-fill a field from the ID card read (the citizen can still correct it). */
export const PREFILL_SOURCES = ['name', 'gender', 'nation', 'birthDate', 'address', 'idNumber', 'validUntil'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** text: free text; date: YYYY-MM-DD with a rule relative to today; port: a border port code;
 * groupCode: a travel agency's tour-group code; pinyinName: SURNAME / GIVEN NAME in passport style;
 * idNumber: a GB 11643 number (someone other than the applicant, e.g. a parent). */
export const FIELD_TYPES = ['text', 'phone', 'date', 'select', 'port', 'groupCode', 'pinyinName', 'idNumber'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const TEXT_ENTRIES = ['name', 'address', 'plate'] as const;
export type TextEntry = (typeof TEXT_ENTRIES)[number];

export const OptionSchema = z.object({ value: z.string().regex(/^[a-z0-9_]{1,40}$/), label: TextSchema }).strict();

export const FieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{1,40}$/),
    type: z.enum(FIELD_TYPES),
    label: TextSchema,
    required: z.boolean(),
    prefill: z.enum(PREFILL_SOURCES).optional(),
    /** select: the choices. */
    options: z.array(OptionSchema).min(2).optional(),
    /** date: 'past' (not after today, e.g. a birth date) or 'future' (not before today, e.g. travel). */
    dateRule: z.enum(['past', 'future']).optional(),
    maxLength: z.number().int().min(1).max(500).optional(),
    /** text: what is written, for the kiosk's on-screen input: a person's name (handwriting, pinyin
     * with surnames and name characters first, or Latin letters for a foreign name), an address
     * (with digits), a number plate (province, then letters and digits). Other Chinese text when absent. */
    entry: z.enum(TEXT_ENTRIES).optional(),
    /** Required only when another field has one of these values (e.g. group code for a tour). */
    requiredWhen: z
      .object({ field: z.string(), equals: z.array(z.string()).min(1) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((f) => (f.type === 'select') === (f.options !== undefined), { message: 'options go with (and only with) select fields', path: ['options'] })
  .refine((f) => f.dateRule === undefined || f.type === 'date', { message: 'dateRule is for date fields', path: ['dateRule'] })
  .refine((f) => f.entry === undefined || f.type === 'text', { message: 'entry is for text fields', path: ['entry'] });
export type Field = z.infer<typeof FieldSchema>;

/** A border port a `port` field may name. */
export const PortSchema = OptionSchema;

export const ServiceSchema = z
  .object({
    code: z.string().regex(CODE_PATTERN),
    line: z.enum(BUSINESS_LINES),
    name: TextSchema,
    description: TextSchema,
    materials: z.array(MaterialSchema),
    /** Yuan; 0 = free. The values shipped are the usual national fees; a supervisor adjusts them. */
    fee: z.object({ yuan: z.number().min(0).max(10_000), note: TextSchema }).strict(),
    /** Promised time limit in working days; 0 = on the spot (即办即取). */
    timeLimitDays: z.number().int().min(0).max(60),
    fields: z.array(FieldSchema),
    /** Offered at a 24-hour booth: completes without a clerk. */
    boothEligible: z.boolean(),
    /** 即办: finished while the citizen waits. */
    instant: z.boolean(),
    /** Green channel (绿色通道): its tickets are always called with priority. */
    expedite: z.boolean(),
    /** Group applications allowed (one ticket for N travellers). */
    groupAllowed: z.boolean().default(false),
    /** The one-time notice (一次性告知) read before identifying: everything needed, at once. */
    notice: TextSchema,
  })
  .strict()
  .superRefine((s, ctx) => {
    const keys = s.fields.map((f) => f.key);
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i) ctx.addIssue({ code: 'custom', message: `duplicate field ${k}`, path: ['fields', i, 'key'] });
    });
    s.fields.forEach((f, i) => {
      if (f.requiredWhen && !keys.includes(f.requiredWhen.field))
        ctx.addIssue({ code: 'custom', message: `requiredWhen names unknown field ${f.requiredWhen.field}`, path: ['fields', i] });
    });
    s.materials.forEach((m, i) => {
      const field = m.requirement === 'deferrable' ? m.pledge?.relativeIdField : undefined;
      if (field !== undefined && s.fields.find((f) => f.key === field)?.type !== 'idNumber')
        ctx.addIssue({ code: 'custom', message: `pledge.relativeIdField ${field} is not an ID number field of ${s.code}`, path: ['materials', i, 'pledge'] });
    });
    const codes = s.materials.map((m) => m.code);
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) ctx.addIssue({ code: 'custom', message: `duplicate material ${c}`, path: ['materials', i, 'code'] });
    });
    if (s.instant !== (s.timeLimitDays === 0))
      ctx.addIssue({ code: 'custom', message: 'instant services have time limit 0 and only they do', path: ['instant'] });
  });
export type Service = z.infer<typeof ServiceSchema>;

export const CatalogSchema = z
  .object({
    version: z.string().min(1),
    /** Translations not yet checked by a native speaker (the Mongolian is drafted, see catalog.ts). */
    needsReview: z.array(z.enum(CATALOG_LANGUAGES)),
    services: z.array(ServiceSchema).min(1),
    ports: z.array(PortSchema).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const codes = c.services.map((s) => s.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) ctx.addIssue({ code: 'custom', message: `duplicate service code ${code}`, path: ['services', i, 'code'] });
    });
    const ports = c.ports.map((p) => p.value);
    ports.forEach((p, i) => {
      if (ports.indexOf(p) !== i) ctx.addIssue({ code: 'custom', message: `duplicate port ${p}`, path: ['ports', i, 'value'] });
    });
  });
export type Catalog = z.infer<typeof CatalogSchema>;
export type CatalogInput = z.input<typeof CatalogSchema>;
