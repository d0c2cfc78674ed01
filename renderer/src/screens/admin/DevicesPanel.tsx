import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceTestResult } from '@domain/devices/detected-device.js';
import type { Device } from '@domain/devices/device-contract.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useHost } from '../../data/host-context.js';
import { useCommand } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { useDeviceEvents, type ScanNotice } from '../../devices/use-device-events.js';
import { useWedgeScanner } from '../../devices/useWedgeScanner.js';
import { DeviceActions, type DeviceCommands } from './DeviceActions.js';
import { DeviceForm, type TerminalChoice } from './DeviceForm.js';
import { deviceAddress } from './device-text.js';
import { DevicesTestArea } from './DevicesTestArea.js';
import './devices.css';

const KNOWN_PROBLEMS = new Set([
  'no_reader',
  'reader_busy',
  'reader_error',
  'sam_error',
  'card_unreadable',
  'card_expired',
  'card_invalid',
  'not_configured',
  'transport_permission',
  'agent_offline',
]);

/** Translation key of a health problem code; codes with a detail suffix share their family's text. */
export function problemKey(code: string): string {
  if (KNOWN_PROBLEMS.has(code)) return `device.problem.${code}`;
  if (code.startsWith('reader_error_')) return 'device.problem.reader_error';
  if (code.startsWith('scan_')) return 'device.problem.scan_error';
  return 'device.problem.other';
}

const INVALIDATES = ['listDevices', 'detectDevices', 'listTerminals'] as const;

/**
 * Devices: each reader and scanner with its health and the terminal its reads go to; an
 * administrator adds one (from what the machine detects, or by its port or ids), edits, binds it
 * to any paired terminal, switches it, tests and removes it; and a test area for this screen.
 */
export function DevicesPanel() {
  const { t } = useTranslation();
  const { terminal } = useHost();
  const selfId = terminal.id;
  const devices = useQuery('listDevices');
  const terminals = useQuery('listTerminals');
  const update = useCommand('updateDevice', { invalidates: [...INVALIDATES] });
  const remove = useCommand('deleteDevice', { invalidates: [...INVALIDATES] });
  const test = useCommand('testDevice');
  const [form, setForm] = useState<Device | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [results, setResults] = useState<Record<number, DeviceTestResult>>({});
  const [testing, setTesting] = useState<number | null>(null);
  const events = useDeviceEvents();
  const [wedgeScan, setWedgeScan] = useState<ScanNotice | null>(null);
  const onWedge = useCallback((text: string) => setWedgeScan({ source: 'wedge', deviceId: null, at: Date.now(), text }), []);
  useWedgeScanner(onWedge);

  const choices: TerminalChoice[] = (terminals.data?.terminals ?? [])
    .filter((x) => !x.revoked)
    .map((x) => ({
      id: x.id,
      label: x.id === selfId ? t('device.thisScreenNamed', { name: x.name }) : t('device.terminalOption', { name: x.name, role: t(`screen.${x.role}`) }),
    }));
  const terminalName = (id: number) => terminals.data?.terminals.find((x) => x.id === id)?.name ?? t('device.terminal', { id });
  const open = (f: Device | 'new') => {
    setSaved(null);
    setForm(f);
  };
  const commands: DeviceCommands = {
    busy: update.busy || remove.busy,
    edit: open,
    setEnabled: (d, on) => update.run({ params: { id: d.id }, body: { enabled: on } }),
    bindHere: (d) => update.run({ params: { id: d.id }, body: { terminalId: selfId } }),
    remove: (d) => remove.run({ params: { id: d.id } }).then((r) => r && setSaved('device.removed')),
    test: async (d) => {
      setTesting(d.id);
      const r = await test.run({ params: { id: d.id } });
      setTesting(null);
      if (r) setResults((cur) => ({ ...cur, [d.id]: r.result }));
    },
  };
  const lastScan = [events.lastScan, wedgeScan].filter((s): s is ScanNotice => s !== null).sort((a, b) => b.at - a.at)[0] ?? null;
  const error = update.error ?? remove.error ?? test.error ?? devices.error;

  return (
    <Panel
      title={t('device.title')}
      testId="devices-panel"
      error={error?.key}
      onDismissError={() => (update.clearError(), remove.clearError(), test.clearError())}
      onRefresh={devices.refetch}
      refreshLabel={t('device.refresh')}
      actions={
        <button type="button" className="btn" onClick={() => open('new')}>
          {t('device.add')}
        </button>
      }
    >
      <p className="saved" role="status">
        {saved ? t(saved) : ''}
      </p>
      {form ? (
        <DeviceForm
          key={form === 'new' ? 'new' : form.id}
          editing={form === 'new' ? null : form}
          terminals={choices}
          onCancel={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            setSaved('device.saved');
          }}
        />
      ) : null}
      <DataTable<Device>
        rows={devices.data?.devices}
        failed={devices.error !== null}
        rowKey={(d) => d.id}
        empty={t('device.none')}
        columns={[
          { header: t('device.name'), rowHeader: true, cell: (d) => d.name },
          { header: t('device.kindLabel'), cell: (d) => t(`device.kind.${d.kind}`) },
          {
            header: t('device.connection'),
            cell: (d) => (
              <>
                {t(`device.transport.${d.transport}`)} <span className="devices-addr">{deviceAddress(d)}</span>
              </>
            ),
          },
          {
            header: t('device.status'),
            cell: (d) => {
              const h = events.health[d.id] ?? d.health;
              return (
                <>
                  <span className={h.state === 'connected' ? 'badge badge--ok' : 'badge badge--off'}>{t(`device.state.${h.state}`)}</span>
                  {h.problem ? <span className="devices-problem">{t(problemKey(h.problem))}</span> : null}
                </>
              );
            },
          },
          {
            header: t('device.counts'),
            cell: (d) => {
              const h = events.health[d.id] ?? d.health;
              return t('device.countsValue', { reads: h.reads, failures: h.failures, reconnects: h.reconnects });
            },
          },
          {
            header: t('device.boundTo'),
            cell: (d) => (
              <>
                {d.terminalId === null ? t('device.unbound') : d.terminalId === selfId ? t('device.thisScreen') : terminalName(d.terminalId)}
                {/* A device on a terminal's own machine reads for that terminal only. */}
                {d.agentKey !== null ? <span className="devices-problem">{t('device.agentOwned')}</span> : null}
              </>
            ),
          },
          {
            header: t('admin.terminals.actions'),
            cell: (d) => <DeviceActions device={d} here={d.terminalId === selfId} result={results[d.id]} testing={testing === d.id} commands={commands} />,
          },
        ]}
      />
      <DevicesTestArea card={events.lastCard} scan={lastScan} />
    </Panel>
  );
}
