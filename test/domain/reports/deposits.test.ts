// 押金报表 against a month of deposits worked out by hand, with movements on both sides of the Shanghai month's edges.
import { expect } from 'chai';
import { Payment, RenovationDeposit, depositNumberFor } from '../../../src/models/index.js';
import { depositsReport } from '../../../src/domain/reports/deposits.js';
import type { ReportResult } from '../../../src/domain/reports/report.js';
import { smallEstate, type SmallEstate } from '../../support/estate.js';
import { staff } from '../../support/factories.js';
import { renovationApplication } from '../../support/records.js';

describe('押金报表 (Report.deposits)', function () {
  this.timeout(60_000);
  // May 2044 in Shanghai: no other test keeps deposits in 2044.
  const P = '2044-05';
  let estate: SmallEstate;
  let result: ReportResult;

  before(async () => {
    estate = await smallEstate(6);
    const cashier = await staff('cashier');
    let index = 0;
    async function deposit(
      amount: number,
      collectedAt: string,
      end?: { refundedAt?: string; deduction?: number; forfeitedAt?: string },
    ) {
      const unit = estate.units[index++];
      const application = await renovationApplication('inspected', { unitId: unit.id, ownerId: unit.ownerId! });
      const receipt = await Payment.create({
        kind: 'deposit',
        method: 'cash',
        amount,
        payerName: '业主',
        cashierId: cashier.id,
        ownerId: unit.ownerId,
        unitId: unit.id,
        paidAt: new Date(collectedAt),
      });
      const fields: Partial<RenovationDeposit> = {};
      if (end?.refundedAt) {
        const refundedAmount = amount - (end.deduction ?? 0);
        const refund = await Payment.create({
          kind: 'deposit_refund',
          method: 'cash',
          amount: refundedAmount,
          payerName: '业主',
          cashierId: cashier.id,
          unitId: unit.id,
          paidAt: new Date(end.refundedAt),
        });
        Object.assign(fields, {
          status: 'refunded',
          refundedAmount,
          deduction: end.deduction ?? 0,
          refundPaymentId: refund.id,
          refundedAt: new Date(end.refundedAt),
          refundedById: cashier.id,
        });
      }
      if (end?.forfeitedAt)
        Object.assign(fields, {
          status: 'forfeited',
          forfeitedAt: new Date(end.forfeitedAt),
          forfeitedById: cashier.id,
        });
      return RenovationDeposit.create({
        number: depositNumberFor(application.number),
        applicationId: application.id,
        unitId: unit.id,
        ownerId: unit.ownerId!,
        amount,
        receiptPaymentId: receipt.id,
        ...fields,
      });
    }
    await deposit(100_000, '2044-04-10T02:00:00Z');
    await deposit(100_000, '2044-04-20T02:00:00Z', { refundedAt: '2044-05-12T02:00:00Z', deduction: 20_000 });
    await deposit(50_000, '2044-05-03T02:00:00Z');
    // 00:30 on 1 May in Shanghai, forfeited at 23:30 on 31 May: both in May.
    await deposit(70_000, '2044-04-30T16:30:00Z', { forfeitedAt: '2044-05-31T15:30:00Z' });
    // Forfeited at 23:30 on 30 April: no longer held when May begins.
    await deposit(40_000, '2044-03-01T02:00:00Z', { forfeitedAt: '2044-04-30T15:30:00Z' });
    // Collected at 00:30 on 1 June: June's.
    await deposit(60_000, '2044-05-31T16:30:00Z');
    result = await depositsReport({ period: P, communityId: estate.community.id });
  });

  it('holds at the end what it held at the start, plus collected, less refunded, deducted and forfeited', () => {
    expect(result.totals).to.include({
      heldAtStart: 200_000,
      heldAtStartCount: 2,
      received: 120_000,
      receivedCount: 2,
      refunded: 80_000,
      deducted: 20_000,
      refundedCount: 1,
      forfeited: 70_000,
      forfeitedCount: 1,
      held: 150_000,
      heldCount: 2,
    });
    expect(result.rows).to.have.length(1);
    expect(result.rows[0]).to.include({ place: estate.building.name, held: 150_000 });
  });

  it('lists the month’s movements by Shanghai day, with deductions and who handled them', () => {
    const movements = result.sections!.find((s) => s.key === 'movements')!;
    expect(movements.rows.map((r) => [r.movement, r.amount, r.deduction, r.day])).to.deep.equal([
      ['收取押金', 70_000, 0, '2044-05-01'],
      ['收取押金', 50_000, 0, '2044-05-03'],
      ['退还押金', 80_000, 20_000, '2044-05-12'],
      ['没收押金', 70_000, 0, '2044-05-31'],
    ]);
    expect(movements.rows[0].owner).to.equal(estate.owners[3].name);
    expect(movements.rows.every((r) => String(r.staff).startsWith('测试cashier'))).to.equal(true);
  });

  it('carries June on from May’s end', async () => {
    const june = await depositsReport({ period: '2044-06', communityId: estate.community.id });
    expect(june.totals).to.include({ heldAtStart: 150_000, received: 60_000, held: 210_000, heldCount: 3 });
  });
});
