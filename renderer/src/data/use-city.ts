import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { CITY_PATHS } from '@domain/city/city-api.js';

/**
 * The city screens' data layer (issue 16): they are served by the city service, not a hall's hub,
 * so they read its API (same origin, the staff cookie) rather than the hub's socket. One read per
 * query, again every `everyMs` (the overview's live state), and on demand.
 */
export type CityResult<T> = { data: T | null; errorKey: string | null; signedOut: boolean; reload: () => void };

export function useCityQuery<S extends z.ZodType>(path: string, schema: S, everyMs = 0): CityResult<z.output<S>> {
  const [data, setData] = useState<z.output<S> | null>(null);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    const read = async () => {
      try {
        const res = await fetch(path, { credentials: 'same-origin' });
        if (!live) return;
        if (res.status === 401 || res.status === 403) {
          setSignedOut(true);
          return;
        }
        const parsed = schema.safeParse(await res.json());
        if (!live) return;
        setSignedOut(false);
        // A 400 is a query the city will not answer as asked (a filtered report too wide to read in full).
        if (res.status === 400) setErrorKey('city.error.query');
        else if (!res.ok || !parsed.success) setErrorKey('city.error.read');
        else {
          setData(parsed.data);
          setErrorKey(null);
        }
      } catch {
        if (live) setErrorKey('city.error.network');
      }
    };
    void read();
    const timer = everyMs > 0 ? setInterval(() => void read(), everyMs) : null;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [path, schema, everyMs, tick]);
  return { data, errorKey, signedOut, reload };
}

/** Ends the city session (the city clears its cookie); the screen then asks for the sign-in again. */
export async function citySignOut(): Promise<void> {
  await fetch(CITY_PATHS.signOut, { method: 'POST', credentials: 'same-origin' });
}

/** Signs a city supervisor in with their token; the city sets an HttpOnly session cookie. */
export async function citySignIn(token: string): Promise<boolean> {
  const res = await fetch(CITY_PATHS.signIn, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return res.ok;
}

/** A file the city sends (the report exports: name, type, base64 bytes), or null when refused. */
export async function cityFile<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S> | null> {
  const res = await fetch(path, { credentials: 'same-origin' });
  const parsed = schema.safeParse(await res.json());
  return res.ok && parsed.success ? parsed.data : null;
}
