import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';

/** The same Chromium flags as the kiosk's benchmarks everywhere else: quiet, headless, no GPU. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['BENCH_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * A valid resident ID number (GB 11643, check character computed) that differs for every `n`, so
 * each benchmark journey is a different citizen: the birth date walks from 1960-01-01 by days.
 */
export function idNumberFor(n: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110101${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** How a journey presses a button: a plain click, or a click whose tap-to-paint is measured. */
export type Tap = (target: Locator, label: string) => Promise<void>;

export interface JourneyOptions {
  /** Type the ID number key by key on the on-screen keypad (else fill the box). */
  keypad: boolean;
  /** End with 完成, or walk away and let the idle timeout wipe (needs page.clock installed). */
  end: 'done' | 'idle';
}

const WELCOME = '欢迎使用自助服务';

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Leaves a screenshot and the page text behind when the journey cannot go on, and says where. */
async function explain(page: Page, step: string, err: unknown): Promise<Error> {
  const shot = join(tmpdir(), `kiosk-journey-failure-${Date.now()}.png`);
  let text = '';
  try {
    await page.screenshot({ path: shot, fullPage: true });
    text = (await page.evaluate('document.body.innerText')) as string;
    writeFileSync(`${shot}.txt`, text);
  } catch {
    /* the page is gone: the original error says why */
  }
  const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new Error(`kiosk journey stuck at "${step}": ${why}\nscreenshot: ${shot}\npage text:\n${text.slice(0, 1500)}`);
}

/**
 * One citizen at the kiosk, by the zh-CN labels: welcome → traffic → licence renewal → notice →
 * ID number on the keypad → name → phone → materials → check → submit → confirmation → wipe.
 */
export async function runJourney(page: Page, id: string, opts: JourneyOptions, tap: Tap): Promise<void> {
  let step = 'welcome';
  try {
    await heading(page, WELCOME);
    step = '开始办理';
    await tap(page.getByRole('button', { name: /^开始办理$/ }), step);
    step = '交管业务';
    await tap(page.getByRole('button', { name: '交管业务' }), step);
    step = '驾驶证期满换证';
    await tap(page.getByRole('button', { name: '驾驶证期满换证' }), step);
    step = '开始预填申请';
    await tap(page.getByRole('button', { name: '开始预填申请' }), step);
    step = '手动输入身份证号码';
    await tap(page.getByRole('button', { name: '手动输入身份证号码' }), step);
    step = 'ID number';
    if (opts.keypad) {
      const pad = page.getByRole('group', { name: '身份证号码键盘' });
      for (const ch of id) await tap(pad.getByRole('button', { name: ch, exact: true }), 'keypad key');
    } else {
      await page.getByLabel('公民身份号码（18 位）').fill(id);
    }
    step = '确认';
    await tap(page.getByRole('button', { name: '确认', exact: true }), step);
    step = '姓名';
    await heading(page, '姓名');
    await page.getByRole('textbox', { name: '姓名', exact: true }).fill('张三');
    await tap(page.getByRole('button', { name: '继续', exact: true }), '继续 (姓名)');
    step = '手机号码';
    await heading(page, '手机号码');
    await page.getByRole('textbox', { name: '手机号码', exact: true }).fill('13912345678');
    await tap(page.getByRole('button', { name: '继续', exact: true }), '继续 (手机号码)');
    step = 'materials';
    await heading(page, '您带齐以下材料了吗？');
    const boxes = page.getByRole('checkbox');
    const n = await boxes.count();
    for (let i = 0; i < n; i++) await tap(boxes.nth(i), 'material checkbox');
    await tap(page.getByRole('button', { name: '继续', exact: true }), '继续 (materials)');
    step = 'check';
    await heading(page, '请核对您的信息');
    await tap(page.getByRole('button', { name: '确认提交并取号' }), '确认提交并取号');
    step = 'confirmation';
    await heading(page, '申请已提交');
    if (opts.end === 'done') {
      step = '完成';
      await tap(page.getByRole('button', { name: '完成', exact: true }), step);
    } else {
      step = 'idle timeout';
      // 60 s without a touch, then the 15 s countdown: the kiosk wipes itself.
      await page.clock.runFor(80_000);
    }
    step = 'wiped';
    await heading(page, WELCOME);
  } catch (err) {
    throw await explain(page, step, err);
  }
}
