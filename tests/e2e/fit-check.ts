import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/**
 * Does a screen fit its real size? Issue 11 point 4: nothing that matters may sit outside the
 * viewport, be clipped, spill out of its box, or need a sideways scroll; short labels (a business
 * line's name) must not break mid-word. Generic: it walks every visible element of the page.
 */
export interface FitOptions {
  /** The whole page must fit the viewport height too (public screens: no scrolling at all). */
  vertical?: boolean;
  /** Elements whose overflow is their purpose (the display's scrolling notice). */
  ignore?: string[];
  /** Containers that may scroll inside themselves (an admin table wider than the screen). */
  mayScroll?: string[];
  /** Words that must stay on one line where they appear (出入境业务). */
  words?: string[];
}

interface Probe extends FitOptions {
  slack: number;
}

/** Runs in the page: no closures over test code. */
function probe(o: Probe): string[] {
  const W = window.innerWidth;
  const H = window.innerHeight;
  const out: string[] = [];
  const name = (el: Element): string => {
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
    return `${el.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ''}`;
  };
  const inAny = (el: Element, sels: string[] | undefined) => (sels ?? []).some((s) => el.closest(s) !== null);
  const doc = document.scrollingElement ?? document.documentElement;
  if (doc.scrollWidth > W + o.slack) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${W}`);
  if (o.vertical && doc.scrollHeight > H + o.slack) out.push(`page scrolls down: ${doc.scrollHeight} > ${H}`);
  const matters = 'button, a[href], input, select, textarea, h1, h2, h3, [role="status"], li, p, dt, dd, th, td, label, span';
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!(el instanceof HTMLElement) || inAny(el, o.ignore)) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const s = getComputedStyle(el);
    if (s.position === 'fixed' && s.clip !== 'auto') continue;
    const wide = el.scrollWidth > el.clientWidth + o.slack && el.clientWidth > 0;
    const tall = el.scrollHeight > el.clientHeight + o.slack && el.clientHeight > 0;
    const clips = (v: string) => v === 'hidden' || v === 'clip';
    const scrolls = (v: string) => v === 'auto' || v === 'scroll';
    if (wide && clips(s.overflowX)) out.push(`clipped sideways: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    if (tall && clips(s.overflowY)) out.push(`clipped below: ${name(el)} (${el.scrollHeight} > ${el.clientHeight})`);
    if (wide && scrolls(s.overflowX) && !inAny(el, o.mayScroll)) out.push(`scrolls sideways: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    if (o.vertical && tall && scrolls(s.overflowY) && !inAny(el, o.mayScroll)) out.push(`scrolls down: ${name(el)} (${el.scrollHeight} > ${el.clientHeight})`);
    if (wide && s.overflowX === 'visible' && s.display !== 'inline' && !s.display.startsWith('table'))
      out.push(`spills out of its box: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    if (el.matches(matters) && !inAny(el, o.mayScroll)) {
      if (r.right > W + o.slack || r.left < -o.slack)
        out.push(`outside the screen sideways: ${name(el)} (${Math.round(r.left)}…${Math.round(r.right)} of ${W})`);
      if (o.vertical && (r.bottom > H + o.slack || r.top < -o.slack))
        out.push(`outside the screen below: ${name(el)} (${Math.round(r.top)}…${Math.round(r.bottom)} of ${H})`);
    }
  }
  for (const word of o.words ?? []) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(word);
      if (at < 0 || !n.parentElement?.checkVisibility()) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + word.length);
      const tops = new Set(Array.from(range.getClientRects()).map((b) => Math.round(b.top)));
      if (tops.size > 1) out.push(`"${word}" breaks across lines in ${name(n.parentElement)}`);
    }
  }
  return [...new Set(out)];
}

export async function fitProblems(page: Page, options: FitOptions = {}): Promise<string[]> {
  // Fonts change widths: measure what a person sees, not the fallback before the font loaded.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.evaluate(probe, { ...options, slack: 1 });
}

/** Fails with every problem listed, and keeps a screenshot of the state for a person to look at. */
export async function expectToFit(page: Page, label: string, options: FitOptions = {}): Promise<void> {
  const problems = await fitProblems(page, options);
  await page.screenshot({ path: `test-results/fit/${label.replace(/[^\w.-]+/g, '_')}.png` });
  expect(problems, `${label} does not fit ${page.viewportSize()?.width}×${page.viewportSize()?.height}`).toEqual([]);
}
