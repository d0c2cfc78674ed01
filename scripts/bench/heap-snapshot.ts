import type { CDPSession } from 'playwright-core';

/** Used JS heap after two forced garbage collections, split into V8's own code and everything else. */
export interface HeapReading {
  /** `Runtime.getHeapUsage().usedSize`: every object in the isolate, all worlds. */
  used: number;
  /**
   * Self sizes of the snapshot's nodes of type "code": machine code from the optimizing tiers and
   * its deoptimization data, bytecode, type feedback, scope infos. V8 makes more of it as functions
   * get hot (journey after journey), up to a bound set by the code that runs; it holds no app data.
   */
  code: number;
}

/**
 * Why the split: the growth over 200 journeys turned out (heap snapshots at journeys 20 and 200)
 * to be all optimized code, about three quarters the app bundle's functions tiering up and a
 * quarter Playwright's injected and clock scripts, with counts of objects, closures and listeners
 * unchanged; with Maglev and TurboFan off the used heap stayed flat. A leak of the app's data shows
 * in `used - code`, which compiled code no longer hides.
 */
export async function readHeap(cdp: CDPSession): Promise<HeapReading> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const used = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return { used, code: codeBytes(chunks.join('')) };
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** Sums the self sizes of the nodes of type "code" in a V8 heap snapshot (JSON text). */
function codeBytes(json: string): number {
  const s = JSON.parse(json) as SnapshotJson;
  const fields = s.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = s.snapshot.meta.node_types[0].indexOf('code');
  if (typeAt < 0 || sizeAt < 0 || code < 0) throw new Error('unexpected heap snapshot layout');
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += width) if (s.nodes[i + typeAt] === code) total += s.nodes[i + sizeAt] ?? 0;
  return total;
}
