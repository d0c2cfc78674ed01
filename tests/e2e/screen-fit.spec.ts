import type { Page } from '@playwright/test';
import { expect, test, type Hall } from './fixtures.js';
import { expectToFit } from './fit-check.js';
import { toIdentify, typeOnPad, typePinyin, ZH } from './kiosk-steps.js';
import { adminSection, callNext, clerkAt, done, signInAdmin, takeTicket } from './steps.js';

/**
 * Issue 11 point 4: every screen fits the size of the hardware it runs on, in every language
 * (Chinese, traditional Mongolian written top to bottom, English). Each state is checked by the
 * generic fit check (tests/e2e/fit-check.ts) and kept as a screenshot in test-results/fit/.
 */
const LANGS = [
  { code: 'zh-CN', button: '中文' },
  { code: 'mn', button: 'ᠮᠣᠩᠭᠣᠯ' },
  { code: 'en', button: 'English' },
] as const;
const LONG_NOTICE = '今日出入境业务办理人数较多，请耐心等候；边境旅游团队请到 5 号窗口集中办理。Exit-entry is busy today: tour groups please go to window 5.';

async function setNotice(admin: Page, text: string): Promise<void> {
  await adminSection(admin, '大厅设置');
  await admin.getByLabel('叫号屏滚动通知').fill(text);
  await admin.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(admin.getByText('已保存。叫号屏和窗口已立即按新设置运行。')).toBeVisible();
}

/** Tickets waiting in every line and one called at window 1, so the display has everything to show. */
async function busyHall(hall: Hall): Promise<void> {
  const kiosk = await hall.openScreen('kiosk', '取号机');
  for (const line of [...Array<string>(7).fill('户政业务'), '交管业务', '出入境业务', '出入境业务']) {
    await takeTicket(kiosk, line, { kind: 'normal' });
    await done(kiosk);
  }
  // Six calls before the current one: the recent calls panel is full.
  const clerk = await clerkAt(hall, 'C101', '张警官', '1号窗口');
  for (let n = 1; n <= 7; n++) {
    await callNext(clerk, `A00${n}`);
    if (n === 7) break;
    await clerk.getByRole('button', { name: '开始办理' }).click();
    await clerk.getByRole('button', { name: '办结' }).click();
  }
}

test('the call display fits 1920×1080 and 1080×1920 while calling, with a long notice; line names never break', async ({ hall }) => {
  const admin = await hall.openScreen('admin', '值班台');
  await signInAdmin(admin, hall.admin);
  await setNotice(admin, LONG_NOTICE);
  const display = await hall.openScreen('display', '大厅屏');
  await busyHall(hall);
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ]) {
    await display.setViewportSize(size);
    await expect(display.locator('.display-current__number')).toHaveText('A007');
    await expect(display.locator('.display-recent__item')).toHaveCount(6);
    await expectToFit(display, `display-calling-${size.width}x${size.height}`, {
      still: true,
      ignore: ['.display-notice'],
      words: ['户政业务', '交管业务', '出入境业务'],
    });
  }
});

test('the counter screen in a written conversation fits 1280×800 and 1024×768, answer buttons in view', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '取号机');
  await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  const clerk = await clerkAt(hall, 'C101', '张警官', '1号窗口');
  const counter = await hall.openScreen('display', '1号窗口对客屏');
  await counter.goto(`${hall.hub.url}/counter`);
  await counter.getByRole('button', { name: '1号窗口' }).click();
  await callNext(clerk, 'A001');
  await clerk.getByRole('button', { name: '开始办理' }).click();
  await clerk.getByLabel('输入要显示给群众的文字').fill('您办理的是身份证换领吗？请出示您的户口簿和原身份证，我们会当场核对。');
  await clerk.getByRole('button', { name: '发送', exact: true }).click();
  for (const lang of LANGS) {
    await counter
      .getByRole('group', { name: /Language/ })
      .getByRole('button', { name: lang.button })
      .click();
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      await counter.setViewportSize(size);
      await expect(counter.locator('.counter-latest__text')).toContainText('身份证换领');
      await expectToFit(counter, `counter-conversation-${lang.code}-${size.width}x${size.height}`, { still: true, mayScroll: ['.conversation-log'] });
    }
  }
});

