import type { Service } from '../catalog/catalog-schema.js';
import { ageOn } from '../catalog/form-schema.js';

/** Age from which an applicant is served through the green channel, until the supervisor sets another. */
export const DEFAULT_GREEN_CHANNEL_AGE = 70;

/**
 * 绿色通道: an applicant of the hall's green-channel age or older, or anyone applying for an
 * expedited document (证件加急), is served first. The kiosk asks this to tell the citizen before
 * submitting; the host asks it again to decide, so both say the same.
 */
export function isGreenChannel(service: Pick<Service, 'expedite'>, birthDate: string | null | undefined, today: string, minAge: number): boolean {
  return service.expedite || (typeof birthDate === 'string' && ageOn(birthDate, today) >= minAge);
}
