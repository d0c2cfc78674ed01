/** `cups:PDF` → {kind:'cups', target:'PDF'}; validated by the caller against PrinterConfigSchema.
 * Kept free of imports so the command-line parser can use it without loading the printers. */
export function specToConfig(spec: string): { kind: string; target: string; media: string } {
  const i = spec.indexOf(':');
  return i < 0 ? { kind: spec, target: '', media: '' } : { kind: spec.slice(0, i), target: spec.slice(i + 1), media: '' };
}
