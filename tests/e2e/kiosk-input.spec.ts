import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strokeFixtures } from '../support/strokes.js';
import { expect, test } from './fixtures.js';
import { EN, submitAndConfirm, tickMaterials, toIdentify, typeOnPad, typePinyin, ZH } from './kiosk-steps.js';
import { callNext, clerkAt } from './steps.js';

/**
 * The on-screen input (issue 11): a citizen without a card, at a kiosk without a keyboard, writes
 * her name by hand or in pinyin, and the clerk who calls her ticket reads it in the pre-filled
 * application. Handwriting is replayed from strokes written by hand (tests/e2e/strokes), moved
 * through with the mouse as a finger would, on the writing box.
 */
const ID_NUMBER = '150102198506150311';
const { box, characters } = strokeFixtures();

async function axe(page: Page, label: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${label} has accessibility violations`,
  ).toEqual([]);
}

/** Writes one character on the writing box, stroke by stroke, then taps it among the candidates. */
async function writeByHand(page: Page, ch: string): Promise<void> {
  const strokes = characters[ch];
  if (!strokes) throw new Error(`no strokes for ${ch}`);
  const pad = page.getByRole('img', { name: /手写框|Writing box/ });
  await pad.scrollIntoViewIfNeeded();
  const r = await pad.boundingBox();
  if (!r) throw new Error('no writing box');
  const at = ([x, y]: [number, number]): [number, number] => [r.x + (x * r.width) / box, r.y + (y * r.height) / box];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke.map(at);
    if (!first) continue;
    await page.mouse.move(...first);
    await page.mouse.down();
    for (const p of rest) await page.mouse.move(...p, { steps: 12 });
    await page.mouse.up();
  }
  await page
    .getByRole('group', { name: /候选字|Characters to choose/ })
    .getByRole('button', { name: ch, exact: true })
    .click();
}

/** Welcome → 户籍证明 → the ID number on the keypad (no card) → the name question. */
async function toNameWithoutCard(kiosk: Page): Promise<void> {
  await toIdentify(kiosk, '户政业务', '户籍证明');
  await kiosk.getByRole('button', { name: '手动输入身份证号码' }).click();
  await typeOnPad(kiosk, '身份证号码键盘', ID_NUMBER);
  await kiosk.getByRole('button', { name: '确认', exact: true }).click();
  await expect(kiosk.getByRole('heading', { name: '姓名' })).toBeVisible();
}

/** Phone, purpose, materials, submit: the ticket number. */
async function finishCertificate(kiosk: Page): Promise<string> {
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await expect(kiosk.getByRole('heading', { name: '手机号码' })).toBeVisible();
  await typeOnPad(kiosk, '数字键盘', '13912345678');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await kiosk.getByRole('radio', { name: '就业' }).check();
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await tickMaterials(kiosk, 'all');
  return (await submitAndConfirm(kiosk)).number;
}

async function clerkReads(
  hall: Parameters<Parameters<typeof test>[2]>[0]['hall'],
  staffNo: string,
  window: string,
  number: string,
  name: string,
): Promise<void> {
  const clerk = await clerkAt(hall, staffNo, '周警官', window);
  await callNext(clerk, number);
  const panel = clerk.getByRole('region', { name: '申请信息' });
  await expect(panel.getByRole('heading', { name: '户籍证明' })).toBeVisible();
  await expect(panel.getByText(name, { exact: true })).toBeVisible();
  await expect(panel.getByText(ID_NUMBER, { exact: true })).toBeVisible();
}

test('a citizen without a card writes her name by hand, character by character, and the clerk reads it', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '21号自助机');
  await kiosk.getByRole('button', { name: '开启语音' }).click();
  await toNameWithoutCard(kiosk);
  // A name opens with handwriting, spoken guidance saying how.
  await expect(kiosk.getByRole('button', { name: '手写', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(kiosk.locator('html')).toHaveAttribute('data-guidance', 'zh-CN/handwriting');
  await expect(kiosk.getByText('请用手指在方框里写一个字')).toBeVisible();
  await axe(kiosk, 'name question, handwriting');

  const name = kiosk.getByRole('textbox', { name: '姓名' });
  await writeByHand(kiosk, '王');
  await expect(name).toHaveValue('王');
  await axe(kiosk, 'handwriting after a character');

  // A stroke gone wrong is undone; a character written wrong is written again.
  await writeByHand(kiosk, '小');
  await expect(name).toHaveValue('王小');
  await kiosk.getByRole('button', { name: '退格', exact: true }).click();
  await expect(name).toHaveValue('王');
  await writeByHand(kiosk, '小');
  await writeByHand(kiosk, '明');
  await expect(name).toHaveValue('王小明');

  const number = await finishCertificate(kiosk);
  await clerkReads(hall, 'C701', '1号窗口', number, '王小明');
});

test('a name with a rare character typed in pinyin, in elderly mode, reaches the clerk', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '22号自助机');
  await kiosk.getByRole('radio', { name: /长者模式/ }).check();
  await kiosk.getByRole('button', { name: '开启语音' }).click();
  await toNameWithoutCard(kiosk);
  await kiosk.getByRole('button', { name: '拼音', exact: true }).click();
  await expect(kiosk.locator('html')).toHaveAttribute('data-guidance', 'zh-CN/pinyin');
  await expect(kiosk.getByText('请按字母键输入拼音')).toBeVisible();

  // li: the surname 李 comes first; kun: 堃, a name character no handwriting model of GB 2312 knows.
  await typePinyin(kiosk, 'li', '李');
  await expect(kiosk.locator('.ime-pinyin__letters')).toHaveText('—');
  await typePinyin(kiosk, 'kun', '堃');
  await expect(kiosk.getByRole('textbox', { name: '姓名' })).toHaveValue('李堃');
  await axe(kiosk, 'name question, pinyin, elderly');

  // Every key of the pad is a large target in elderly mode.
  const sides = await kiosk
    .locator('main .ime button')
    .evaluateAll((els) => els.map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)));
  expect(sides.length).toBeGreaterThan(30);
  for (const side of sides) expect(side).toBeGreaterThanOrEqual(60);

  // A letter typed by mistake is taken back before choosing.
  const keys = kiosk.getByRole('group', { name: '拼音键盘' });
  await keys.getByRole('button', { name: 'x', exact: true }).click();
  await keys.getByRole('button', { name: '删字母', exact: true }).click();
  await expect(kiosk.locator('.ime-pinyin__letters')).toHaveText('—');

  const number = await finishCertificate(kiosk);
  await clerkReads(hall, 'C702', '1号窗口', number, '李堃');
});

test('read in English, a name opens with the letter keys for a foreign name; the idle wipe keeps nothing written or drawn', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '23号自助机');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await toIdentify(kiosk, 'Household registration', 'Household registration certificate', EN);
  await kiosk.getByRole('button', { name: 'Type your ID number' }).click();
  await typeOnPad(kiosk, 'ID number keypad', ID_NUMBER);
  await kiosk.getByRole('button', { name: 'Confirm', exact: true }).click();
  // Read in English, a name opens with the letter keys (a foreign name).
  await expect(kiosk.getByRole('heading', { name: 'Name' })).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Letters', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const letters = kiosk.getByRole('group', { name: 'Letter keys' });
  for (const ch of 'ANNA-MARIA') await letters.getByRole('button', { name: ch, exact: true }).click();
  await letters.getByRole('button', { name: 'Space', exact: true }).click();
  for (const ch of 'LI') await letters.getByRole('button', { name: ch, exact: true }).click();
  await expect(kiosk.getByRole('textbox', { name: 'Name' })).toHaveValue('ANNA-MARIA LI');
  await axe(kiosk, 'name question, letters (en)');

  // Then handwriting on the same field, and the wipe: the kiosk left alone forgets all of it.
  await kiosk.getByRole('button', { name: 'Handwriting', exact: true }).click();
  await expect(kiosk.getByRole('img', { name: /Writing box/ })).toBeVisible();
  await kiosk.clock.install();
  await writeByHand(kiosk, '明');
  await expect(kiosk.getByRole('textbox', { name: 'Name' })).toHaveValue('ANNA-MARIA LI明');
  const [first] = characters['王'] ?? [];
  await kiosk.getByRole('img', { name: /Writing box/ }).scrollIntoViewIfNeeded();
  const pad = await kiosk.getByRole('img', { name: /Writing box/ }).boundingBox();
  if (!first || !pad) throw new Error('no stroke or pad');
  // A stroke left on the box, not yet a character.
  await kiosk.mouse.move(pad.x + (first[0]![0] * pad.width) / box, pad.y + (first[0]![1] * pad.height) / box);
  await kiosk.mouse.down();
  await kiosk.mouse.move(pad.x + (first[1]![0] * pad.width) / box, pad.y + (first[1]![1] * pad.height) / box, { steps: 10 });
  await kiosk.mouse.up();
  await expect(kiosk.getByRole('group', { name: 'Characters to choose from' }).getByRole('button').first()).toBeVisible();
  await kiosk.clock.runFor(61_000);
  await expect(kiosk.getByRole('alertdialog')).toBeVisible();
  await kiosk.clock.runFor(16_000);
  await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();
  const cdp = await kiosk.context().newCDPSession(kiosk);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const heap = chunks.join('');
  expect(heap.length).toBeGreaterThan(100_000);
  for (const secret of ['ANNA-MARIA', ID_NUMBER]) expect(heap.includes(secret), `heap holds ${secret}`).toBe(false);
  expect(await kiosk.locator('body').innerText()).not.toContain('ANNA');
});

test('an address is written a word at a time in pinyin, with its numbers on the digit keys', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '24号自助机');
  await toIdentify(kiosk, '户政业务', '户口迁移（区内）');
  await kiosk.getByRole('button', { name: '手动输入身份证号码' }).click();
  await typeOnPad(kiosk, '身份证号码键盘', ID_NUMBER);
  await kiosk.getByRole('button', { name: '确认', exact: true }).click();
  // Name, phone, then the new address.
  await kiosk.getByRole('button', { name: '拼音', exact: true }).click();
  await typePinyin(kiosk, 'zhang', '张');
  await typePinyin(kiosk, 'wei', '伟');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await typeOnPad(kiosk, '数字键盘', '13912345678');
  await kiosk.getByRole('button', { name: ZH.continue, exact: true }).click();
  await expect(kiosk.getByRole('heading', { name: '迁入地址' })).toBeVisible();
  await kiosk.getByRole('button', { name: '拼音', exact: true }).click();
  const keys = kiosk.getByRole('group', { name: '拼音键盘' });
  for (const l of 'huhehaote') await keys.getByRole('button', { name: l, exact: true }).click();
  await expect(kiosk.locator('.ime-pinyin__letters')).toHaveText('hu he hao te');
  await kiosk.getByRole('group', { name: '候选字' }).getByRole('button', { name: '呼和浩特', exact: true }).click();
  await typePinyin(kiosk, 'shi', '市');
  await kiosk.getByRole('button', { name: '数字', exact: true }).click();
  await typeOnPad(kiosk, '数字键盘', '12');
  await kiosk.getByRole('button', { name: '手写', exact: true }).click();
  await expect(kiosk.getByRole('textbox', { name: '迁入地址' })).toHaveValue('呼和浩特市12');
  await axe(kiosk, 'address question, handwriting');
});

test('at the counter a deaf applicant writes an answer by hand and the clerk reads it', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '25号自助机');
  await toNameWithoutCard(kiosk);
  await writeByHand(kiosk, '王');
  const number = await finishCertificate(kiosk);
  const clerk = await clerkAt(hall, 'C703', '吴警官', '1号窗口');
  const counter = await hall.openScreen('display', 'Counter 1');
  await counter.goto(`${hall.hub.url}/counter`);
  await counter.getByRole('button', { name: '1号窗口' }).click();
  await callNext(clerk, number);

  await counter.getByRole('button', { name: '打字回答' }).click();
  await expect(counter.getByRole('button', { name: '手写', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await writeByHand(counter, '明');
  await writeByHand(counter, '小');
  await expect(counter.getByLabel('输入您要说的话')).toHaveValue('明小');
  await axe(counter, 'counter reply, handwriting');
  await counter.getByRole('button', { name: '发送', exact: true }).click();
  const replies = clerk.getByRole('log', { name: '笔谈记录' }).locator('.conversation-log__item--applicant .conversation-log__text');
  await expect(replies).toHaveText(['明小']);
});
