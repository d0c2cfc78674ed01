/**
 * `npm run bench`: runs every benchmark and writes BENCHMARKS.md. Figures are reported as ratios
 * against a baseline measured in the same run; absolute numbers on shared machines are noisy.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../db/app-root.js';
import { describeMachine } from './machine.js';
import { benchTicketIssuance } from './ticket-issuance.js';

const f1 = (n: number) => n.toFixed(1);
const f0 = (n: number) => n.toFixed(0);

async function main(): Promise<void> {
  const started = new Date();
  process.stderr.write('ticket issuance: 50 clients × 5,000 tickets …\n');
  const t = await benchTicketIssuance(50, 5000);
  const ratio = t.apiRate / t.rawRate;
  const goals = [
    `API rate ≥ 0.5 × raw: ${ratio >= 0.5 ? 'met' : 'NOT met'} (${ratio.toFixed(2)})`,
    `p99 < 20 ms: ${t.p99 < 20 ? 'met' : 'NOT met'} (${f1(t.p99)} ms)`,
    `host RSS < 150 MB: ${t.hostRssMiB !== null && t.hostRssMiB < 150 ? 'met' : 'NOT met'} (${t.hostRssMiB === null ? 'n/a' : f0(t.hostRssMiB)} MiB)`,
  ];
  const md = `# Benchmarks

Written by \`npm run bench\` (scripts/bench/). Re-run it to refresh; do not edit by hand.

- Date: ${started.toISOString()}
- Machine: ${describeMachine()}

## Ticket issuance (HTTP API vs raw SQLite)

Method: the built hub (\`out/scripts/start.js --headless\`) runs in its own process with a fresh
database. ${t.clients} concurrent keep-alive HTTP clients in the benchmark process share ${t.tickets.toLocaleString('en')} \`POST /api/tickets\`
requests (after one warm-up request each). Each ticket is a durable commit (WAL, synchronous=FULL)
acknowledged only after it is on disk. The baseline inserts the same number of ticket rows in
single-row IMMEDIATE transactions through better-sqlite3 directly, on the same schema and
pragmas, in the benchmark process. Client and host share the machine's cores.

| measure | value |
| --- | --- |
| API rate | ${f0(t.apiRate)} tickets/s |
| raw better-sqlite3 rate | ${f0(t.rawRate)} tickets/s |
| ratio API / raw | ${ratio.toFixed(2)} |
| API latency p50 | ${f1(t.p50)} ms |
| API latency p99 | ${f1(t.p99)} ms |
| API latency max | ${f1(t.max)} ms |
| host resident memory after the run | ${t.hostRssMiB === null ? 'n/a' : `${f0(t.hostRssMiB)} MiB`} |

Goals: ${goals.join('; ')}.
`;
  const path = join(appRoot(), 'BENCHMARKS.md');
  writeFileSync(path, md);
  process.stdout.write(md);
  process.stderr.write(`written to ${path}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
