import { z } from 'zod';
import { HallIdSchema } from './feed.js';

/**
 * A hall enrols with the city once, as a terminal pairs with the hub: a city administrator issues a
 * one-time code for a named hall (`npm run city -- … --issue-code <hall-id>`), the hall's
 * administrator types it on the hub's admin screen, and the hub receives its own credential. The
 * credential names the hall: the city accepts records only for that hall.
 */
export const ENROLMENT_CODE_PATTERN = /^[A-Z0-9]{4}-[A-Z0-9]{4}$/;
export const EnrolmentCodeSchema = z.string().trim().toUpperCase().regex(ENROLMENT_CODE_PATTERN, 'an enrolment code looks like ABCD-1234');

export const EnrolRequestSchema = z.object({ code: EnrolmentCodeSchema, hallName: z.string().trim().min(1).max(60) }).strict();
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>;
export const EnrolResponseSchema = z.object({ hallId: HallIdSchema, credential: z.string().min(32) });
export type EnrolResponse = z.infer<typeof EnrolResponseSchema>;

/** How long a code may wait to be used. */
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60_000;

/**
 * A hall's credential names its hall: `<hall id>.<secret>`. The city looks the hall up by its id
 * (the primary key, and the distribution column were the city distributed with Citus) and compares
 * the hash, so no constraint or lookup needs the hash alone. Credentials issued before this form
 * (no hall id) are still found by their hash.
 */
export function hallCredential(hallId: string, secret: string): string {
  return `${hallId}.${secret}`;
}

/** The hall a credential names, or null for the older form without one. */
export function hallIdOfCredential(credential: string): string | null {
  const dot = credential.lastIndexOf('.');
  if (dot <= 0) return null;
  const hallId = credential.slice(0, dot);
  return HallIdSchema.safeParse(hallId).success ? hallId : null;
}
