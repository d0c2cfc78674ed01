import { afterEach, describe, expect, it } from 'vitest';
import { openEvents } from '../support/test-host.js';
import { idNumber, startCaseHost, type CaseHost } from '../support/case-host.js';

// Tuesday 29 September 2026, 10:00 in Asia/Shanghai: the National Day holiday (1–7 Oct) and its
// make-up Saturday (10 Oct) lie ahead.
const SEP_29 = Date.UTC(2026, 8, 29, 2, 0, 0);
const DAY = 86_400_000;
const APPLICANT = idNumber('19850312');
const transferForm = { name: '张晓明', idNumber: APPLICANT, phone: '13800138000', newAddress: '锡林浩特市额尔敦路12号', moveReason: 'work' };
const birthForm = {
  childName: '张小雨',
  childGender: 'female',
  childBirthDate: '2026-09-20',
  name: '张晓明',
  idNumber: APPLICANT,
  phone: '13800138000',
  otherParentIdNumber: idNumber('19870704', '246'),
};

const hosts: CaseHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});
async function hall(now = SEP_29): Promise<CaseHost> {
  const h = await startCaseHost(now);
  hosts.push(h);
  return h;
}

type View = { status: string; version: number; promisedBy: string | null; supplementBy: string | null; owner: { staffNo: string } | null; allowed: string[] };
const viewOf = (r: { body: unknown }) => (r.body as { case: View }).case;

