import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../support/test-host.js';

/** The admin screen's bookings: a week's list (names masked), a change of slot, a cancellation. */
const NOW = Date.UTC(2026, 10, 24, 1, 0); // 09:00 on 24 November in the hall
const at = (day: number, hh: number) => Date.UTC(2026, 10, day, hh - 8, 0);
let t: TestHost;
let sup: { token: string; staff: string };
let kiosk: string;
beforeAll(async () => {
  t = await startTestHost({ clock: () => NOW });
  sup = await t.supervisor();
  kiosk = await t.pair('kiosk');
});
afterAll(() => t.stop());

async function book(slotStart: number, extra: Record<string, string> = {}): Promise<{ id: number; code: string }> {
  const r = await t.request('/api/appointments', { method: 'POST', ...sup, body: { line: 'household', slotStart, ...extra } });
  expect(r.status).toBe(200);
  return (r.body as { appointment: { id: number; code: string } }).appointment;
}
const list = async (from: string, to: string) =>
  (
    (await t.request(`/api/appointments?from=${from}&to=${to}`, sup)).body as {
      appointments: { id: number; maskedName: string | null; cancelledAt: number | null; slotStart: number; line: string }[];
    }
  ).appointments;

describe('bookings on the admin screen', () => {
  it('lists the bookings of the days asked, in the hall’s days, with names masked and no ID number', async () => {
    const a = await book(at(24, 10), { name: '张晓明', idNumber: '11010519491231002X' });
    const b = await book(at(26, 23));
    await book(at(27, 9));
    const week = await list('2026-11-24', '2026-11-26');
    expect(week.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(week[0]).toMatchObject({ maskedName: '张*明', withIdNumber: true });
    expect(JSON.stringify(week)).not.toContain('11010519491231002X');
    expect((await t.request('/api/appointments?from=2026-11-26&to=2026-11-24', sup)).status).toBe(400);
    expect((await t.request('/api/appointments?from=2026-11-01&to=2026-12-31', sup)).status).toBe(400);
  });

  it('moves a booking to another slot and line, keeping its code', async () => {
    const a = await book(at(25, 10));
    const moved = await t.request(`/api/appointments/${a.id}`, { method: 'PUT', ...sup, body: { line: 'traffic', slotStart: at(28, 14) } });
    expect(moved.body).toMatchObject({ appointment: { id: a.id, code: a.code, line: 'traffic', slotStart: at(28, 14) } });
    expect((await list('2026-11-25', '2026-11-25')).some((x) => x.id === a.id)).toBe(false);
  });

  it('a cancelled booking gives no ticket, cannot be changed, and the cancellation is in the log', async () => {
    const a = await book(at(24, 11));
    const cancelled = await t.request(`/api/appointments/${a.id}/cancel`, { method: 'POST', ...sup });
    expect(cancelled.body).toMatchObject({ appointment: { id: a.id, cancelledAt: NOW } });
    expect((await t.request(`/api/appointments/${a.code}`, { token: kiosk })).status).toBe(409);
    const ticket = await t.request('/api/tickets', {
      method: 'POST',
      token: kiosk,
      body: { line: 'household', ticketClass: 'appointment', appointmentCode: a.code },
    });
    expect(ticket.body).toMatchObject({ error: { code: 'appointment_invalid' } });
    expect((await t.request(`/api/appointments/${a.id}/cancel`, { method: 'POST', ...sup })).status).toBe(409);
    expect((await t.request(`/api/appointments/${a.id}`, { method: 'PUT', ...sup, body: { line: 'household', slotStart: at(29, 9) } })).status).toBe(409);
    const audit = (await t.request('/api/audit?limit=20', sup)).body as { entries: { action: string; target: string }[] };
    expect(audit.entries.map((e) => `${e.action} ${e.target}`)).toContain(`appointment.cancel appointment ${a.id}`);
  });
});
