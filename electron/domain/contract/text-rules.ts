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
