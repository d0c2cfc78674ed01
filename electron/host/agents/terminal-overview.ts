import type { TerminalOverview } from '../../domain/contract/terminals-api.js';
import type { HostContext } from '../host-context.js';

/**
 * The admin screen's terminal list: each terminal with whether it is there now (screens, agent),
 * what its agent reported (machine, version), the devices it owns or is bound to, and where its
 * papers go with the printer's last state.
 */
export function terminalOverview(ctx: HostContext): TerminalOverview[] {
  const devices = ctx.devices.list();
  return ctx.terminals.list().map((t) => {
    const reported = ctx.agents.reported(t.id);
    const presence = ctx.presence.of(t.id);
    const effective = ctx.printing.configFor(t.id);
    const description = effective.kind === 'none' ? 'none' : `${effective.kind}:${effective.target}`;
    // The last contact the hub remembers: live presence, else what was written before a restart.
    const lastContactAt = Math.max(presence.lastContactAt ?? 0, reported?.lastContactAt ?? 0, t.lastSeenAt ?? 0) || null;
    return {
      ...t,
      presence: { ...presence, lastContactAt },
      agent: reported ? { version: reported.version, machine: reported.machine, connectedAt: reported.connectedAt } : null,
      devices: devices
        .filter((d) => d.terminalId === t.id)
        .map((d) => ({ id: d.id, name: d.name, kind: d.kind, state: d.health.state, agent: d.agentKey !== null })),
      printer: { description, status: ctx.printing.statusOf(t.id).status },
    };
  });
}
