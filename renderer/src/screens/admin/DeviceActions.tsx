import { useTranslation } from 'react-i18next';
import type { DeviceTestResult } from '@domain/devices/detected-device.js';
import type { Device } from '@domain/devices/device-contract.js';
import { ConfirmButton } from '../../components/panel/ConfirmButton.js';

export interface DeviceCommands {
  busy: boolean;
  edit: (d: Device) => void;
  setEnabled: (d: Device, on: boolean) => Promise<unknown>;
  test: (d: Device) => Promise<unknown>;
  remove: (d: Device) => Promise<unknown>;
  bindHere: (d: Device) => Promise<unknown>;
}

/**
 * A device's buttons: edit, switch on or off, test, remove, and "test on this screen" (bind it
 * here to see its reads in the test area). A device of a terminal's own machine can only be
 * renamed and switched: its agent reports it again, so it cannot be removed or moved.
 */
export function DeviceActions({
  device: d,
  here,
  result,
  testing,
  commands,
}: {
  device: Device;
  here: boolean;
  result: DeviceTestResult | undefined;
  testing: boolean;
  commands: DeviceCommands;
}) {
  const { t } = useTranslation();
  const agent = d.agentKey !== null;
  return (
    <div className="devices-actions">
      <button type="button" className="btn" aria-label={t('device.editLabel', { name: d.name })} onClick={() => commands.edit(d)}>
        {t('device.edit')}
      </button>
      <button
        type="button"
        className="btn"
        aria-label={t(d.enabled ? 'device.disableLabel' : 'device.enableLabel', { name: d.name })}
        disabled={commands.busy}
        onClick={() => void commands.setEnabled(d, !d.enabled)}
      >
        {t(d.enabled ? 'device.disable' : 'device.enable')}
      </button>
      <button type="button" className="btn" aria-label={t('device.testLabel', { name: d.name })} disabled={testing} onClick={() => void commands.test(d)}>
        {testing ? t('device.testing') : t('device.testButton')}
      </button>
      {!here && !agent ? (
        <button type="button" className="btn" disabled={commands.busy} onClick={() => void commands.bindHere(d)}>
          {t('device.bindHere')}
        </button>
      ) : null}
      {agent ? null : (
        <ConfirmButton
          label={t('device.remove')}
          ariaLabel={t('device.removeLabel', { name: d.name })}
          question={t('device.removeQuestion', { name: d.name })}
          confirm={t('device.confirmRemove')}
          busy={commands.busy}
          onConfirm={() => commands.remove(d)}
        />
      )}
      <p className={result && !result.ok ? 'devices-test-result devices-test-result--bad' : 'devices-test-result'} role="status">
        {result ? t(`device.testResult.${result.code}`) : ''}
      </p>
    </div>
  );
}
