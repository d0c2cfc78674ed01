import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectedDevice } from '@domain/devices/detected-device.js';
import { BAUD_RATES, DEVICE_KINDS, SERIAL_PORT_PATTERN, type Device } from '@domain/devices/device-contract.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { Field, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { useProblems } from '../../components/form/use-problems.js';
import { useCommand } from '../../data/use-command.js';
import { DetectedDevicePicker, MANUAL } from './DetectedDevicePicker.js';
import { hex4, suggestedName } from './device-text.js';

type Kind = (typeof DEVICE_KINDS)[number];
type Transport = 'serial' | 'usb' | 'hid';
const TRANSPORTS: readonly Transport[] = ['serial', 'usb', 'hid'];
const HEX4 = /^[0-9a-f]{4}$/i;

export interface TerminalChoice {
  id: number;
  label: string;
}

/**
 * Add a device (choosing it among what the machine detects, or typing its port or ids) or edit
 * one: its name, port and speed, the terminal that receives its reads, on or off. A device of a
 * terminal's own machine (its agent runs it) keeps its port and terminal: name and switch only.
 */
export function DeviceForm({
  editing,
  terminals,
  onSaved,
  onCancel,
}: {
  editing: Device | null;
  terminals: readonly TerminalChoice[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [picked, setPicked] = useState(MANUAL);
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<Kind>(editing?.kind ?? 'id_reader');
  const [transport, setTransport] = useState<Transport>(editing && editing.transport !== 'simulated' ? editing.transport : 'serial');
  const [portPath, setPortPath] = useState(editing?.portPath ?? '');
  const [baudRate, setBaudRate] = useState<number>(editing?.baudRate ?? 115200);
  const [vendorId, setVendorId] = useState(editing?.vendorId != null ? hex4(editing.vendorId) : '');
  const [productId, setProductId] = useState(editing?.productId != null ? hex4(editing.productId) : '');
  const [terminalId, setTerminalId] = useState<string>(editing?.terminalId != null ? String(editing.terminalId) : '');
  const [enabled, setEnabled] = useState(editing?.enabled ?? true);
  const check = useProblems();
  const create = useCommand('createDevice', { invalidates: ['listDevices', 'detectDevices', 'listTerminals'] });
  const update = useCommand('updateDevice', { invalidates: ['listDevices', 'detectDevices', 'listTerminals'] });
  const fid = (k: string) => `${id}-${k}`;
  const problemOf = (k: string) => check.problemOf(fid(k));
  const agentOwned = editing !== null && editing.agentKey !== null;
  // What the form may change: all of a new device; of a configured one, what a patch may touch.
  const fixedAddress = editing !== null && (agentOwned || editing.transport !== 'serial');
  const serial = editing ? editing.transport === 'serial' : transport === 'serial';

  const choose = (key: string, d: DetectedDevice | null) => {
    setPicked(key);
    if (!d) return;
    if (d.transport === 'serial') setPortPath(d.path ?? '');
    setTransport(d.transport);
    setVendorId(d.vendorId !== null ? hex4(d.vendorId) : '');
    setProductId(d.productId !== null ? hex4(d.productId) : '');
    if (d.kindHint) setKind(d.kindHint);
    setName(suggestedName(d, t));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (name.trim() === '') found.push({ id: fid('name'), label: t('device.form.name'), problem: { key: 'form.required' } });
    if (!fixedAddress && serial && !SERIAL_PORT_PATTERN.test(portPath.trim()))
      found.push({ id: fid('port'), label: t('device.form.portPath'), problem: { key: 'device.form.portInvalid' } });
    if (!editing && !serial) {
      if (!HEX4.test(vendorId.trim())) found.push({ id: fid('vid'), label: t('device.form.vendorId'), problem: { key: 'device.form.idInvalid' } });
      if (!HEX4.test(productId.trim())) found.push({ id: fid('pid'), label: t('device.form.productId'), problem: { key: 'device.form.idInvalid' } });
    }
    if (!check.check(found)) return;
    const bound = terminalId === '' ? null : Number(terminalId);
    if (editing) {
      // Only what changed is sent: the audit names a binding or a switch as such.
      const next = agentOwned
        ? { name: name.trim(), enabled }
        : { name: name.trim(), enabled, terminalId: bound, ...(serial ? { portPath: portPath.trim(), baudRate: baudRate as Device['baudRate'] } : {}) };
      const body = Object.fromEntries(Object.entries(next).filter(([k, v]) => editing[k as keyof typeof next] !== v)) as Partial<typeof next>;
      if (Object.keys(body).length === 0) return onSaved();
      void update.run({ params: { id: editing.id }, body }).then((r) => r && onSaved());
      return;
    }
    const body = {
      name: name.trim(),
      kind,
      transport,
      terminalId: bound,
      enabled,
      baudRate: baudRate as Device['baudRate'],
      ...(serial ? { portPath: portPath.trim() } : { vendorId: parseInt(vendorId, 16), productId: parseInt(productId, 16) }),
    };
    void create.run({ body }).then((r) => r && onSaved());
  };

  const busy = create.busy || update.busy;
  return (
    <form className="admin-form admin-subform" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{editing ? t('device.editTitle', { name: editing.name }) : t('device.addTitle')}</h3>
      <ProblemSummary form={check} />
      <AlertRegion messageKey={(editing ? update : create).error?.key ?? null} />
      {agentOwned ? <p className="field-hint">{t('device.form.agentHint')}</p> : null}
      {editing ? null : <DetectedDevicePicker chosen={picked} onChoose={choose} />}
      <div className="admin-form__grid">
        <Field id={fid('name')} label={t('device.form.name')} problem={problemOf('name')}>
          {(aria) => <input {...aria} maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {editing ? null : (
          <Field id={fid('kind')} label={t('device.form.kind')}>
            {(aria) => (
              <select {...aria} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {DEVICE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`device.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {editing ? null : (
          <Field id={fid('transport')} label={t('device.form.transport')}>
            {(aria) => (
              <select {...aria} value={transport} onChange={(e) => setTransport(e.target.value as Transport)}>
                {TRANSPORTS.map((x) => (
                  <option key={x} value={x}>
                    {t(`device.transport.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {fixedAddress ? null : serial ? (
        <div className="admin-form__grid">
          <Field id={fid('port')} label={t('device.form.portPath')} hint={t('device.form.portPathHint')} problem={problemOf('port')}>
            {(aria) => <input {...aria} className="devices-mono" maxLength={200} value={portPath} onChange={(e) => setPortPath(e.target.value)} />}
          </Field>
          <Field id={fid('baud')} label={t('device.form.baudRate')}>
            {(aria) => (
              <select {...aria} value={baudRate} onChange={(e) => setBaudRate(Number(e.target.value))}>
                {BAUD_RATES.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : editing ? null : (
        <div className="admin-form__grid">
          <Field id={fid('vid')} label={t('device.form.vendorId')} hint={t('device.form.idHint')} problem={problemOf('vid')}>
            {(aria) => <input {...aria} className="input--short devices-mono" maxLength={4} value={vendorId} onChange={(e) => setVendorId(e.target.value)} />}
          </Field>
          <Field id={fid('pid')} label={t('device.form.productId')} hint={t('device.form.idHint')} problem={problemOf('pid')}>
            {(aria) => <input {...aria} className="input--short devices-mono" maxLength={4} value={productId} onChange={(e) => setProductId(e.target.value)} />}
          </Field>
        </div>
      )}
      <div className="admin-form__grid">
        {agentOwned ? null : (
          <Field id={fid('terminal')} label={t('device.form.terminal')} hint={t('device.form.terminalHint')}>
            {(aria) => (
              <select {...aria} value={terminalId} onChange={(e) => setTerminalId(e.target.value)}>
                <option value="">{t('device.unbound')}</option>
                {terminals.map((x) => (
                  <option key={x.id} value={String(x.id)}>
                    {x.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t('device.form.enabled')}
        </label>
      </div>
      <div className="admin-form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('form.saving') : t('form.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
