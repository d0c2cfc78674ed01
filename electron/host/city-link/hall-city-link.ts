import type { CityFeedStore } from '../../../db/city-feed.js';
import { cityReportDays } from '../../../db/city-report-days.js';
import type { Db } from '../../../db/open.js';
import type { SettingsStore } from '../../../db/settings.js';
import { hallInstant } from '../../domain/service-day.js';
import type { HostOptions } from '../host-api.js';
import type { HostContext } from '../host-context.js';
import { ratingRules } from '../ratings/rating-rules.js';
import { cityForwarder } from './city-forwarder.js';

interface HallCityLinkDeps {
  db: Db;
  store: CityFeedStore;
  settings: SettingsStore;
  /** The host's context, read when the forwarder runs (it is built beside it). */
  ctx: () => HostContext;
  clock: () => number;
  today: () => string;
  timeZone: string;
  log: (line: string) => void;
  options?: HostOptions['city'];
}

/** The hall's link to the city: what it forwards, what it takes from the city, and where the status goes. */
export function hallCityLink(d: HallCityLinkDeps) {
  const days = cityReportDays(d.db, d.timeZone);
  const rules = ratingRules(d.settings);
  return cityForwarder({
    store: d.store,
    calendarChanged: () => d.ctx().calendar.invalidate(),
    catalog: { version: () => d.ctx().catalog.cityVersion(), put: (p) => d.ctx().catalog.putCityValues(p) },
    ratingRules: { version: () => rules.cityVersion(), put: (p) => rules.putCity(p) },
    // The device kinds out of order, for the city's all-halls page (never which device or why).
    outages: () => [
      ...new Set(
        d
          .ctx()
          .devices.list()
          .filter((x) => x.health.state === 'error' || x.health.state === 'disconnected')
          .map((x) => x.kind),
      ),
    ],
    clock: d.clock,
    today: d.today,
    dayStart: (day) => hallInstant(day, '00:00', d.timeZone) ?? d.clock(),
    reportDays: { queue: (day, now) => days.queue(day, now, d.settings.hall().targetWaitMin) },
    log: d.log,
    changed: (status) => d.ctx().events.sendToRole('admin', { type: 'city.link', status }),
    ...d.options,
  });
}
