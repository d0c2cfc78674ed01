import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PrinterConfigSchema } from '../../domain/contract/print-api.js';
import { TerminalRoleSchema } from '../../domain/contract/schemas.js';
import { PAIRING_CODE_PATTERN } from '../../domain/contract/terminals-api.js';
import { CliError, defaultDataDir } from '../cli-options.js';
import { specToConfig } from '../printing/printer-spec.js';
import { deviceFromSpec } from './agent-devices.js';

export const AGENT_USAGE = `Usage: npm run terminal -- --hub <url> --role <role> [options]
  A hall terminal's agent without a window: runs this machine's card reader, scanner and printer
  for the hub at <url>, as the desktop app does in its main process.
  --hub <url>          the hall hub, e.g. http://192.168.1.10:5150 (env YIZHAN_HUB)
  --role <role>        kiosk, booth, clerk, display or admin (default kiosk)
  --code <XXXX-XXXX>   pairing code from the admin screen (first start only; the credential is kept)
  --data-dir <dir>     where the credential is kept (default ${join(defaultDataDir(), 'terminal')}, env YIZHAN_TERMINAL_DIR)
  --printer <kind:x>   this machine's printer: cups:QUEUE, folder:/path or none (default none)
  --device <spec>      a device on this machine (repeatable): id_reader:serial:/dev/ttyUSB0,
                       id_reader:usb:0400:c35a, scanner:hid:0c2e:0b61
  --simulate-devices   a simulated reader and scanner, driven by npm run sim -- --data-dir <dir>
  --help               this text`;

const AgentCliSchema = z.object({
  hub: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://192.168.1.10:5150' }).transform((u) => {
    const url = new URL(u);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }),
  role: TerminalRoleSchema,
  code: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(PAIRING_CODE_PATTERN, 'a pairing code like ABCD-1234'))
    .optional(),
  dataDir: z.string().min(1),
  printer: z.string().transform((s, c) => {
    const r = PrinterConfigSchema.safeParse(specToConfig(s));
    if (r.success && r.data.kind !== 'electron') return r.data.kind === 'none' ? null : r.data;
    c.addIssue({ code: 'custom', message: 'expected cups:QUEUE, folder:/path or none' });
    return z.NEVER;
  }),
  devices: z.array(z.string()).transform((specs, c) => {
    try {
      return specs.map(deviceFromSpec);
    } catch (err) {
      c.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  }),
  simulateDevices: z.boolean(),
});
export type AgentCli = z.infer<typeof AgentCliSchema>;

export function parseAgentOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): AgentCli | 'help' {
  let v;
  try {
    v = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        hub: { type: 'string' },
        role: { type: 'string' },
        code: { type: 'string' },
        'data-dir': { type: 'string' },
        printer: { type: 'string' },
        device: { type: 'string', multiple: true },
        'simulate-devices': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${AGENT_USAGE}`);
  }
  if (v.help === true) return 'help';
  const r = AgentCliSchema.safeParse({
    hub: v.hub ?? env['YIZHAN_HUB'],
    role: v.role ?? 'kiosk',
    code: v.code,
    dataDir: v['data-dir'] ?? (env['YIZHAN_TERMINAL_DIR'] || join(defaultDataDir(env), 'terminal')),
    printer: v.printer ?? 'none',
    devices: v.device ?? [],
    simulateDevices: v['simulate-devices'] === true,
  });
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  --${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new CliError(`Invalid options:\n${lines.join('\n')}\n\n${AGENT_USAGE}`);
  }
  return r.data;
}
