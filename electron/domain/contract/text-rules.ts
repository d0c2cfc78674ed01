/**
 * Characters no text the hall accepts may contain, whatever the field: C0 controls other than tab
 * and line breaks (U+0000 ends a string in C and fails SQLite CHECKs), DEL and the C1 controls,
 * the bidirectional overrides and isolates (they make a name read differently from what is
 * stored), unpaired surrogates and the noncharacters U+FFFE/U+FFFF. Mongolian's own format
 * characters (U+180B–U+180F, U+202F) are letters' business and stay allowed.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where, in any JSON-like input, a string holds a forbidden character: its path, or null. */
export function forbiddenCharacterAt(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? [...path] : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenCharacterAt(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = forbiddenCharacterAt(k, [...path, k]) ?? forbiddenCharacterAt(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * A person's name (a citizen's on a form, a booked name, a staff member's): letters of any script
 * (Han characters, rare ones beyond the basic plane such as 𠀾 included; Latin with accents;
 * traditional Mongolian with its format characters U+180B–U+180F and U+202F), combining marks,
 * spaces, the middle dot of transliterated names (· ・), hyphen, apostrophe and full stop (and
 * digits, which staff records sometimes carry). No emoji, pictographs or other symbols: a name with
 * 😊 cannot be printed on a certificate, matched against the population register or read out.
 */
const PERSON_NAME = /^[\p{L}\p{M}\p{Nd}\u180b-\u180f\u202f\u00b7\u30fb' .-]+$/u;
/** Emoji presentation selectors are marks too: a name with one is an emoji in disguise. */
const EMOJI_SELECTOR = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

export function isPersonName(value: string): boolean {
  const v = value.trim();
  return v !== '' && PERSON_NAME.test(v) && !EMOJI_SELECTOR.test(v);
}

export const PERSON_NAME_MESSAGE = 'a name holds letters only (no emoji or other symbols)';
