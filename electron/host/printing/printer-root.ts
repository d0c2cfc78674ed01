import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** The path as the file system will see it: symbolic links of its existing part followed. */
function real(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return resolve(path);
    rest.unshift(existing.slice(parent.length + 1));
    existing = parent;
  }
  return resolve(realpathSync(existing), ...rest);
}

/**
 * Whether a folder printer set on a screen may write to `target`: only at or under the folder the
 * operator named when starting the host (--printer-root), never "anywhere the hub can write"
 * (the hub may run as root). No root, no folder printers from screens.
 */
export function folderAllowed(root: string | null, target: string): boolean {
  if (root === null || !isAbsolute(target)) return false;
  const rel = relative(real(root), real(target));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
