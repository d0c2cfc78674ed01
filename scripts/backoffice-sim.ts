/**
 * `npm run backoffice:sim -- --port 5190 [--host 127.0.0.1] [--credential <token>]`: the back
 * offices behind the hall (household register, traffic platform, exit-entry system), simulated
 * over a small shipped data set, with a ledger of every case received and faults to switch on:
 *
 *   curl -XPOST localhost:5190/_sim/mode -d '{"mode":"down"}'
 *   curl -XPOST localhost:5190/_sim/mode -d '{"mode":"error","status":429,"retryAfter":5}'
 *   curl localhost:5190/_sim/ledger
 *
 * Prints "back-office simulator listening on <url>" once it listens (tests read the port there).
 */
import { parseArgs } from 'node:util';
import { startBackOfficeSim } from './backoffice-sim/server.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { port: { type: 'string', default: '5190' }, host: { type: 'string', default: '127.0.0.1' }, credential: { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a port number, not ${values.port}\n`);
  process.exit(2);
}
const sim = await startBackOfficeSim({ port, host: values.host, ...(values.credential ? { credential: values.credential } : {}) });
process.stdout.write(`back-office simulator listening on ${sim.url}\n`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
