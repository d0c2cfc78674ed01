import type { Locator, Page } from 'playwright-core';

/**
 * In-page tap-to-paint probe, as a script string (scripts are compiled without the DOM library).
 * Each `pointerdown` (capture, so before any handler) starts a clock; the first DOM mutation after
 * it (or a `change` event: a ticked checkbox repaints without mutating the DOM) waits for the next
 * animation frame and then a task, which runs after that frame is painted; the delta is the sample.
 * A tap that changes nothing yields no sample (the caller gives up after two seconds).
 */
export const TAP_PROBE = `(() => {
  if (window.__ttp) return;
  const s = { seq: 0, result: null, misses: 0, open: null, notify: null };
  window.__ttp = s;
  // Resolves with the sample of the first tap after 'after', or null after 'ms' (the page's CSP forbids
  // the string polling of waitForFunction, so the page tells when it is done).
  const ready = (after) => s.seq > after && s.result !== null && s.result.seq === s.seq;
  s.wait = (after, ms) => new Promise((resolve) => {
    if (ready(after)) return resolve(s.result.ms);
    const timer = setTimeout(() => { s.notify = null; resolve(null); }, ms);
    s.notify = () => { if (ready(after)) { clearTimeout(timer); s.notify = null; resolve(s.result.ms); } };
  });
  addEventListener('pointerdown', () => {
    if (s.open) { s.open.stop(); s.misses++; }
    const seq = ++s.seq;
    const t0 = performance.now();
    let hit = false;
    const mo = new MutationObserver(() => seen());
    const stop = () => { mo.disconnect(); removeEventListener('change', seen, true); if (s.open === rec) s.open = null; };
    const seen = () => {
      if (hit) return;
      hit = true;
      stop();
      requestAnimationFrame(() => setTimeout(() => { s.result = { seq, ms: performance.now() - t0 }; if (s.notify) s.notify(); }, 0));
    };
    const rec = { stop };
    mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener('change', seen, true);
    s.open = rec;
  }, true);
})()`;

/** The same-run baseline: one button that toggles a class on itself, nothing else. */
export const TOGGLE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
button { font: 32px sans-serif; padding: 24px 48px; } .on { background: #0a5; color: #fff; }
</style></head><body><button id="b" type="button" onclick="this.classList.toggle('on')">切换</button></body></html>`;

/**
 * Taps (a Playwright click: pointer down, up, click) and returns the tap-to-paint time in ms, or
 * null when the tap changed nothing on the page within two seconds.
 */
export async function tapAndMeasure(page: Page, target: Locator): Promise<number | null> {
  const before = (await page.evaluate('window.__ttp.seq')) as number;
  await target.click();
  return (await page.evaluate(`window.__ttp.wait(${before}, 2000)`)) as number | null;
}
