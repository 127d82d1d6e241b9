// Who may read the money reports through GET /api/reports/<name>, as the page asks: the default readers (收费员 all
// four; 协调员 欠费账龄 and 催缴结果 only; 助理, 主任) may, the others are refused with 403 and get no figures.
import { expect } from 'chai';
import { send, signedInClient, type Client } from '../../support/http.js';
import { staff, TEST_PASSWORD } from '../../support/factories.js';
import { smallEstate } from '../../support/estate.js';
import { Bill } from '../../../src/models/index.js';

const get = (client: Client | null, path: string) => send(client, 'GET', path);
const clientFor = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);

describe('money reports through GET /api/reports', function () {
  this.timeout(60_000);
  let cashier: Client;
  let coordinator: Client;
  let garage: Client;
  let receptionist: Client;
  let communityId: number;

  before(async () => {
    [cashier, coordinator, garage, receptionist] = await Promise.all(
      ['cashier', 'coordinator', 'garage_keeper', 'receptionist'].map(clientFor),
    );
    const estate = await smallEstate(1);
    communityId = estate.community.id;
    await Bill.create({
      unitId: estate.units[0].id,
      ownerId: estate.units[0].ownerId,
      period: '2045-02',
      feeKind: 'management',
      description: '2045年2月物业管理费',
      amount: 25_046,
      dueDate: '2045-02-20',
    });
  });

  const refused = async (client: Client, name: string) => {
    const answer = await get(client, `/api/reports/${name}?period=2045-02&communityId=${communityId}`);
    expect(answer.status, answer.text).to.equal(403);
    expect(answer.json?.rows, 'no figures in a refusal').to.equal(undefined);
  };

  it('收费员 may read 收费统计, and its totals carry receivable, received and rate', async () => {
    const answer = await get(cashier, `/api/reports/collection?period=2045-02&communityId=${communityId}`);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.json.totals).to.include({ receivable: 25_046, received: 0, rate: 0 });
  });

  it('车库管理员 may not read 收费统计', () => refused(garage, 'collection'));

  it('协调员 may read 欠费账龄 and 催缴结果', async () => {
    for (const name of ['arrearsAgeing', 'dunningResults']) {
      const answer = await get(coordinator, `/api/reports/${name}?period=2045-02&communityId=${communityId}`);
      expect(answer.status, `${name}: ${answer.text}`).to.equal(200);
      expect(answer.json.rows).to.be.an('array');
    }
  });

  it('协调员 may not read 收费统计 or 押金报表', async () => {
    await refused(coordinator, 'collection');
    await refused(coordinator, 'deposits');
  });

  it('收费员 may read 押金报表; 接待员 may not read it, nor 欠费账龄 or 催缴结果', async () => {
    const answer = await get(cashier, `/api/reports/deposits?period=2045-02&communityId=${communityId}`);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.json.totals).to.include({ held: 0, received: 0 });
    for (const name of ['deposits', 'arrearsAgeing', 'dunningResults']) await refused(receptionist, name);
  });

  it('车库管理员 may not read 欠费账龄, 催缴结果 or 押金报表', async () => {
    for (const name of ['arrearsAgeing', 'dunningResults', 'deposits']) await refused(garage, name);
  });
});
