import { z } from 'zod';
import type { BackOfficeConnector } from '../../../domain/back-office/back-office.js';
import type { LinkConfig } from '../http-json.js';
import { simWireConnector } from './sim-wire.js';

/** The traffic management platform: licence status and points, medical certificate, vehicles. */
const Record = z.object({
  licence: z.object({ status: z.string(), points: z.number(), medicalOnFile: z.boolean() }).nullable(),
  vehicles: z.array(z.object({ insured: z.boolean(), inspected: z.boolean() })),
});

export function trafficConnector(link: LinkConfig): BackOfficeConnector {
  return simWireConnector('traffic', 'traffic', link, (record, material) => {
    const r = Record.safeParse(record);
    if (!r.success) return null;
    if (material === 'medical_certificate_online') return r.data.licence?.medicalOnFile === true;
    if (material === 'compulsory_insurance') return r.data.vehicles.some((v) => v.insured);
    if (material === 'inspection_report') return r.data.vehicles.some((v) => v.inspected);
    return null;
  });
}
