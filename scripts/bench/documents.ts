import { renderDocument } from '../../electron/host/printing/documents/index.js';
import { SAMPLE_DOCUMENTS } from '../../electron/host/printing/documents/samples.js';
import { forgetCjkFont } from '../../electron/host/printing/fonts.js';

const WARM_RUNS = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Printed documents: the cold first document (the CJK font parsed), then the warm median time and
 * size of each, against the same layout set in pdfkit's built-in Helvetica (CJK characters replaced
 * by Latin ones, so lines and pages match) in the same run.
 */
export async function documentsSection(): Promise<string> {
  forgetCjkFont();
  const t0 = performance.now();
  await renderDocument(SAMPLE_DOCUMENTS.ticket_slip);
  const coldMs = performance.now() - t0;
  const rows: string[] = [];
  let slipMs = 0;
  for (const req of Object.values(SAMPLE_DOCUMENTS)) {
    const measure = async (font: 'cjk' | 'builtin') => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < WARM_RUNS; i++) {
        const s = performance.now();
        bytes = (await renderDocument(req, font)).pdf.length;
        times.push(performance.now() - s);
      }
      return { ms: median(times), bytes };
    };
    await measure('cjk');
    const cjk = await measure('cjk');
    const latin = await measure('builtin');
    if (req.kind === 'ticket_slip') slipMs = cjk.ms;
    rows.push(`| ${req.kind} | ${cjk.ms.toFixed(1)} | ${(cjk.bytes / 1024).toFixed(1)} | ${latin.ms.toFixed(1)} | ${(latin.bytes / 1024).toFixed(1)} |`);
    process.stderr.write(`documents: ${req.kind} ${cjk.ms.toFixed(1)} ms\n`);
  }
  return `
## Printed documents (pdfkit, embedded subset CJK font vs built-in Helvetica)

Cold first document (font file read and parsed): ${coldMs.toFixed(0)} ms. Warm: median of ${WARM_RUNS}
renders each, in this process, after one warm-up pass.

| document | CJK ms | CJK KiB | Helvetica ms | Helvetica KiB |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Goal: a warm ticket slip under 20 ms — ${slipMs < 20 ? 'met' : 'NOT met'} (${slipMs.toFixed(1)} ms).
`;
}
