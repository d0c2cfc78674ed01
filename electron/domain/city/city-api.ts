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
  overview: '/city/api/overview',
  report: '/city/api/report',
} as const;

/** Roles of the city's own staff (the hall's roles are electron/domain/roles.ts). */
export const CITY_ROLES = ['city-supervisor'] as const;
export type CityRole = (typeof CITY_ROLES)[number];
