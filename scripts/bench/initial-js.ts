import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appRoot } from '../../db/app-root.js';

export interface InitialJs {
  files: { name: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/**
 * The JavaScript a screen loads before its first paint: every `<script src>` and
 * `<link rel="modulepreload">` of the built index.html (dynamic imports come later and are not
 * counted), each gzipped at level 9 as a server would send it.
 */
export function initialJs(): InitialJs {
  const dir = join(appRoot(), 'out', 'renderer');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1] as string);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) refs.add(m[1] as string);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) refs.add(m[1] as string);
  const files = [...refs].map((ref) => {
    const buf = readFileSync(join(dir, 'assets', basename(ref)));
    return { name: basename(ref), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  return { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) };
}
