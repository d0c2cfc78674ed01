import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectedDevice } from '@domain/devices/detected-device.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useQuery } from '../../data/use-query.js';
import { detectedLabel } from './device-text.js';

/** The key of a detected device among the choices (its address). */
export const detectedKey = (d: DetectedDevice): string => `${d.transport}:${d.path ?? `${d.vendorId ?? ''}:${d.productId ?? ''}`}`;
export const MANUAL = 'manual';

/**
 * What the hub's machine has attached, as radio buttons (plus "type it in"): choosing one fills
 * the form. Devices already set up are shown but not offered; a look that failed (no USB access
 * here) says so instead of looking empty.
 */
export function DetectedDevicePicker({ chosen, onChoose }: { chosen: string; onChoose: (key: string, d: DetectedDevice | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const detected = useQuery('detectDevices');
  const failed = detected.data?.sources.filter((s) => !s.ok) ?? [];
  return (
    <fieldset className="form-field device-detect">
      <legend className="field-label">{t('device.detect.title')}</legend>
      <p className="field-hint">{t('device.detect.hint')}</p>
      <AlertRegion messageKey={detected.error?.key ?? null} />
      {detected.loading ? <p className="muted">{t('device.detect.loading')}</p> : null}
      {detected.data && detected.data.devices.length === 0 ? <p className="muted">{t('device.detect.none')}</p> : null}
      <ul className="device-detect__list">
        {(detected.data?.devices ?? []).map((d) => {
          const key = detectedKey(d);
          return (
            <li key={key}>
              <label className="check">
                <input type="radio" name={`${id}-pick`} value={key} checked={chosen === key} disabled={d.usedBy !== null} onChange={() => onChoose(key, d)} />
                <span className="device-detect__label">{detectedLabel(d, t)}</span>
                {d.usedBy !== null ? <span className="devices-problem">{t('device.detect.used', { id: d.usedBy })}</span> : null}
              </label>
            </li>
          );
        })}
        <li>
          <label className="check">
            <input type="radio" name={`${id}-pick`} value={MANUAL} checked={chosen === MANUAL} onChange={() => onChoose(MANUAL, null)} />
            {t('device.detect.manual')}
          </label>
        </li>
      </ul>
      {failed.map((s) => (
        <p key={s.transport} className="devices-problem">
          {t(`device.detect.failed.${s.problem ?? 'unavailable'}`, { transport: t(`device.transport.${s.transport}`) })}
        </p>
      ))}
      <button type="button" className="btn" onClick={detected.refetch}>
        {t('device.detect.refresh')}
      </button>
    </fieldset>
  );
}
