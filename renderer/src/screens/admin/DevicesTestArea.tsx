import { useTranslation } from 'react-i18next';
import type { CardNotice, ScanNotice } from '../../devices/use-device-events.js';
import { formatDateTime } from '../../i18n/format.js';

/**
 * The admin's test bench: the last card read and the last scan on this screen. Only masked values
 * are shown, as on any screen a passer-by can see.
 */
export function DevicesTestArea({ card, scan }: { card: CardNotice | null; scan: ScanNotice | null }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="devices-test">
      <h3>{t('device.test.title')}</h3>
      <p className="muted">{t('device.test.hint')}</p>
      <div className="devices-test__grid">
        <div className="devices-test__box" aria-live="polite" data-testid="device-last-card">
          <h4>{t('device.test.lastCard')}</h4>
          {card === null ? (
            <p className="muted">{t('device.test.noCard')}</p>
          ) : card.read.outcome === 'ok' ? (
            <dl className="facts">
              <dt>{t('device.card.type')}</dt>
              <dd>{t(`device.cardType.${card.read.card.cardType}`)}</dd>
              <dt>{t('device.card.name')}</dt>
              <dd data-testid="device-card-name">{card.read.card.masked.name}</dd>
              <dt>{t('device.card.idNumber')}</dt>
              <dd data-testid="device-card-id" className="devices-mono">
                {card.read.card.masked.idNumber}
              </dd>
              <dt>{t('device.card.validUntil')}</dt>
              <dd>{card.read.card.validUntil === 'long_term' ? t('device.card.longTerm') : card.read.card.validUntil}</dd>
              <dt>{t('device.card.readAt')}</dt>
              <dd>{formatDateTime(card.at, i18n.language)}</dd>
            </dl>
          ) : (
            <div className="devices-failure" data-testid="device-card-failure">
              <p>
                <strong>{t(`device.failure.${card.read.failure}`)}</strong>
              </p>
              <p className="devices-mono">{card.read.detail}</p>
              <p>{t('device.test.manualEntry')}</p>
            </div>
          )}
        </div>
        <div className="devices-test__box" aria-live="polite" data-testid="device-last-scan">
          <h4>{t('device.test.lastScan')}</h4>
          {scan === null ? (
            <p className="muted">{t('device.test.noScan')}</p>
          ) : (
            <dl className="facts">
              <dt>{t('device.scan.source')}</dt>
              <dd>{t(`device.scan.${scan.source}`)}</dd>
              <dt>{t('device.scan.text')}</dt>
              <dd data-testid="device-scan-text" className="devices-mono">
                {scan.text}
              </dd>
            </dl>
          )}
        </div>
      </div>
    </div>
  );
}