for (const role of ['kiosk', 'booth'] as const) {
  test(`the ${role} welcome fits 1080×1920 and 1920×1080 in every language`, async ({ hall }) => {
    const page = await hall.openScreen(role, role === 'kiosk' ? '取号机' : '24小时自助区');
    for (const lang of LANGS) {
      await page
        .getByRole('group', { name: /Language/ })
        .getByRole('button', { name: lang.button })
        .click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
      for (const mode of ['standard', 'elderly'] as const) {
        // The mode's radio buttons, by position: their labels are in the language just chosen.
        await page
          .locator('.welcome__group--mode input[type="radio"]')
          .nth(mode === 'standard' ? 0 : 1)
          .check();
        for (const size of [
          { width: 1080, height: 1920 },
          { width: 1920, height: 1080 },
        ]) {
          await page.setViewportSize(size);
          await expectToFit(page, `${role}-welcome-${lang.code}-${mode}-${size.width}x${size.height}`, { still: true });
        }
      }
      await page.locator('.welcome__group--mode input[type="radio"]').first().check();
    }
  });
}

test('the admin screen fits 1366×768 in every language, its sections laid out', async ({ hall }) => {
  const admin = await hall.openScreen('admin', '值班台');
  await admin.setViewportSize({ width: 1366, height: 768 });
  await signInAdmin(admin, hall.admin);
  for (const lang of LANGS) {
    await admin
      .getByRole('group', { name: /Language/ })
      .getByRole('button', { name: lang.button })
      .click();
    await expect(admin.locator('html')).toHaveAttribute('lang', lang.code);
    for (const section of ['hall', 'windows', 'staff', 'terminals', 'audit']) {
      // Through the side navigation (a reload would start again in Chinese).
      await admin.locator(`nav a[href="/admin/${section}"]`).click();
      await expect(admin.locator(`nav a[href="/admin/${section}"]`)).toHaveAttribute('aria-current', 'page');
      await expect(admin.locator('.admin-section h2').first()).toBeVisible();
      await expectToFit(admin, `admin-${section}-${lang.code}-1366x768`, { mayScroll: ['.table-scroll'] });
    }
  }
});

test('the kiosk journey fits 1080×1920 and 1920×1080 at each step, standard and elderly, the on-screen keys in view', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '取号机');
  const sizes = [
    { width: 1080, height: 1920 },
    { width: 1920, height: 1080 },
  ];
  const check = async (state: string) => {
    for (const size of sizes) {
      await kiosk.setViewportSize(size);
      // A journey page may scroll down (a long list of materials); it never scrolls sideways or hides its keys.
      await expectToFit(kiosk, `kiosk-${state}-${size.width}x${size.height}`, {});
    }
  };
  for (const mode of ['standard', 'elderly'] as const) {
    await kiosk
      .locator('.welcome__group--mode input[type="radio"]')
      .nth(mode === 'standard' ? 0 : 1)
      .check();
    await toIdentify(kiosk, '户政业务', '户籍证明');
    await check(`${mode}-identify`);
    await kiosk.getByRole('button', { name: '手动输入身份证号码' }).click();
    await check(`${mode}-id-keypad`);
    await typeOnPad(kiosk, '身份证号码键盘', '150102198506150311');
    await kiosk.getByRole('button', { name: '确认', exact: true }).click();
    await expect(kiosk.getByRole('heading', { name: '姓名' })).toBeVisible();
    await check(`${mode}-name-handwriting`);
    await kiosk.getByRole('button', { name: '拼音', exact: true }).click();
    await typePinyin(kiosk, 'li', '李');
    await check(`${mode}-name-pinyin`);
    // The next mode starts again from the welcome page, as the next citizen would find it.
    await kiosk.reload();
    await expect(kiosk.getByRole('heading', { name: ZH.welcome })).toBeVisible();
  }
});

test('the clerk console fits 1366×768 and 1920×1080 with a case called, in every language', async ({ hall }) => {
  const kiosk = await hall.openScreen('kiosk', '取号机');
  await takeTicket(kiosk, '出入境业务', { kind: 'normal' });
  await done(kiosk);
  await takeTicket(kiosk, '户政业务', { kind: 'normal' });
  const clerk = await clerkAt(hall, 'C101', '张警官', '1号窗口');
  await callNext(clerk, 'A001');
  await clerk.getByRole('button', { name: '开始办理' }).click();
  for (const lang of LANGS) {
    await clerk
      .getByRole('group', { name: /Language/ })
      .getByRole('button', { name: lang.button })
      .click();
    await expect(clerk.locator('html')).toHaveAttribute('lang', lang.code);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await clerk.setViewportSize(size);
      await expectToFit(clerk, `clerk-serving-${lang.code}-${size.width}x${size.height}`, { mayScroll: ['.table-scroll', '.conversation-log'] });
    }
  }
});
