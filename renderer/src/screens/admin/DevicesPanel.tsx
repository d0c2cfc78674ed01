import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '@domain/devices/device-contract.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useHost } from '../../data/host-context.js';
import { useCommand } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { useDeviceEvents, type ScanNotice } from '../../devices/use-device-events.js';
import { useWedgeScanner } from '../../devices/useWedgeScanner.js';
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

function address(d: Device): string {
  if (d.transport === 'serial') return `${d.portPath ?? ''} @ ${d.baudRate}`;
  if (d.vendorId !== null && d.productId !== null) return `${d.vendorId.toString(16).padStart(4, '0')}:${d.productId.toString(16).padStart(4, '0')}`;
  return '';
}

/** Devices: each reader and scanner with its health, where its reads go, and a test area. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const { terminal } = useHost();
  const selfId = terminal.id;
  const devices = useQuery('listDevices');
  const bind = useCommand('updateDevice', { invalidates: ['listDevices'] });
  const events = useDeviceEvents();
  const [wedgeScan, setWedgeScan] = useState<ScanNotice | null>(null);
  const onWedge = useCallback((text: string) => setWedgeScan({ source: 'wedge', deviceId: null, at: Date.now(), text }), []);
  useWedgeScanner(onWedge);
  const bindHere = (id: number) => void bind.run({ params: { id }, body: { terminalId: selfId } });

  const lastScan = [events.lastScan, wedgeScan].filter((s): s is ScanNotice => s !== null).sort((a, b) => b.at - a.at)[0] ?? null;

  return (
    <Panel
      title={t('device.title')}
      testId="devices-panel"
      error={(bind.error ?? devices.error)?.key}
      onDismissError={bind.clearError}
      onRefresh={devices.refetch}
      refreshLabel={t('device.refresh')}
    >
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
                {t(`device.transport.${d.transport}`)} <span className="devices-addr">{address(d)}</span>
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
                {d.terminalId === null ? t('device.unbound') : d.terminalId === selfId ? t('device.thisScreen') : t('device.terminal', { id: d.terminalId })}
                {/* A device on a terminal's own machine reads for that terminal only. */}
                {d.agentKey !== null ? <span className="devices-problem">{t('device.agentOwned')}</span> : null}
                {d.terminalId !== selfId && d.agentKey === null ? (
                  <button type="button" className="btn devices-bind" disabled={bind.busy} onClick={() => bindHere(d.id)}>
                    {t('device.bindHere')}
                  </button>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <DevicesTestArea card={events.lastCard} scan={lastScan} />
    </Panel>
  );
}
