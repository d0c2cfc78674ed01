import { expect, test } from './fixtures.js';

/**
 * Screens show the hall's time, as the hub runs it (--time-zone), whatever zone the terminal's
 * own clock is in: here the browser is in Asia/Shanghai and the hub in America/Argentina/Buenos_Aires
 * (11 hours apart), and the display's clock follows the hub.
 */
test.use({ hubOptions: { args: ['--time-zone', 'America/Argentina/Buenos_Aires'] }, timezoneId: 'Asia/Shanghai' });

test('the display shows the hub’s time in the hub’s zone', async ({ hall }) => {
  const display = await hall.openScreen('display');
  const hhmm = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Argentina/Buenos_Aires', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  const shown = (await display.locator('.display-clock').textContent())?.trim();
  // The minute may turn between the two readings.
  expect([hhmm(Date.now() - 60_000), hhmm(Date.now())]).toContain(shown);
});
