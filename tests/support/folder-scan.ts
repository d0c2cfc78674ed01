import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Where each text occurs in any file under `dir`, as UTF-8 or as UTF-16LE (SQLite may store text
 * either way, and a card's text block is UCS-2): "file: text (encoding)" per hit.
 */
export function findTexts(dir: string, texts: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const text of texts)
      for (const enc of ['utf8', 'utf16le'] as const) if (bytes.includes(Buffer.from(text, enc))) hits.push(`${relative(dir, file)}: ${text} (${enc})`);
  }
  return hits;
}
