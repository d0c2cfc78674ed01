import { z } from 'zod';
import { decodeCell, encodeCell } from '../reports/report-cell-codec.js';
import type { ReportCell } from '../reports/report-cells.js';

/**
 * A `report_day` feed record (issue 16): the report cells of one hall day as the hub built them,
 * so the rules that turn events into figures run once, at the hall; the city only stores and folds.
 * A later rebuild of the day is sent as a new record (a higher seq) that replaces the earlier one.
 *
 * Payload: {"targetWaitMin": n, "cells": [[hour, line, service, window, staff, bytes], …]} with the
 * cell's figures as base64 of the hub's cell codec (report-cell-codec.ts). The day is the record's.
 */
const CellTuple = z.tuple([
  z.number().int().min(0).max(23),
  z.string().max(40).nullable(),
  z.string().max(40).nullable(),
  z.number().int().nullable(),
  z.number().int().nullable(),
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .max(400_000),
]);

export const ReportDayPayloadSchema = z
  .object({
    /** The hall's target wait when the day was built: the city's "called within target" uses it. */
    targetWaitMin: z.number().int().min(1).max(600),
    cells: z.array(CellTuple).max(20_000),
  })
  .strict();
export type ReportDayPayload = z.infer<typeof ReportDayPayloadSchema>;

export interface ReportDay {
  day: string;
  targetWaitMin: number;
  cells: ReportCell[];
}

// btoa/atob rather than Buffer: the domain runs in Node and in the renderer alike.
function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
function fromBase64(b64: string): Uint8Array {
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The record's payload text for a day's cells (all of `cells` must be of `day`). */
export function reportDayPayload(cells: readonly ReportCell[], targetWaitMin: number): string {
  const payload: ReportDayPayload = {
    targetWaitMin,
    cells: cells.map((c) => [c.dims.hour, c.dims.line, c.dims.service, c.dims.window, c.dims.staff, toBase64(encodeCell(c))]),
  };
  return JSON.stringify(payload);
}

/** The day's cells from a payload; throws (RangeError / ZodError) on anything malformed. */
export function parseReportDay(day: string, payload: string): ReportDay {
  const p = ReportDayPayloadSchema.parse(JSON.parse(payload));
  const cells = p.cells.map(([hour, line, service, window, staff, b64]) => decodeCell({ day, hour, line, service, window, staff }, fromBase64(b64)));
  return { day, targetWaitMin: p.targetWaitMin, cells };
}
