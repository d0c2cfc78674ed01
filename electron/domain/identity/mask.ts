/**
 * What a public screen or a slip may show of a person: the name with its middle hidden (张*明, 张*)
 * and the ID or permit number reduced to its last four characters. The one masking rule of the
 * app: the host's slips, card reads and calls and the kiosk's screens all mask through here.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A number of four characters or fewer is hidden whole: its "last four" would be all of it. */
export function maskNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 4) return '*'.repeat(v.length);
  return `${'*'.repeat(v.length - 4)}${v.slice(-4)}`;
}
