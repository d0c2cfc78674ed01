/**
 * `npm run city -- --database postgres://… --port 5160`: the city service (issue 16).
 * `--issue-code <hall-id>` prints a one-time enrolment code for that hall and exits;
 * `--add-supervisor <name>` prints a city-supervisor's sign-in token and exits;
 * `--publish-calendar <file.json>` ([{ day, kind: holiday|workday, name }]) publishes a new version of
 * the holiday calendar for every hall and exits; `--publish-catalog <file.json>` ({ <service code>:
 * { feeYuan?, timeLimitDays? } }) publishes the catalog's national values likewise, and
 * `--publish-rating-rules <file.json>` ({ dueDays, callbackRequired }) the 好差评 rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot } from '../db/app-root.js';
import { z } from 'zod';
import { HallIdSchema } from '../electron/domain/city/feed.js';
import { PublishedCalendarSchema } from '../electron/domain/city/published-calendar.js';
import { CityRatingRulesSchema } from '../electron/domain/city/published-rating-rules.js';
import { CatalogOverridesSchema } from '../electron/domain/catalog/catalog-overrides.js';
import { startCity } from '../electron/city/start-city.js';

const USAGE =
  'usage: npm run city -- --database postgres://user@host:port/db [--port 5160] [--host 0.0.0.0] [--issue-code HALL-ID | --add-supervisor NAME | --publish-calendar FILE.json | --publish-catalog FILE.json | --publish-rating-rules FILE.json]';

const OptionsSchema = z.object({
  database: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  port: z.coerce.number().int().min(0).max(65535).default(5160),
  host: z.string().min(1).default('0.0.0.0'),
  'issue-code': HallIdSchema.optional(),
  'add-supervisor': z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  'publish-calendar': z.string().min(1).optional(),
  'publish-catalog': z.string().min(1).optional(),
  'publish-rating-rules': z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: process.env['YIZHAN_CITY_DATABASE'] },
      port: { type: 'string' },
      host: { type: 'string' },
      'issue-code': { type: 'string' },
      'add-supervisor': { type: 'string' },
      'publish-calendar': { type: 'string' },
      'publish-catalog': { type: 'string' },
      'publish-rating-rules': { type: 'string' },
    },
  });
  const parsed = OptionsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}\n`);
    process.exit(2);
  }
  const o = parsed.data;
  const oneOff =
    o['issue-code'] !== undefined ||
    o['add-supervisor'] !== undefined ||
    o['publish-calendar'] !== undefined ||
    o['publish-catalog'] !== undefined ||
    o['publish-rating-rules'] !== undefined;
  // Read and checked before anything is written.
  const catalog = o['publish-catalog'] ? CatalogOverridesSchema.parse(JSON.parse(readFileSync(o['publish-catalog'], 'utf8'))) : null;
  const calendar = o['publish-calendar'] ? PublishedCalendarSchema.shape.days.parse(JSON.parse(readFileSync(o['publish-calendar'], 'utf8'))) : null;
  const ratingRules = o['publish-rating-rules'] ? CityRatingRulesSchema.parse(JSON.parse(readFileSync(o['publish-rating-rules'], 'utf8'))) : null;
  const city = await startCity({
    databaseUrl: o.database,
    host: oneOff ? '127.0.0.1' : o.host,
    port: oneOff ? 0 : o.port,
    rendererDir: join(appRoot(), 'out', 'renderer'),
  });
  if (oneOff) {
    if (o['issue-code']) process.stdout.write(`enrolment code for hall ${o['issue-code']}: ${await city.issueCode(o['issue-code'])} (valid 24 h)\n`);
    if (o['add-supervisor']) process.stdout.write(`city-supervisor ${o['add-supervisor']} token: ${await city.addSupervisor(o['add-supervisor'])}\n`);
    if (catalog) process.stdout.write(`catalog values published as version ${await city.publishCatalog(catalog)}\n`);
    if (ratingRules) process.stdout.write(`rating rules published as version ${await city.publishRatingRules(ratingRules)}\n`);
    if (calendar) process.stdout.write(`holiday calendar published as version ${await city.publishCalendar(calendar)}\n`);
    await city.close();
    return;
  }
  process.stdout.write(`city: serving ${city.url} (schema ${city.schemaVersion})\n`);
  const stop = () => void city.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`city: ${(err as Error).message}\n`);
  process.exit(1);
});
