import { reportFixture } from './report-fixture.js';

export const D1 = '2026-11-24';
export const D2 = '2026-11-25';
/** The hall's target wait in the hand-built set: 15 minutes (a wait of exactly 15 is within it). */
export const TARGET_MIN = 15;

/**
 * Two hall days with answers worked out by hand (tests/unit/report-figures.test.ts checks each).
 * Clerk A (王芳) serves household at window 1, clerk B (李强) traffic at window 3.
 *
 * Day 1, 2026-11-24:
 *   T1 household 09:00, A calls 09:10 (wait 10), starts 09:12, finishes 09:22 (service 10). Case C1
 *      (hukou_transfer) accepted 09:15, completed 09:21, promised 2026-11-27: on time. Rated 5.
 *   T2 household 09:05, A calls 09:25 (wait 20), recalls 09:27, starts 09:28, transfers it to traffic
 *      (window 3) at 09:30 (service 2 at window 1). It keeps its place: B calls it at 09:40 before T3,
 *      starts 09:41, finishes 09:49 (service 8 at window 3). Its wait stays 20. Rated 2 (差评, answered).
 *   T3 traffic 09:06, B calls 09:50 (wait 44), no-show 09:55, reinstated 10:00, called again 10:05,
 *      starts 10:06, finishes 10:16 (service 10): not a no-show in the end. Case C2 (vehicle_transfer)
 *      accepted with missing material (容缺) 10:10, not completed. Rated 1 (差评, still open).
 *   T4 household 09:20, A calls 09:31 (wait 11), no-show 09:36: a no-show.
 *   Window 1 paused 10:00 by A, resumed 10:30: 30 minutes.
 *   T5 household 10:10, A calls 10:31 (wait 21), starts 10:32, finishes 10:47 (service 15). Case C3
 *      (hukou_transfer) refused 10:40. Skipped the rating.
 *   C4 (hukou_birth), accepted on 2026-11-20 with promise 2026-11-23, completed by A at window 1 on
 *      day 1 at 10:45: completed late.
 *   T6 household 23:50 (extended hours), A calls at 00:05 on the clock's 11-25 (wait 15), starts 00:06,
 *      finishes 00:20 (service 14): all of it belongs to service day 1. Rated 4 at 00:21, service day 1.
 * Day 2, 2026-11-25:
 *   T7 household 09:00, A calls 09:03 (wait 3), starts 09:04, finishes 09:10 (service 6). Rated 5.
 */
export function knownDays() {
  const f = reportFixture();
  const a = f.clerk('C101', '王芳');
  const b = f.clerk('C102', '李强');
  f.window(1, 'window_opened', a, D1, '09:00');
  f.window(3, 'window_opened', b, D1, '09:00');

  const t1 = f.issue('household', D1, '09:00');
  const c1 = f.application('hukou_transfer', 'household', D1, t1, '2026-11-27');
  const t2 = f.issue('household', D1, '09:05');
  const t3 = f.issue('traffic', D1, '09:06');
  const c2 = f.application('vehicle_transfer', 'traffic', D1, t3);
  f.call(1, D1, '09:10');
  f.start(1, D1, '09:12');
  f.caseStep(c1, 'accept', 'accepted', a, 1, D1, '09:15');
  const t4 = f.issue('household', D1, '09:20');
  f.caseStep(c1, 'complete', 'completed', a, 1, D1, '09:21');
  f.finish(1, D1, '09:22');
  f.rate({ ticketId: t1, level: 5, staffId: a, window: 1, line: 'household', service: 'hukou_transfer', serviceDay: D1 }, D1, '09:23');
  f.call(1, D1, '09:25'); // T2
  f.recall(1, D1, '09:27');
  f.start(1, D1, '09:28');
  f.transfer(1, 'traffic', 3, D1, '09:30');
  f.call(1, D1, '09:31'); // T4
  f.noShow(1, D1, '09:36');
  f.call(3, D1, '09:40'); // T2, in its original place ahead of T3
  f.start(3, D1, '09:41');
  f.finish(3, D1, '09:49');
  f.rate({ ticketId: t2, level: 2, staffId: b, window: 3, line: 'traffic', service: null, serviceDay: D1 }, D1, '09:50', 'answered');
  f.call(3, D1, '09:50'); // T3
  f.noShow(3, D1, '09:55');
  f.window(1, 'window_paused', a, D1, '10:00');
  f.reinstate(t3, D1, '10:00');
  f.call(3, D1, '10:05'); // T3 again
  f.start(3, D1, '10:06');
  f.caseStep(c2, 'accept_deferred', 'supplement_pending', b, 3, D1, '10:10');
  const t5 = f.issue('household', D1, '10:10');
  const c3 = f.application('hukou_transfer', 'household', D1, t5);
  f.finish(3, D1, '10:16');
  f.rate({ ticketId: t3, level: 1, staffId: b, window: 3, line: 'traffic', service: 'vehicle_transfer', serviceDay: D1 }, D1, '10:17', 'open');
  f.window(1, 'window_resumed', a, D1, '10:30');
  f.call(1, D1, '10:31'); // T5
  f.start(1, D1, '10:32');
  f.caseStep(c3, 'refuse', 'rejected', a, 1, D1, '10:40');
  const c4 = f.application('hukou_birth', 'household', '2026-11-20', null, '2026-11-23');
  f.caseStep(c4, 'accept', 'accepted', a, 2, '2026-11-20', '11:00');
  f.caseStep(c4, 'complete', 'ready_for_collection', a, 1, D1, '10:45');
  f.finish(1, D1, '10:47');
  f.rate({ ticketId: t5, level: null, staffId: a, window: 1, line: 'household', service: 'hukou_transfer', serviceDay: D1 }, D1, '10:48');
  const t6 = f.issue('household', D1, '23:50');
  f.call(1, D1, '00:05', D2);
  f.start(1, D1, '00:06', D2);
  f.finish(1, D1, '00:20', D2);
  f.rate({ ticketId: t6, level: 4, staffId: a, window: 1, line: 'household', service: null, serviceDay: D1 }, D2, '00:21');

  const t7 = f.issue('household', D2, '09:00');
  f.call(1, D2, '09:03');
  f.start(1, D2, '09:04');
  f.finish(1, D2, '09:10');
  f.rate({ ticketId: t7, level: 5, staffId: a, window: 1, line: 'household', service: null, serviceDay: D2 }, D2, '09:11');
  return { ...f, a, b, tickets: { t1, t2, t3, t4, t5, t6, t7 } };
}
