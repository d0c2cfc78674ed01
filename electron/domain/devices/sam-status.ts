/**
 * SW3 status bytes of GA 467 readers (hardware.md §1) and how each maps onto what the kiosk must
 * tell a person. The device-level outcome is what the screens and the admin health see; the SW3
 * name is kept for the health detail and the logs.
 */
export const SAM_STATUS = {
  0x90: 'ok',
  0x91: 'field_empty',
  0x9f: 'card_found',
  0x10: 'checksum_error',
  0x11: 'length_error',
  0x21: 'bad_command',
  0x23: 'unauthorised',
  0x24: 'unknown_error',
  0x31: 'card_auth_sam_failed',
  0x32: 'sam_auth_card_failed',
  0x33: 'verification_failed',
  0x37: 'fingerprint_error',
  0x3f: 'info_length_error',
  0x40: 'unknown_card_type',
  0x41: 'read_failed',
  0x47: 'random_number_failed',
  0x60: 'sam_self_test_failed',
  0x66: 'sam_not_authorised',
  0x80: 'find_card_failed',
  0x81: 'select_card_failed',
} as const satisfies Record<number, string>;
export type SamStatusName = (typeof SAM_STATUS)[keyof typeof SAM_STATUS] | 'unknown_status';

export function samStatusName(sw3: number): SamStatusName {
  return (SAM_STATUS as Record<number, SamStatusName>)[sw3] ?? 'unknown_status';
}

/**
 * What a read attempt ended in, from the person's side. Each failure has its own status so that
 * the kiosk can say what happened and offer manual entry.
 */
export const READ_FAILURES = ['no_reader', 'reader_busy', 'reader_error', 'sam_error', 'card_unreadable', 'card_expired', 'card_invalid'] as const;
export type ReadFailure = (typeof READ_FAILURES)[number];

/** Which failure a non-ok SW3 means. A protocol error is the link's fault, not the card's. */
export function failureForStatus(sw3: number): ReadFailure {
  switch (sw3) {
    case 0x10:
    case 0x11:
    case 0x21:
      return 'reader_error';
    case 0x23:
    case 0x24:
    case 0x60:
    case 0x66:
      return 'sam_error';
    default:
      return 'card_unreadable';
  }
}
