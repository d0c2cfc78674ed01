/**
 * Whether the person holding an appointment's code may redeem it: a booking made for a named
 * person (with their ID number) becomes a priority ticket only for that person, shown by their
 * card or their typed number; a code alone is not enough (it may be on a paper someone else picked
 * up). A booking without an ID number is redeemed by its code, as before.
 */
export type HolderCheck = 'ok' | 'identity_required' | 'not_yours';

export function checkHolder(bookedIdNumber: string | null, shownIdNumber: string | undefined): HolderCheck {
  if (bookedIdNumber === null) return 'ok';
  if (shownIdNumber === undefined) return 'identity_required';
  return bookedIdNumber.toUpperCase() === shownIdNumber.trim().toUpperCase() ? 'ok' : 'not_yours';
}
