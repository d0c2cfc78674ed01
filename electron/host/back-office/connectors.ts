import type { LinkRow } from '../../../db/back-office.js';
import type { BackOfficeConnector, BackOfficeSystem } from '../../domain/back-office/back-office.js';
import { exitEntryConnector } from './adapters/exit-entry.js';
import { householdConnector } from './adapters/household.js';
import { trafficConnector } from './adapters/traffic.js';

const ADAPTERS: Readonly<Record<BackOfficeSystem, (link: LinkRow) => BackOfficeConnector>> = {
  household: householdConnector,
  traffic: trafficConnector,
  exit_entry: exitEntryConnector,
};

/** The connector of each system with a link set (no base URL: none, nothing is tried). */
export function connectorsOf(links: readonly LinkRow[]): Map<BackOfficeSystem, BackOfficeConnector> {
  return new Map(links.filter((l) => l.baseUrl !== '').map((l) => [l.system, ADAPTERS[l.system](l)]));
}
