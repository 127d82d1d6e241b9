import { expect } from 'chai';
import { Staff } from '../../src/models/index.js';
import { signedInClient } from '../support/http.js';
import { position, staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { bill } from '../support/records.js';

type RecordJSON = { id: string; params: Record<string, unknown>; populated: Record<string, RecordJSON | null> };

describe('internal keys and position codes reach IT’s screens only', () => {
  it('系统管理员 sees a position’s code on its page, in the list and in the picker', async () => {
    const garage = await position('garage_keeper');
    const it = await signedInClient((await staff('system_admin')).email, TEST_PASSWORD);
    const { body } = await it.show('Position', garage.id);
    expect(body.record.params.code).to.equal('garage_keeper');
    const list = await it.list('Position', { name: garage.name }, { perPage: 50 });
    expect(list.records.map((r: RecordJSON) => r.params.code)).to.include('garage_keeper');
    const found = await it.search('Position', garage.name);
    expect(found.records.map((r: RecordJSON) => r.params.code)).to.include('garage_keeper');
  });

  it('客户接待员 reads the same position without its code: page, list, picker, and a staff member’s position', async () => {
    const garage = await position('garage_keeper');
    const keeper = await staff('garage_keeper');
    const reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const { body } = await reception.show('Position', garage.id);
    expect(body.record.params.name).to.equal(garage.name);
    expect(body.record.params).to.not.have.property('code');
    const list = await reception.list('Position', {}, { perPage: 100 });
    expect(list.records.length).to.be.greaterThan(0);
    expect(list.records.filter((r: RecordJSON) => 'code' in r.params)).to.deep.equal([]);
    const found = await reception.search('Position', garage.name);
    expect(found.records.length).to.be.greaterThan(0);
    expect(found.records.filter((r: RecordJSON) => 'code' in r.params)).to.deep.equal([]);
    const member = await reception.show('Staff', keeper.id);
    const populated = member.body.record.populated.positionId as RecordJSON | undefined;
    expect(populated?.params.name).to.equal(garage.name);
    expect(populated?.params).to.not.have.property('code');
  });

  it('客户服务收费员 reads a bill without its billing key, on its page, in the list and in the picker', async () => {
    const { units } = await smallEstate(1);
    const row = await bill(units[0], { billingKey: `management:${units[0].id}:2081-03`, period: '2081-03' });
    const cashier = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    const { body } = await cashier.show('Bill', row.id);
    expect(body.record.params.period).to.equal('2081-03');
    expect(body.record.params).to.not.have.property('billingKey');
    const list = await cashier.list('Bill', { unitId: units[0].id }, { perPage: 50 });
    expect(list.records.map((r: RecordJSON) => String(r.id))).to.include(String(row.id));
    expect(JSON.stringify(list)).to.not.include('management:');
    const found = await cashier.search('Bill', '2081');
    expect(JSON.stringify(found)).to.not.include('management:');
  });

  it('the position form of IT still sets a new position’s code', async () => {
    const it = await signedInClient((await staff('system_admin')).email, TEST_PASSWORD);
    const dept = (await Staff.findOne())?.departmentId;
    const { body } = await it.create('Position', { name: '绿化员甲', code: 'gardener_a', departmentId: String(dept) });
    expect(body.record.errors).to.deep.equal({});
    expect(body.record.params.code).to.equal('gardener_a');
  });
});
