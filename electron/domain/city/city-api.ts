import { z } from 'zod';

/**
 * The city service's paths, one place for both sides (the hub's forwarder calls them, the city
 * serves them). Their bodies are the schemas beside this file.
 */
export const CITY_PATHS = {
  enrol: '/city/api/enrol',
  feed: '/city/api/feed',
  ack: '/city/api/feed/ack',
  state: '/city/api/state',
  reconcile: '/city/api/reconcile',
  calendar: '/city/api/calendar',
  catalog: '/city/api/catalog',
  ratingRules: '/city/api/rating-rules',
  overview: '/city/api/overview',
  signIn: '/city/api/sign-in',
  signOut: '/city/api/sign-out',
} as const;

/** Roles of the city's own staff (the hall's roles are electron/domain/roles.ts). */
export const CITY_ROLES = ['city-supervisor'] as const;
export type CityRole = (typeof CITY_ROLES)[number];

/** One hall on the city's overview. */
export const HallOverviewSchema = z.object({
  hallId: z.string(),
  name: z.string(),
  waiting: z.number().int().nullable(),
  longestWaitSeconds: z.number().int().nullable(),
  windowsOpen: z.number().int().nullable(),
  outages: z.array(z.string()),
  /** When the hall last reported its state / last delivered records (epoch ms): data freshness. */
  stateAt: z.number().nullable(),
  lastSyncAt: z.number().nullable(),
  ackedSeq: z.number().int(),
  /** Days whose reconciliation found a difference. */
  alerts: z.array(z.string()),
});
export type HallOverview = z.infer<typeof HallOverviewSchema>;
export const OverviewSchema = z.object({ halls: z.array(HallOverviewSchema), at: z.number() });

export const CitySignInSchema = z.object({ token: z.string().trim().min(20).max(200) }).strict();
/**
 * A signed-in session: set as the HttpOnly cookie for the screens, and answered for scripts, which
 * send it as a Bearer token. It ends at sign-out, after `idleMs` unused, or at `expiresAt`.
 */
export const CitySessionSchema = z.object({ session: z.string(), idleMs: z.number().int(), expiresAt: z.number().int() });
/** The city staff's session cookie (HttpOnly), set by signIn. */
export const CITY_STAFF_COOKIE = 'yz_city_staff';
