import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import type { ServiceWindow } from '@domain/contract/schemas.js';
import { Panel } from '../../../components/panel/Panel.js';
import { useHostEvent } from '../../../data/use-host-events.js';
import { useWedgeScanner } from '../../../devices/useWedgeScanner.js';
import { ApplicationPanel } from '../ApplicationPanel.js';
import { CaseDesk } from './CaseDesk.js';
import { CaseFinder, caseNumberIn } from './CaseFinder.js';
import { MyCases } from './MyCases.js';
import { WalkInForm } from './WalkInForm.js';

/**
 * Case work at a window: the applications of the ticket being served, a case opened by number,
 * receipt QR (the window's scanner) or ID card (the window's reader), a walk-in started here, and
 * the clerk's own cases by urgency. The window's devices speak to whichever part is in use: a card
 * fills the walk-in form while it is open, else looks up that person's cases.
 */
export function CaseWorkspace({ window: win, ticketId, catalog }: { window: ServiceWindow; ticketId: number | null; catalog: Catalog | null }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<string | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const open = useCallback((caseNumber: string) => {
    setWalkIn(false);
    setOpened(caseNumber);
  }, []);
  // A receipt's QR on a keyboard-wedge scanner, or on the window's HID scanner (a push).
  useWedgeScanner(
    useCallback(
      (text: string) => {
        const n = caseNumberIn(text);
        if (n) open(n);
      },
      [open],
    ),
  );
  useHostEvent('device.scan', (e) => {
    const n = caseNumberIn(e.scan.text);
    if (n) open(n);
  });

  return (
    <div className="case-work">
      <ApplicationPanel windowId={win.id} ticketId={ticketId} catalog={catalog} />
      {walkIn && catalog ? (
        <WalkInForm
          windowId={win.id}
          lines={win.lines}
          catalog={catalog}
          // On the ticket being served it shows with that ticket's applications; else it opens here.
          onCreated={(n) => (ticketId === null ? open(n) : setWalkIn(false))}
          onCancel={() => setWalkIn(false)}
        />
      ) : null}
      {opened && catalog ? (
        <Panel title={t('cases.opened.title')} className="case-opened">
          <CaseDesk key={opened} caseNumber={opened} windowId={win.id} catalog={catalog} onClose={() => setOpened(null)} />
        </Panel>
      ) : null}
      <div className="case-work__tools">
        <CaseFinder onOpen={open} active={!walkIn} />
        <div className="case-work__side">
          {!walkIn ? (
            <button type="button" className="btn btn--big" onClick={() => setWalkIn(true)}>
              {t('cases.walkIn.open')}
            </button>
          ) : null}
          <MyCases catalog={catalog} onOpen={open} />
        </div>
      </div>
    </div>
  );
}
