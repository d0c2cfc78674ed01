/**
 * `npm run bench`: runs every benchmark and writes BENCHMARKS.md. Figures are reported as ratios
 * against a baseline measured in the same run; absolute numbers on shared machines are noisy, so
 * each benchmark runs several rounds and is judged on the median.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../db/app-root.js';
import { describeMachine } from './machine.js';
import { benchTicketIssuance, type IssuanceResult } from './ticket-issuance.js';
import { queueSection } from './queue-section.js';
import { devicesSection } from './devices.js';
import { documentsSection } from './documents.js';
import { caseAcceptSection } from './case-accept.js';
import { kioskJourneySection } from './kiosk-journey.js';
import { lanSection } from './lan.js';
import { ratingsSection } from './ratings.js';
import { reportsSection } from './reports.js';
import { citySection } from './city.js';
import { cityReportSection } from './city-report.js';
import { backOfficeSection } from './back-office.js';
import { dashboardSection } from './dashboard-section.js';

const ROUNDS = 3;
const CLIENTS = 50;
const TICKETS = 5000;

const f1 = (n: number) => n.toFixed(1);
const f0 = (n: number) => n.toFixed(0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function main(): Promise<void> {
  const started = new Date();
  const rounds: IssuanceResult[] = [];
  for (let i = 1; i <= ROUNDS; i++) {
    process.stderr.write(`ticket issuance, round ${i}/${ROUNDS}: ${CLIENTS} clients × ${TICKETS} tickets …\n`);
    rounds.push(await benchTicketIssuance(CLIENTS, TICKETS));
  }
  const ratio = median(rounds.map((r) => r.apiRate / r.rawRate));
  const p99 = median(rounds.map((r) => r.p99));
  const rss = Math.max(...rounds.map((r) => r.hostRssMiB ?? Infinity));
  const goals = [
    `API rate ≥ 0.5 × raw: ${ratio >= 0.5 ? 'met' : 'NOT met'} (median ratio ${ratio.toFixed(2)})`,
    `p99 < 20 ms: ${p99 < 20 ? 'met' : 'NOT met'} (median p99 ${f1(p99)} ms)`,
    `host RSS < 150 MB: ${rss < 150 ? 'met' : 'NOT met'} (largest ${Number.isFinite(rss) ? f0(rss) : 'n/a'} MiB)`,
  ];
  const rows = rounds
    .map(
      (r, i) =>
        `| ${i + 1} | ${f0(r.apiRate)} | ${f0(r.rawRate)} | ${(r.apiRate / r.rawRate).toFixed(2)} | ${f1(r.p50)} | ${f1(r.p99)} | ${f1(r.max)} | ${r.hostRssMiB === null ? 'n/a' : f0(r.hostRssMiB)} |`,
    )
    .join('\n');
  const md = `# Benchmarks

Written by \`npm run bench\` (scripts/bench/). Re-run it to refresh; do not edit by hand.

- Date: ${started.toISOString()}
- Machine: ${describeMachine()}

## Ticket issuance (HTTP API vs raw SQLite)

Method: the built hub (\`out/scripts/start.js --headless\`) runs in its own process with a fresh
database. ${CLIENTS} concurrent keep-alive HTTP clients in the benchmark process (closed loop, no think
time) first send 1,000 untimed requests to warm connections and the JIT, then share
${TICKETS.toLocaleString('en')} timed \`POST /api/tickets\` requests. Every ticket is a durable commit (WAL,
synchronous=FULL) and is answered only after its commit is on disk; tickets requested in the same
event-loop turn share one commit (group commit). The baseline, in the same round, inserts
${TICKETS.toLocaleString('en')} ticket rows in single-row IMMEDIATE transactions through better-sqlite3 directly
on the same schema and pragmas: the rate of one fsync per ticket. Client and host share the
machine's two cores. ${ROUNDS} rounds, each with a new hub; goals are judged on the median.

| round | API tickets/s | raw tickets/s | API / raw | p50 ms | p99 ms | max ms | host RSS MiB |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows}

Goals: ${goals.join('; ')}.

Reading: the API beats the single-row baseline because a burst shares one fsync; without group
commit it reached 0.24 × raw (p99 84 ms) in the first measurement of this benchmark. With 50
clients and no think time, latency is mostly queueing (Little's law: 50 in flight at ~7,000/s is
~7 ms mean); a hall's real load (600 people per window per day) is orders of magnitude lighter.
`;
  const sections = [
    md,
    await queueSection(),
    await dashboardSection(),
    await devicesSection(),
    await documentsSection(),
    await caseAcceptSection(),
    await kioskJourneySection(),
    await lanSection(),
    ratingsSection(),
    await reportsSection(),
    await citySection(),
    await cityReportSection(),
    await backOfficeSection(),
  ];
  const path = join(appRoot(), 'BENCHMARKS.md');
  writeFileSync(path, sections.join('\n'));
  process.stdout.write(sections.join('\n'));
  process.stderr.write(`written to ${path}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
