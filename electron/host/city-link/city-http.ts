import type { z } from 'zod';
import { parseRetryAfter } from '../../domain/delivery/retry-policy.js';
import { CITY_PATHS } from '../../domain/city/city-api.js';
import { calendarEtag, PublishedCalendarSchema, type PublishedCalendar } from '../../domain/city/published-calendar.js';
import { PublishedRatingRulesSchema, ratingRulesEtag, type PublishedRatingRules } from '../../domain/city/published-rating-rules.js';
import { catalogEtag, PublishedCatalogSchema, type PublishedCatalog } from '../../domain/city/published-catalog.js';

/** A refusal or failure from the city, with what the retry rule needs from it. */
export class CityCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'CityCallError';
  }
}

/** One JSON call to the city, answered within `timeoutMs` or failed; the answer checked against its schema. */
export async function callCity<S extends z.ZodType>(
  base: string,
  path: string,
  init: { method: string; credential?: string; body?: unknown; timeoutMs: number; now: number },
  schema: S,
): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method: init.method,
      headers: {
        ...(init.credential ? { authorization: `Bearer ${init.credential}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (err) {
    // Never the body: it may be large, and the log is no place for records.
    throw new CityCallError(`city unreachable: ${(err as Error).message}`, null, null);
  }
  const text = await res.text();
  if (!res.ok) {
    let message = `city answered ${res.status}`;
    try {
      const body = JSON.parse(text) as { error?: { message?: string } };
      if (body.error?.message) message += `: ${body.error.message}`;
    } catch {
      /* not JSON */
    }
    throw new CityCallError(message, res.status, parseRetryAfter(res.headers.get('retry-after'), init.now));
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new CityCallError('city answered in an unexpected shape', res.status, null);
  return parsed.data;
}

/** The city's calendar if newer than `held` (null: 304, or nothing published yet: 404). */
export function fetchPublishedCalendar(base: string, credential: string, held: number, timeoutMs: number): Promise<PublishedCalendar | null> {
  return fetchPublished(base, CITY_PATHS.calendar, calendarEtag(held), PublishedCalendarSchema, credential, held, timeoutMs);
}

/** The city's catalog values if newer than `held`. */
export function fetchPublishedCatalog(base: string, credential: string, held: number, timeoutMs: number): Promise<PublishedCatalog | null> {
  return fetchPublished(base, CITY_PATHS.catalog, catalogEtag(held), PublishedCatalogSchema, credential, held, timeoutMs);
}

/** The city's 好差评 rules if newer than `held`. */
export function fetchPublishedRatingRules(base: string, credential: string, held: number, timeoutMs: number): Promise<PublishedRatingRules | null> {
  return fetchPublished(base, CITY_PATHS.ratingRules, ratingRulesEtag(held), PublishedRatingRulesSchema, credential, held, timeoutMs);
}

async function fetchPublished<S extends z.ZodType>(
  base: string,
  path: string,
  etag: string,
  schema: S,
  credential: string,
  held: number,
  timeoutMs: number,
): Promise<z.output<S> | null> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${credential}`, ...(held > 0 ? { 'if-none-match': etag } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new CityCallError(`city unreachable: ${(err as Error).message}`, null, null);
  }
  if (res.status === 304 || res.status === 404) return null;
  if (!res.ok) throw new CityCallError(`city answered ${res.status} for ${path}`, res.status, null);
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new CityCallError(`city sent ${path} in an unexpected shape`, res.status, null);
  return parsed.data;
}
