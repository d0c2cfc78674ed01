/** `node out/scripts/bench/dashboard-only.js [rounds] [screens] [calls]`: the dashboard section alone, printed. */
import { dashboardSection } from './dashboard-section.js';

const [rounds, screens, calls] = process.argv.slice(2).map(Number);
dashboardSection(rounds || 1, screens || 200, calls || 50)
  .then((md) => process.stdout.write(md))
  .catch((err: unknown) => {
    process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
