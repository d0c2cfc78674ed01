import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../../data/use-command.js';
import { catalogLanguage } from './journey-model.js';

export type PrintState = 'idle' | 'printing' | 'printed' | 'failed';

/** The one-time notice on paper, for this kiosk's printer; one job per tap, never two in flight. */
export function usePrintNotice(serviceCode: string, missing: readonly string[] = []): { state: PrintState; print: () => void } {
  const { i18n } = useTranslation();
  const command = useCommand('printNotice');
  const [printed, setPrinted] = useState(false);
  const print = () => {
    setPrinted(false);
    void command
      .run({ body: { serviceCode, language: catalogLanguage(i18n.language), ...(missing.length > 0 ? { missing: [...missing] } : {}) } })
      .then((r) => setPrinted(r !== undefined));
  };
  const state: PrintState = command.busy ? 'printing' : command.error ? 'failed' : printed ? 'printed' : 'idle';
  return { state, print };
}

export function PrintNoticeButton({ serviceCode, missing }: { serviceCode: string; missing?: readonly string[] }) {
  const { t } = useTranslation();
  const { state, print } = usePrintNotice(serviceCode, missing);
  return (
    <div className="print-notice">
      <button type="button" className="btn btn--huge" onClick={print} disabled={state === 'printing'} aria-busy={state === 'printing'}>
        {state === 'printing' ? t('journey.notice.printing') : t('journey.notice.print')}
      </button>
      <p className="print-notice__status" role="status">
        {state === 'printed' ? t('journey.notice.printed') : state === 'failed' ? t('journey.notice.printFailed') : ''}
      </p>
    </div>
  );
}
