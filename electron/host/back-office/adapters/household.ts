import { z } from 'zod';
import type { BackOfficeConnector } from '../../../domain/back-office/back-office.js';
import type { LinkConfig } from '../http-json.js';
import { simWireConnector } from './sim-wire.js';

/** The population register: household record and kinship, residence, medical birth certificates. */
const Record = z.object({ residenceRegistered: z.boolean(), birthCertificates: z.array(z.string()), kin: z.array(z.unknown()) });

export function householdConnector(link: LinkConfig): BackOfficeConnector {
  return simWireConnector('household', 'household', link, (record, material) => {
    const r = Record.safeParse(record);
    if (!r.success) return null;
    if (material === 'hukou_record') return true;
    if (material === 'residence_proof') return r.data.residenceRegistered;
    if (material === 'birth_medical_certificate') return r.data.birthCertificates.length > 0;
    return null;
  });
}
