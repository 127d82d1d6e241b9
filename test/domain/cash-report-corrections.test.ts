// A cash report that can be corrected (issue 12.3): 重新打开 by its own cashier while submitted, 退回 with the
// difference and a note by another collector, correction (void and reissue) and a second submission, and the history
// of every check — each through the admin API, as the buttons send them.
import { expect } from 'chai';
import { AuditLog, CashReport, CashReportReview, Payment, type Staff } from '../../src/models/index.js';
import { computeCashReportTotals } from '../../src/domain/cash-report-totals.js';
import { reopenCashReport, sendBackCashReport } from '../../src/domain/cash-reports.js';
import { loadActor } from '../../src/auth/actor.js';
import { ValidationFailed } from '../../src/errors.js';
import { shanghaiDay } from '../../src/lib/shanghai.js';
import { signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { expectRefused } from '../support/refusals.js';

let day = 0;

interface Day {
  cashier: Staff;
  own: Client;
  report: CashReport;
}

/** A cashier's report of a past day with two receipts (¥120.00 cash, ¥80.50 WeChat), submitted through the admin. */
async function submittedDay(): Promise<Day> {
  const cashier = await staff('cashier');
  day += 1;
  const date = `2026-08-${String(day).padStart(2, '0')}`;
  const report = await CashReport.create({ cashierId: cashier.id, reportDate: date } as never);
  for (const [method, amount] of [
    ['cash', 12_000],
    ['wechat', 8_050],
  ] as const) {
    await Payment.create({
      kind: 'other',
      method,
      amount,
      payerName: '李秀英',
      cashierId: cashier.id,
      paidAt: new Date(`${date}T10:00:00+08:00`),
      status: 'valid',
    } as never);
  }
  const own = await signedInClient(cashier.email, TEST_PASSWORD);
  const { body } = await own.act('CashReport', report.id, 'submit');
  expect(body.notice.type, JSON.stringify(body.notice)).to.equal('success');
  await report.reload();
  expect(report.status).to.equal('submitted');
  return { cashier, own, report };
}

async function clientOf(code: string): Promise<{ member: Staff; client: Client }> {
  const member = await staff(code);
  return { member, client: await signedInClient(member.email, TEST_PASSWORD) };
}

const refusedAsForbidden = (body: { record?: { baseError?: { type?: string; message?: string } } }) => {
  expect(body.record?.baseError?.type, JSON.stringify(body)).to.equal('ForbiddenError');
  // The refusal says why, in words.
  expect(body.record?.baseError?.message ?? '').to.match(/[\u4e00-\u9fff]/);
};

const auditLines = (report: CashReport, action: string) =>
  AuditLog.count({ where: { resource: 'CashReport', recordId: String(report.id), action } });

const actionsOf = (record: { recordActions: { name: string }[] }) => record.recordActions.map((a) => a.name);

describe('重新打开日报 (CashReport.reopen)', () => {
  it('收费员 may reopen their own submitted day: it is open again, and the audit log says who and why', async () => {
    const { own, report } = await submittedDay();
    const shown = await own.show('CashReport', report.id);
    expect(actionsOf(shown.body.record)).to.include('reopen').and.not.include.members(['reconcile', 'sendBack']);
    const { body } = await own.act('CashReport', report.id, 'reopen', { note: '下班前又有业主来缴费' });
    expect(body.notice).to.deep.include({ type: 'success' });
    await report.reload();
    expect(report.status).to.equal('open');
    expect(report.submittedAt).to.equal(null);
    const line = await AuditLog.findOne({
      where: { resource: 'CashReport', recordId: String(report.id), action: 'CashReport.reopen' },
    });
    expect(line?.note).to.include('下班前又有业主来缴费');
    expect(line?.changes).to.deep.include({ status: ['submitted', 'open'] });
  });

  it("another cashier may not reopen someone else's day, nor may 客户接待员; nothing is written", async () => {
    const { report } = await submittedDay();
    for (const code of ['cashier', 'receptionist']) {
      const { client } = await clientOf(code);
      const { body } = await client.act('CashReport', report.id, 'reopen');
      refusedAsForbidden(body);
    }
    await report.reload();
    expect(report.status).to.equal('submitted');
    expect(await auditLines(report, 'CashReport.reopen')).to.equal(0);
  });

  it('a reconciled day cannot be reopened, by the admin or by the use case; nothing is written', async () => {
    const { cashier, own, report } = await submittedDay();
    const { client: second } = await clientOf('cashier');
    expect((await second.act('CashReport', report.id, 'reconcile')).body.notice.type).to.equal('success');
    refusedAsForbidden((await own.act('CashReport', report.id, 'reopen')).body);
    await expectRefused(
      reopenCashReport(await loadActor(cashier.id), report.id, {}),
      ValidationFailed,
      '这条记录当前的状态不能重新打开日报（现金日报表）',
    );
    await report.reload();
    expect(report.status).to.equal('reconciled');
    expect(await auditLines(report, 'CashReport.reopen')).to.equal(0);
  });

  it("today's day: a receipt after 提交日报 is refused until the day is reopened; reopened, it takes the receipt, and resubmitted its totals equal its receipts", async () => {
    const { member: cashier, client: own } = await clientOf('cashier');
    const today = shanghaiDay(new Date());
    const created = await own.create('CashReport', { reportDate: today });
    const reportId = Number(created.body.record.id);
    const take = (method: string, amount: number) =>
      own.create('Payment', { kind: 'other', method, amount, payerName: '王建国' });
    expect((await take('cash', 10_000)).body.notice.type).to.equal('success');
    expect((await own.act('CashReport', reportId, 'submit')).body.notice.type).to.equal('success');

    const refused = await take('wechat', 5_000);
    expect(refused.body.notice.message).to.equal(
      '今天的现金日报表已提交，不能再开收据；如需继续收款，请先在日报表上点“重新打开日报”',
    );
    expect(await Payment.count({ where: { cashierId: cashier.id } })).to.equal(1);

    expect((await own.act('CashReport', reportId, 'reopen')).body.notice.type).to.equal('success');
    const later = await take('wechat', 5_000);
    expect(later.body.notice.type).to.equal('success');
    const receipt = await Payment.findByPk(Number(later.body.record.id));
    expect(receipt?.cashReportId).to.equal(reportId);
    let report = (await CashReport.findByPk(reportId))!;
    expect(report).to.include({ status: 'open', receiptCount: 2, totalAmount: 15_000, wechatAmount: 5_000 });

    expect((await own.act('CashReport', reportId, 'submit')).body.notice.type).to.equal('success');
    report = (await CashReport.findByPk(reportId))!;
    const receipts = await Payment.findAll({ where: { cashReportId: reportId } });
    expect(receipts).to.have.length(2);
    const totals = computeCashReportTotals(receipts.map((p) => p.get({ plain: true })));
    for (const [field, value] of Object.entries(totals)) expect(report.get(field), field).to.equal(value);
    expect(report).to.include({ status: 'submitted', cashAmount: 10_000, wechatAmount: 5_000, totalAmount: 15_000 });

    const { member: second, client: secondClient } = await clientOf('cashier');
    expect((await secondClient.act('CashReport', reportId, 'reconcile')).body.notice.type).to.equal('success');
    const reviews = await CashReportReview.findAll({ where: { cashReportId: reportId } });
    expect(reviews.map((r) => [r.outcome, r.reviewerId, r.differenceAmount])).to.deep.equal([
      ['matched', second.id, 0],
    ]);
  });
});

describe('退回日报 (CashReport.sendBack) and the correction', () => {
  it('another cashier may send back a submitted day with a 短款 and a note: it is returned, and the check is kept', async () => {
    const { report } = await submittedDay();
    const { member: second, client } = await clientOf('cashier');
    const shown = await client.show('CashReport', report.id);
    expect(actionsOf(shown.body.record)).to.include.members(['reconcile', 'sendBack']).and.not.include('reopen');
    const { body } = await client.act('CashReport', report.id, 'sendBack', {
      differenceAmount: -5_000,
      note: '钱箱比日报表少 50 元',
    });
    expect(body.notice).to.deep.equal({
      type: 'success',
      message: '日报表已退回收款人更正：短款 ¥50.00，钱箱比日报表少 50 元',
    });
    await report.reload();
    expect(report.status).to.equal('returned');
    expect(report.reconciledById).to.equal(null);
    const reviews = await CashReportReview.findAll({ where: { cashReportId: report.id } });
    expect(reviews).to.have.length(1);
    expect(reviews[0]).to.include({
      outcome: 'different',
      differenceAmount: -5_000,
      note: '钱箱比日报表少 50 元',
      reviewerId: second.id,
    });
    expect(await auditLines(report, 'CashReport.sendBack')).to.equal(1);
  });

  it('a 长款 is a positive difference; 0 says the net agrees and a detail does not', async () => {
    for (const [difference, words] of [
      [2_000, '长款 ¥20.00'],
      [0, '金额无差异'],
    ] as const) {
      const { report } = await submittedDay();
      const { client } = await clientOf('cashier');
      const { body } = await client.act('CashReport', report.id, 'sendBack', {
        differenceAmount: difference,
        note: '一张微信收款开成了现金',
      });
      expect(body.notice.message).to.equal(`日报表已退回收款人更正：${words}，一张微信收款开成了现金`);
      const review = await CashReportReview.findOne({ where: { cashReportId: report.id } });
      expect(review?.differenceAmount).to.equal(difference);
    }
  });

  it('its own cashier may not send back their day, nor may 客户接待员; nothing is written', async () => {
    const { own, report } = await submittedDay();
    const { client: reception } = await clientOf('receptionist');
    for (const client of [own, reception]) {
      const { body } = await client.act('CashReport', report.id, 'sendBack', {
        differenceAmount: -100,
        note: '试图退回',
      });
      refusedAsForbidden(body);
    }
    await report.reload();
    expect(report.status).to.equal('submitted');
    expect(await CashReportReview.count({ where: { cashReportId: report.id } })).to.equal(0);
    expect(await auditLines(report, 'CashReport.sendBack')).to.equal(0);
  });

  it('bad input is refused in Chinese on its field, and nothing is written', async () => {
    const { report } = await submittedDay();
    const { client } = await clientOf('cashier');
    const cases: [Record<string, string | number>, string, string][] = [
      [{ differenceAmount: -5_000 }, 'note', '请写明差异所在，以便收款人更正'],
      [{ differenceAmount: -5_000, note: '   ' }, 'note', '请写明差异所在，以便收款人更正'],
      [{ note: '少了钱' }, 'differenceAmount', '请填写差异金额：长款填正数，短款填负数，以分为单位'],
      [
        { differenceAmount: '12.5', note: '少了钱' },
        'differenceAmount',
        '差异金额必须是以分为单位的整数（长款为正，短款为负）',
      ],
      [
        { differenceAmount: '五十', note: '少了钱' },
        'differenceAmount',
        '差异金额必须是以分为单位的整数（长款为正，短款为负）',
      ],
      [{ differenceAmount: '99999999999', note: '少了钱' }, 'differenceAmount', '差异金额超出范围'],
    ];
    for (const [form, field, message] of cases) {
      const { body } = await client.act('CashReport', report.id, 'sendBack', form);
      expect(body.record.errors?.[field]?.message, JSON.stringify(form)).to.equal(message);
      expect(body.notice.type).to.equal('error');
    }
    await report.reload();
    expect(report.status).to.equal('submitted');
    expect(await CashReportReview.count({ where: { cashReportId: report.id } })).to.equal(0);
    expect(await auditLines(report, 'CashReport.sendBack')).to.equal(0);
  });

  it('an open or a reconciled day cannot be sent back; nothing is written', async () => {
    const { member: second, client } = await clientOf('cashier');
    const open = await CashReport.create({ cashierId: (await staff('cashier')).id, reportDate: '2026-07-01' } as never);
    refusedAsForbidden(
      (await client.act('CashReport', open.id, 'sendBack', { differenceAmount: -1, note: '差1分' })).body,
    );
    await expectRefused(
      sendBackCashReport(await loadActor(second.id), open.id, { differenceAmount: -1, note: '差1分' }),
      ValidationFailed,
      '这条记录当前的状态不能退回日报（现金日报表）',
    );
    const { report: reconciled } = await submittedDay();
    expect((await client.act('CashReport', reconciled.id, 'reconcile')).body.notice.type).to.equal('success');
    refusedAsForbidden(
      (await client.act('CashReport', reconciled.id, 'sendBack', { differenceAmount: -1, note: '差1分' })).body,
    );
    await open.reload();
    await reconciled.reload();
    expect([open.status, reconciled.status]).to.deep.equal(['open', 'reconciled']);
    expect(await CashReportReview.count({ where: { cashReportId: [open.id, reconciled.id] } })).to.equal(1);
  });

  it('the cashier corrects a day sent back (voids a wrong receipt) and submits again; the other cashier reconciles it, and both checks stay', async () => {
    const { own, report } = await submittedDay();
    const { member: second, client } = await clientOf('cashier');
    await client.act('CashReport', report.id, 'sendBack', {
      differenceAmount: -8_050,
      note: '微信收款 80.50 元未到账',
    });

    // Returned: not to be reconciled until submitted again.
    refusedAsForbidden((await client.act('CashReport', report.id, 'reconcile')).body);
    const wrong = (await Payment.findOne({ where: { cashReportId: report.id, method: 'wechat' } }))!;
    const voided = await own.act('Payment', wrong.id, 'void', { voidReason: '微信未到账，作废' });
    expect(voided.body.notice.type, JSON.stringify(voided.body.notice)).to.equal('success');
    await report.reload();
    expect(report).to.include({ status: 'returned', receiptCount: 1, totalAmount: 12_000, wechatAmount: 0 });

    const shown = await own.show('CashReport', report.id);
    expect(actionsOf(shown.body.record)).to.include('submit').and.not.include('reopen');
    expect((await own.act('CashReport', report.id, 'submit')).body.notice.type).to.equal('success');
    expect(
      (await client.act('CashReport', report.id, 'reconcile', { note: '更正后核对无误' })).body.notice.type,
    ).to.equal('success');
    await report.reload();
    expect(report).to.include({ status: 'reconciled', reconciledById: second.id, totalAmount: 12_000 });
    const reviews = await CashReportReview.findAll({ where: { cashReportId: report.id }, order: [['id', 'ASC']] });
    expect(reviews.map((r) => [r.outcome, r.differenceAmount, r.note])).to.deep.equal([
      ['different', -8_050, '微信收款 80.50 元未到账'],
      ['matched', 0, '更正后核对无误'],
    ]);
  });

  it("the report's page lists its receipts, the totals per method and the checks", async () => {
    const { own, report } = await submittedDay();
    const { client } = await clientOf('cashier');
    await client.act('CashReport', report.id, 'sendBack', { differenceAmount: 2_000, note: '现金多 20 元' });
    const { body } = await own.show('CashReport', report.id);
    const detail = JSON.parse(body.record.params.detail);
    expect(
      detail.receipts.map((r: { method: string; amount: number; status: string }) => [r.method, r.amount, r.status]),
    ).to.deep.equal([
      ['现金', 12_000, '有效'],
      ['微信', 8_050, '有效'],
    ]);
    expect(detail.receipts[0].paidAt).to.equal(`${report.reportDate} 10:00`);
    expect(detail.methods.find((m: { method: string }) => m.method === 'cash')).to.include({
      count: 1,
      amount: 12_000,
    });
    expect(detail).to.include({ receiptCount: 2, totalAmount: 20_050 });
    expect(detail.reviews).to.have.length(1);
    expect(detail.reviews[0]).to.include({
      outcomeLabel: '有差异',
      differenceText: '长款 ¥20.00',
      note: '现金多 20 元',
    });
  });
});

describe('one check per submission, under concurrent requests', () => {
  it('two reviewers reconciling and sending back the same day at once: exactly one check is taken', async () => {
    const { report } = await submittedDay();
    const reviewers = await Promise.all([clientOf('cashier'), clientOf('cashier')]);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const { client } = reviewers[i % 2];
        return i % 4 < 2
          ? client.act('CashReport', report.id, 'reconcile')
          : client.act('CashReport', report.id, 'sendBack', { differenceAmount: -300, note: `差 3 元（${i}）` });
      }),
    );
    const succeeded = results.filter((r) => r.body.notice?.type === 'success');
    expect(succeeded, JSON.stringify(results.map((r) => r.body.notice))).to.have.length(1);
    for (const r of results) expect(r.status).to.be.below(500);
    const reviews = await CashReportReview.findAll({ where: { cashReportId: report.id } });
    expect(reviews).to.have.length(1);
    await report.reload();
    expect(report.status).to.equal(reviews[0].outcome === 'matched' ? 'reconciled' : 'returned');
    expect(
      (await auditLines(report, 'CashReport.reconcile')) + (await auditLines(report, 'CashReport.sendBack')),
    ).to.equal(1);
  });

  it('its cashier reopening while another reconciles: one of them wins, and the day is consistent', async () => {
    const { own, report } = await submittedDay();
    const { client } = await clientOf('cashier');
    const [reopened, reconciled] = await Promise.all([
      own.act('CashReport', report.id, 'reopen'),
      client.act('CashReport', report.id, 'reconcile'),
    ]);
    const wins = [reopened, reconciled].filter((r) => r.body.notice?.type === 'success');
    expect(wins).to.have.length(1);
    await report.reload();
    const reviews = await CashReportReview.count({ where: { cashReportId: report.id } });
    if (reopened.body.notice?.type === 'success') expect([report.status, reviews]).to.deep.equal(['open', 0]);
    else expect([report.status, reviews]).to.deep.equal(['reconciled', 1]);
  });
});
