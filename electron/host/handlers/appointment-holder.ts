import { checkHolder } from '../../domain/queue/appointment-holder.js';
import { ApiError } from '../http/api-error.js';

/** A booking for a named person needs that person's card or number (domain/queue/appointment-holder). */
export function holderOrRefuse(booked: string | null, shown: string | undefined, path = 'body.idNumber'): void {
  const verdict = checkHolder(booked, shown);
  if (verdict === 'identity_required')
    throw new ApiError('appointment_identity_required', 'This appointment was booked for a named person: their ID card or number is needed');
  if (verdict === 'not_yours')
    throw new ApiError('appointment_not_yours', 'The ID number shown is not the one this appointment was booked for', [
      { path, message: 'not the booked person' },
    ]);
}
