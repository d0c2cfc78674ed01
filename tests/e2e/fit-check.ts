import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/**
 * Does a screen fit its real size? Issue 11 point 4: nothing that matters may sit outside the
 * viewport, be clipped, spill out of its box, or need a sideways scroll; short labels (a business
 * line's name) must not break mid-word. Generic: it walks every visible element of the page.
 */
export interface FitOptions {
  /** Nothing may scroll at all, in either direction (public screens). Otherwise the page may
   * scroll along its block direction: down for horizontal text, sideways for traditional
   * Mongolian written top to bottom (whose lines follow each other left to right). */
  still?: boolean;
  /** Elements whose overflow is their purpose (the display's scrolling notice). */
  ignore?: string[];
  /** Containers that may scroll inside themselves (a chat log, an admin table wider than the screen). */
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
  // Which way the page's lines run: its block direction is where a long page may go on.
  const main = document.querySelector('main') ?? document.body;
  const verticalText = getComputedStyle(main).writingMode.startsWith('vertical');
  const mayGo = { x: !o.still && verticalText, y: !o.still && !verticalText };
  const doc = document.scrollingElement ?? document.documentElement;
  if (!mayGo.x && doc.scrollWidth > W + o.slack) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${W}`);
  if (!mayGo.y && doc.scrollHeight > H + o.slack) out.push(`page scrolls down: ${doc.scrollHeight} > ${H}`);
  const matters = 'button, a[href], input, select, textarea, h1, h2, h3, [role="status"], li, p, dt, dd, th, td, label, span';
  // Inside a box clipped to a pixel (visually hidden, for screen readers only): nobody sees it.
  const unseen = (el: Element): boolean => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const b = a.getBoundingClientRect();
      if ((b.width <= 1 || b.height <= 1) && getComputedStyle(a).overflow !== 'visible') return true;
    }
    return false;
  };
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!(el instanceof HTMLElement) || inAny(el, o.ignore) || unseen(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const s = getComputedStyle(el);
    const wide = el.scrollWidth > el.clientWidth + o.slack && el.clientWidth > 0;
    const tall = el.scrollHeight > el.clientHeight + o.slack && el.clientHeight > 0;
    const clips = (v: string) => v === 'hidden' || v === 'clip';
    const scrolls = (v: string) => v === 'auto' || v === 'scroll';
    const boxed = s.display !== 'inline' && !s.display.startsWith('table');
    if (wide && clips(s.overflowX)) out.push(`clipped sideways: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    if (tall && clips(s.overflowY)) out.push(`clipped below: ${name(el)} (${el.scrollHeight} > ${el.clientHeight})`);
    if (!inAny(el, o.mayScroll)) {
      if (wide && scrolls(s.overflowX) && !mayGo.x) out.push(`scrolls sideways: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      if (tall && scrolls(s.overflowY) && !mayGo.y) out.push(`scrolls down: ${name(el)} (${el.scrollHeight} > ${el.clientHeight})`);
    }
    if (wide && s.overflowX === 'visible' && boxed && !mayGo.x) out.push(`spills out of its box: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    if (tall && s.overflowY === 'visible' && boxed && !mayGo.y) out.push(`spills below its box: ${name(el)} (${el.scrollHeight} > ${el.clientHeight})`);
    if (el.matches(matters) && !inAny(el, o.mayScroll)) {
      if (!mayGo.x && (r.right > W + o.slack || r.left < -o.slack))
        out.push(`outside the screen sideways: ${name(el)} (${Math.round(r.left)}…${Math.round(r.right)} of ${W})`);
      if (!mayGo.y && (r.bottom > H + o.slack || r.top < -o.slack))
        out.push(`outside the screen below: ${name(el)} (${Math.round(r.top)}…${Math.round(r.bottom)} of ${H})`);
    }
    // What a person reads or presses must not lie under something else (a strip, a panel).
    const ownText = Array.from(el.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== '');
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    if ((ownText || el.matches('button, input, select, textarea')) && cx >= 0 && cx < W && cy >= 0 && cy < H) {
      const top = document.elementFromPoint(cx, cy);
      if (top && !el.contains(top) && !top.contains(el)) out.push(`covered: ${name(el)} lies under ${name(top)}`);
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
