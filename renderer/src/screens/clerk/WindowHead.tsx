import { useTranslation } from 'react-i18next';
import { windowAction } from './clerk-api.js';
import type { WindowActionName } from './clerk-api.js';
import type { ConsoleContext } from './WindowConsole.js';

/** The window's name and state, and the actions on the window itself (break, open, close). */
export function WindowHead({ ctx, onChangeWindow }: { ctx: ConsoleContext; onChangeWindow: () => void }) {
  const { t } = useTranslation();
  const { busy } = ctx;
  const win = ctx.state.window;

  const act = (name: WindowActionName, outcomeKey: string, then?: () => void) =>
    void ctx
      .act(
        name,
        async () => {
          await windowAction(name, ctx.windowId);
          return { key: outcomeKey, values: { window: win.name } };
        },
        'clerk.windowConflict',
      )
      .then((ok) => ok && then?.());

  return (
    <div className="clerk-console__head">
      <div className="clerk-console__title">
        <h1>{win.name}</h1>
        <p className={`window-status window-status--${win.status}`}>
          {win.status === 'closed' ? t('clerk.status.closed') : t(`clerk.status.${win.status}By`, { name: win.staffName ?? t('clerk.status.nobody') })}
        </p>
      </div>
      <div className="clerk-console__window-actions">
        {win.status === 'open' ? (
          <button type="button" className="btn btn--big" disabled={busy !== null} onClick={() => act('pauseWindow', 'clerk.outcome.paused')}>
            {busy === 'pauseWindow' ? t('clerk.working') : t('clerk.action.pause')}
          </button>
        ) : win.status === 'paused' ? (
          <button type="button" className="btn btn--big btn--primary" disabled={busy !== null} onClick={() => act('resumeWindow', 'clerk.outcome.resumed')}>
            {busy === 'resumeWindow' ? t('clerk.working') : t('clerk.action.resume')}
          </button>
        ) : (
          <button type="button" className="btn btn--big btn--primary" disabled={busy !== null} onClick={() => act('openWindow', 'clerk.outcome.opened')}>
            {busy === 'openWindow' ? t('clerk.working') : t('clerk.action.open')}
          </button>
        )}
        {win.status !== 'closed' ? (
          <button type="button" className="btn btn--big" disabled={busy !== null} onClick={() => act('closeWindow', 'clerk.outcome.closed', onChangeWindow)}>
            {busy === 'closeWindow' ? t('clerk.working') : t('clerk.action.close')}
          </button>
        ) : null}
        <button type="button" className="btn btn--big" onClick={() => onChangeWindow()}>
          {t('clerk.changeWindow')}
        </button>
      </div>
    </div>
  );
}
