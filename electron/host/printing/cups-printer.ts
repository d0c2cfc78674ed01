import { spawn } from 'node:child_process';
import type { DeviceStatus, JobProgress, Printer, PrintRequest, Submitted } from './printer.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CUPS client command in the C locale (its output is parsed) with a time limit. */
export function runCups(cmd: string, args: readonly string[], input?: Buffer, timeoutMs = 10_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

/** printer-state-reasons and lpstat's words, to what a kiosk and an admin can act on. */
export function deviceStatusFrom(lpstatPrinter: string): { status: DeviceStatus; detail: string } {
  const alerts = /Alerts:\s*(.*)/.exec(lpstatPrinter)?.[1]?.trim() ?? '';
  const reasons = alerts === 'none' ? '' : alerts;
  if (/media-(empty|needed|low-error)|marker-supply-empty|paper/i.test(reasons)) return { status: 'paper_out', detail: reasons };
  if (/disabled|offline|connecting-to-device|timed-out|shutdown/i.test(`${reasons} ${lpstatPrinter.split('\n')[0] ?? ''}`))
    return { status: 'offline', detail: reasons || 'disabled' };
  if (/-error\b|jam|cover-open|door-open/i.test(reasons)) return { status: 'failed', detail: reasons };
  return { status: 'ok', detail: reasons };
}

/** Custom.80x143mm for a roll slip; A4 for a full page. */
export function mediaFor(req: PrintRequest): string {
  if (req.media) return req.media;
  if (req.widthMm === 210 && req.heightMm === 297) return 'A4';
  return `Custom.${req.widthMm}x${req.heightMm}mm`;
}

/**
 * CUPS through its command-line clients (lp, lpstat, lpq), which every Linux terminal has. Jobs
 * are submitted on hold (-H hold) under a title carrying our job id, recorded, then released: a
 * crash before the record leaves a held job that the queue finds by title (lpq lists titles)
 * and releases instead of submitting again.
 */
export function cupsPrinter(queue: string): Printer {
  const ours = (externalId: string) => externalId.startsWith(`${queue}-`);
  async function jobLines(which: 'not-completed' | 'completed'): Promise<string> {
    const r = await runCups('lpstat', ['-W', which, '-l', '-o', queue]);
    if (r.code !== 0) throw new Error(`lpstat: ${r.stderr.trim() || `exit ${r.code}`}`);
    return r.stdout;
  }
  function block(listing: string, id: string): string | null {
    const start = listing.search(new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`, 'm'));
    if (start < 0) return null;
    const rest = listing.slice(start);
    // The job's block runs until the next line that does not start with a tab.
    const next = rest.search(/\n\S/);
    return next < 0 ? rest : rest.slice(0, next + 1);
  }
  async function progressOf(externalId: string): Promise<JobProgress> {
    const pending = block(await jobLines('not-completed'), externalId);
    if (pending) return { state: /job-hold-until-specified/.test(pending) ? 'held' : 'pending' };
    // CUPS keeps completed, cancelled and aborted jobs alike in its history; lpstat does not tell
    // them apart, so a job gone from the pending list is done (a person cancelling it meant so).
    return { state: 'completed' };
  }
  return {
    description: `CUPS ${queue}`,
    async submit(req) {
      const r = await runCups('lp', ['-d', queue, '-H', 'hold', '-t', req.title, '-o', `media=${mediaFor(req)}`], req.pdf);
      const id = /request id is (\S+)/.exec(r.stdout)?.[1];
      if (r.code !== 0 || !id) throw new Error(`lp: ${r.stderr.trim() || r.stdout.trim() || `exit ${r.code}`}`);
      return { externalId: id, held: true };
    },
    async release(externalId) {
      if (!ours(externalId)) throw new Error(`not a job of ${queue}: ${externalId}`);
      const r = await runCups('lp', ['-i', externalId, '-H', 'resume']);
      if (r.code !== 0) throw new Error(`lp -H resume: ${r.stderr.trim() || `exit ${r.code}`}`);
    },
    async findByTitle(title): Promise<Submitted | null> {
      const r = await runCups('lpq', ['-P', queue]);
      if (r.code !== 0) throw new Error(`lpq: ${r.stderr.trim() || `exit ${r.code}`}`);
      // Rank Owner Job File(s) Total-Size: File(s) is the job's title.
      for (const line of r.stdout.split('\n')) {
        const cols = line.trim().split(/\s+/);
        if (cols[3] === title && /^\d+$/.test(cols[2] ?? '')) {
          const externalId = `${queue}-${cols[2]}`;
          const progress = await progressOf(externalId);
          return { externalId, held: progress.state === 'held' };
        }
      }
      return null;
    },
    progress: progressOf,
    async status() {
      const r = await runCups('lpstat', ['-l', '-p', queue]);
      if (r.code !== 0) return { status: 'offline', detail: r.stderr.trim() || 'lpstat failed' };
      return deviceStatusFrom(r.stdout);
    },
  };
}
