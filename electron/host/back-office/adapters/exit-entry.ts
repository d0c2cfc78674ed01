import { z } from 'zod';
import type { BackOfficeConnector } from '../../../domain/back-office/back-office.js';
import type { LinkConfig } from '../http-json.js';
import { simWireConnector } from './sim-wire.js';

/** The exit-entry system: previous travel documents and exit records. */
const Record = z.object({ documents: z.array(z.object({ kind: z.string(), status: z.string() })), exits: z.array(z.unknown()) });

export function exitEntryConnector(link: LinkConfig): BackOfficeConnector {
  return simWireConnector('exit_entry', 'exit-entry', link, (record, material) => {
    const r = Record.safeParse(record);
    if (!r.success) return null;
    if (material === 'previous_passport' || material === 'travel_record') return r.data.documents.length > 0;
    return null;
  });
}