describe('case work at the window, over the real host', () => {
  it('accepts with the receipt, completes, and hands over to an agent; each state shows in the progress query', async () => {
    const h = await hall();
    const { caseNumber, ticket } = await h.submit('hukou_transfer', transferForm, ['id_card', 'hukou_booklet', 'transfer_consent']);
    const clerk = await h.clerkAt(1, 'C601');
    expect((await h.post('/api/windows/1/call-next', clerk, {})).body).toMatchObject({ ticket: { number: ticket } });

    const opened = viewOf(await h.get(`/api/cases/${caseNumber}`, clerk));
    expect(opened).toMatchObject({ status: 'submitted', version: 0, owner: null, allowed: ['accept', 'accept_deferred', 'refuse', 'withdraw'] });
    expect((await h.get(`/api/cases/${caseNumber}`, clerk)).body).toMatchObject({
      case: {
        holder: { windowId: 1, staff: { staffNo: 'C601' } },
        materials: [
          { code: 'id_card', declared: 'brought', verification: null, received: false },
          { code: 'hukou_booklet', declared: 'brought' },
          { code: 'residence_proof', declared: 'fetched', verification: 'pending' },
          { code: 'transfer_consent', declared: 'brought' },
        ],
      },
    });

    // 3 working days from Tuesday 29 Sep: Wed 30 Sep, then the holiday, Thu 8 Oct, Fri 9 Oct.
    const accepted = await h.post(`/api/cases/${caseNumber}/accept`, clerk, {
      windowId: 1,
      version: 0,
      received: ['id_card', 'hukou_booklet', 'transfer_consent'],
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ case: { status: 'accepted', version: 1, promisedBy: '2026-10-09', owner: { staffNo: 'C601' } }, printer: true });
    const receipt = h.jobs().find((j) => j.kind === 'acceptance_receipt');
    expect(receipt?.data).toMatchObject({ caseNumber, promisedBy: '2026-10-09', idNumber: APPLICANT, clerkName: 'Clerk C601（工号 C601）', timeLimitDays: 3 });
    expect(receipt?.data['materials']).toEqual(['本人居民身份证', '居民户口簿', '房屋产权人同意落户书面意见']);
    expect(h.audit('case.accept')).toMatchObject([
      { target: caseNumber, detail: 'hukou_transfer; promised 2026-10-09', actor: expect.stringMatching(/^staff:C601@terminal:\d+$/) },
    ]);
    expect(JSON.stringify(h.audit('case.accept'))).not.toContain(APPLICANT);

    // 办结 on 9 Oct: not an on-the-spot service, so it waits for collection.
    h.setNow(SEP_29 + 10 * DAY);
    await h.signInAgain(clerk, 'C601');
    const done = await h.post(`/api/cases/${caseNumber}/complete`, clerk, { windowId: 1, version: 1 });
    expect(viewOf(done)).toMatchObject({ status: 'ready_for_collection', allowed: ['hand_over'] });
    const agent = idNumber('19620308', '452');
    const handed = await h.post(`/api/cases/${caseNumber}/hand-over`, clerk, {
      windowId: 1,
      version: 2,
      collector: { kind: 'agent', name: '乌云其其格', idNumber: agent },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(viewOf(handed)).toMatchObject({ status: 'handed_over', allowed: [] });
    expect(h.jobs().find((j) => j.kind === 'collection_receipt')?.data).toMatchObject({ collector: { kind: 'agent', name: '乌云其其格', idNumber: agent } });

    const progress = await h.get(`/api/applications/progress?case=${caseNumber}&last4=${APPLICANT.slice(-4)}`, { token: h.kiosk });
    expect(progress.body).toMatchObject({
      status: 'handed_over',
      nextStep: 'application.next.none',
      promisedBy: '2026-10-09',
      history: [
        { status: 'submitted', at: SEP_29 },
        { status: 'accepted', at: SEP_29 },
        { status: 'ready_for_collection', at: SEP_29 + 10 * DAY },
        { status: 'handed_over', at: SEP_29 + 10 * DAY },
      ],
    });
  });

  it('accepts with a kinship pledge for the missing proof, takes the supplement at another window, completes on the spot', async () => {
    const h = await hall();
    const { caseNumber } = await h.submit('birth_registration', birthForm, ['id_card', 'hukou_booklet']);
    const a = await h.clerkAt(1, 'C601');
    const counter = await openEvents(h.host.url, 'display', await h.pair('display'));
    counter.socket.send(JSON.stringify({ type: 'watch', window: 1 }));
    await counter.next('watching');
    await h.post('/api/windows/1/call-next', a, {});

    const base = { windowId: 1, version: 0, received: ['id_card', 'hukou_booklet'], missing: ['marriage_certificate'] };
    const noPledge = await h.post(`/api/cases/${caseNumber}/accept-deferred`, a, base);
    expect(noPledge.status).toBe(400);
    expect(noPledge.body).toMatchObject({ error: { issues: [{ path: 'body.pledge' }] } });
    const deferred = await h.post(`/api/cases/${caseNumber}/accept-deferred`, a, {
      ...base,
      pledge: { relativeName: '李娜', relativeIdNumber: birthForm.otherParentIdNumber, relationship: '夫妻' },
    });
    expect(deferred.status, JSON.stringify(deferred.body)).toBe(200);
    // 10 working days from 29 Sep: 30 Sep, 8, 9, 10 (Saturday worked), 12, 13, 14, 15, 16, 19 Oct.
    expect(viewOf(deferred)).toMatchObject({ status: 'supplement_pending', supplementBy: '2026-10-19', owner: { staffNo: 'C601' } });
    expect(h.jobs().map((j) => [j.kind, j.data['copy'] ?? null])).toEqual([
      ['supplement_notice', 'applicant'],
      ['supplement_notice', 'file'],
      ['kinship_pledge', null],
    ]);
    expect(h.jobs()[2]?.data).toMatchObject({ relativeName: '李娜', relationship: '夫妻', applicantName: '张晓明' });
    expect(await counter.next('case.outcome')).toMatchObject({
      windowId: 1,
      outcome: { kind: 'supplement', caseNumber, supplementBy: '2026-10-19', missing: ['marriage_certificate'] },
    });
    expect((await h.get('/api/windows/1/outcome', { token: await h.pair('display') })).body).toMatchObject({ outcome: { kind: 'supplement' } });

    // The ticket is finished; days later the applicant brings the certificate to window 2.
    await h.post('/api/windows/1/start', a, {});
    await h.post('/api/windows/1/finish', a, {});
    const b = await h.clerkAt(2, 'C602');
    h.setNow(SEP_29 + 14 * DAY);
    await h.signInAgain(b, 'C602');
    const supplied = await h.post(`/api/cases/${caseNumber}/supplement`, b, { windowId: 2, version: 1, received: ['marriage_certificate'] });
    expect(supplied.status, JSON.stringify(supplied.body)).toBe(200);
    // 首接责任: the first clerk still owns it; the time limit (0: on the spot) runs from today.
    expect(viewOf(supplied)).toMatchObject({ status: 'accepted', owner: { staffNo: 'C601' }, supplementBy: null, promisedBy: '2026-10-13' });
    expect(h.jobs().at(-1)).toMatchObject({
      kind: 'acceptance_receipt',
      data: { materials: ['本人居民身份证', '居民户口簿', expect.stringContaining('结婚证')] },
    });
    const completed = await h.post(`/api/cases/${caseNumber}/complete`, b, { windowId: 2, version: 2 });
    expect(viewOf(completed)).toMatchObject({ status: 'completed', allowed: [] });
    counter.socket.close();
  });

  it('refuses with the hall’s reason and the clerk’s words, printed with the citizen’s recourse', async () => {
    const h = await hall();
    const { caseNumber } = await h.submit('hukou_transfer', transferForm, ['id_card', 'hukou_booklet', 'transfer_consent']);
    const clerk = await h.clerkAt(1, 'C601');
    const other = await h.post(`/api/cases/${caseNumber}/refuse`, clerk, { windowId: 1, version: 0, reason: 'other', text: '' });
    expect(other.status).toBe(400);
    const refused = await h.post(`/api/cases/${caseNumber}/refuse`, clerk, { windowId: 1, version: 0, reason: 'not_eligible', text: '迁入地址不在本辖区。' });
    expect(viewOf(refused)).toMatchObject({ status: 'rejected', allowed: [] });
    expect(h.jobs()[0]).toMatchObject({ kind: 'rejection_notice', data: { reason: '申请人不符合该事项规定的申请条件。迁入地址不在本辖区。' } });
    // The wording is sealed in the history, the audit line has the code only.
    expect(h.audit('case.refuse')).toMatchObject([{ detail: 'hukou_transfer; reason not_eligible' }]);
    const again = await h.post(`/api/cases/${caseNumber}/accept`, clerk, { windowId: 1, version: 1, received: [] });
    expect(again.status).toBe(409);
    expect((again.body as { error: { message: string } }).error.message).toMatch(/not allowed while the case is rejected \(last: refuse by staff C601/);
  });

  it('withdraws at the applicant’s request, and a supervisor closes an overdue supplement (after extending it once)', async () => {
    const h = await hall();
    const clerk = await h.clerkAt(1, 'C601');
    const first = await h.submit('hukou_transfer', transferForm, ['id_card', 'hukou_booklet', 'transfer_consent']);
    const w = await h.post(`/api/cases/${first.caseNumber}/withdraw`, clerk, { windowId: 1, version: 0 });
    expect(viewOf(w)).toMatchObject({ status: 'withdrawn' });
    expect(h.jobs().at(-1)).toMatchObject({ kind: 'withdrawal_notice', data: { by: 'applicant' } });

    const second = await h.submit('hukou_transfer', { ...transferForm, idNumber: idNumber('19900101') }, ['id_card', 'hukou_booklet']);
    const deferred = await h.post(`/api/cases/${second.caseNumber}/accept-deferred`, clerk, {
      windowId: 1,
      version: 0,
      received: ['id_card', 'hukou_booklet'],
      missing: ['transfer_consent'],
    });
    // 5 working days: 30 Sep, 8, 9, 10 (Saturday worked), 12 Oct.
    expect(viewOf(deferred)).toMatchObject({ supplementBy: '2026-10-12' });
    const sup = await h.supervisor();
    expect((await h.post(`/api/cases/${second.caseNumber}/close`, clerk, { version: 1, reason: '逾期' })).status).toBe(403);
    const early = await h.post(`/api/cases/${second.caseNumber}/close`, sup, { version: 1, reason: '逾期' });
    expect(early.status).toBe(409);
    const extended = await h.post(`/api/cases/${second.caseNumber}/extend`, sup, { version: 1, days: 2, reason: '申请人来电说明' });
    expect(viewOf(extended)).toMatchObject({ status: 'supplement_pending', supplementBy: '2026-10-14', version: 2 });
    h.setNow(SEP_29 + 16 * DAY); // 15 Oct: past the date
    await h.signInAgain(sup, 'S001');
    const lists = await h.get('/api/cases/deadlines', sup);
    expect(lists.body).toMatchObject({ today: '2026-10-15', cases: [{ caseNumber: second.caseNumber, urgency: 'overdue', deadline: { kind: 'supplement' } }] });
    const closed = await h.post(`/api/cases/${second.caseNumber}/close`, sup, { version: 2, reason: '逾期未补正' });
    expect(viewOf(closed)).toMatchObject({ status: 'withdrawn' });
    expect(h.jobs().at(-1)).toMatchObject({ kind: 'withdrawal_notice', data: { by: 'supplement_overdue' } });
  });

  it('records each corrected answer old → new with who and when, and keeps the ID number', async () => {
    const h = await hall();
    const { caseNumber } = await h.submit('hukou_transfer', transferForm, ['id_card', 'hukou_booklet', 'transfer_consent']);
    const clerk = await h.clerkAt(1, 'C601');
    const edited = await h.request(`/api/cases/${caseNumber}/form`, {
      method: 'PUT',
      ...clerk,
      body: { windowId: 1, version: 0, form: { ...transferForm, phone: '13900139000' } },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      case: {
        version: 1,
        form: { phone: '13900139000' },
        formChanges: [{ field: 'phone', oldValue: '13800138000', newValue: '13900139000', staff: { staffNo: 'C601' }, at: SEP_29 }],
      },
    });
    const bad = await h.request(`/api/cases/${caseNumber}/form`, {
      method: 'PUT',
      ...clerk,
      body: { windowId: 1, version: 1, form: { ...transferForm, phone: '123' } },
    });
    expect(bad.status).toBe(400);
    const id = await h.request(`/api/cases/${caseNumber}/form`, {
      method: 'PUT',
      ...clerk,
      body: { windowId: 1, version: 1, form: { ...transferForm, idNumber: idNumber('19900101') } },
    });
    expect(id.body).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'body.form.idNumber' }] } });
    expect(h.audit('case.form_edit')).toMatchObject([{ target: caseNumber, detail: 'fields phone' }]);
  });
});
