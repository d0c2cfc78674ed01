import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '@domain/devices/device-contract.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useDeviceEvents, type ScanNotice } from '../../devices/useDeviceEvents.js';
import { useWedgeScanner } from '../../devices/useWedgeScanner.js';
import { DevicesTestArea } from './DevicesTestArea.js';
import './Devices.css';

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
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [selfId, setSelfId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const events = useDeviceEvents('admin');
  const [wedgeScan, setWedgeScan] = useState<ScanNotice | null>(null);
  const onWedge = useCallback((text: string) => setWedgeScan({ source: 'wedge', deviceId: null, at: Date.now(), text }), []);
  useWedgeScanner(onWedge);

  useEffect(() => {
    const ctl = new AbortController();
    Promise.all([callApi('listDevices', { signal: ctl.signal }), callApi('session', { query: { role: 'admin' }, signal: ctl.signal })])
      .then(([list, session]) => {
        setDevices(list.devices);
        setSelfId(session.terminal.id);
      })
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [version]);

  const bindHere = (id: number) => {
    setError(null);
    callApi('updateDevice', { params: { id }, body: { terminalId: selfId } })
      .then(() => setVersion((n) => n + 1))
      .catch((e: unknown) => setError(errorKey(e)));
  };

  const lastScan = [events.lastScan, wedgeScan].filter((s): s is ScanNotice => s !== null).sort((a, b) => b.at - a.at)[0] ?? null;

  return (
    <section className="panel" aria-labelledby="admin-devices-h">
      <div className="panel__head">
        <h2 id="admin-devices-h">{t('device.title')}</h2>
        <button type="button" className="btn" onClick={() => setVersion((n) => n + 1)}>
          {t('device.refresh')}
        </button>
      </div>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      {devices === null ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : devices.length === 0 ? (
        <p>{t('device.none')}</p>
      ) : (
        <table className="table devices-table">
          <thead>
            <tr>
              <th scope="col">{t('device.name')}</th>
              <th scope="col">{t('device.kindLabel')}</th>
              <th scope="col">{t('device.connection')}</th>
              <th scope="col">{t('device.status')}</th>
              <th scope="col">{t('device.counts')}</th>
              <th scope="col">{t('device.boundTo')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => {
              const h = events.health[d.id] ?? d.health;
              const ok = h.state === 'connected';
              return (
                <tr key={d.id} data-device-id={d.id}>
                  <th scope="row">{d.name}</th>
                  <td>{t(`device.kind.${d.kind}`)}</td>
                  <td>
                    {t(`device.transport.${d.transport}`)} <span className="devices-addr">{address(d)}</span>
                  </td>
                  <td>
                    <span className={ok ? 'badge badge--ok' : 'badge badge--off'}>{t(`device.state.${h.state}`)}</span>
                    {h.problem ? <span className="devices-problem">{t(problemKey(h.problem))}</span> : null}
                  </td>
                  <td>{t('device.countsValue', { reads: h.reads, failures: h.failures, reconnects: h.reconnects })}</td>
                  <td>
                    {d.terminalId === null
                      ? t('device.unbound')
                      : d.terminalId === selfId
                        ? t('device.thisScreen')
                        : t('device.terminal', { id: d.terminalId })}
                    {d.terminalId !== selfId && selfId !== null ? (
                      <button type="button" className="btn devices-bind" onClick={() => bindHere(d.id)}>
                        {t('device.bindHere')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <DevicesTestArea card={events.lastCard} scan={lastScan} />
    </section>
  );
}
