import { expect } from 'chai';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { ticket } from '../support/records.js';

// A page one may not open (the forbidden-page component) says 「您没有权限打开“报事单”列表：<reason>」 with the
// reason the rules give for the page's action — the same reason the admin API refuses that action with.
describe('a page one may not open says why, in the rules’ words', () => {
  it('车库管理员 may not open the ticket list: the page’s reason names the position and the action', async () => {
    const keeper = await signedInClient((await staff('garage_keeper')).email, TEST_PASSWORD);
    const { status, body } = await keeper.json('GET', '/api/authority/decide?action=Ticket.list');
    expect(status).to.equal(200);
    expect(body.allowed).to.equal(false);
    expect(body.reason)
      .to.match(/车库管理员/)
      .and.match(/报事单/);
    expect(body.reason).to.not.match(/Ticket|list|garage/);
    const list = await keeper.json('GET', '/admin/api/resources/Ticket/actions/list');
    expect(JSON.stringify(list.body)).to.include(body.reason);
  });

  it('客户接待员 may open the same list: no refusal to show', async () => {
    const reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const { body } = await reception.json('GET', '/api/authority/decide?action=Ticket.list');
    expect(body.allowed).to.equal(true);
  });

  it('a record’s form refused for its state says so: archiving a ticket that is only reported', async () => {
    const reported = await ticket('reported');
    const reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const { body } = await reception.json('GET', `/api/authority/decide?action=Ticket.archive&recordId=${reported.id}`);
    expect(body.allowed).to.equal(false);
    expect(body.reason).to.match(/\p{Script=Han}/u);
    expect(body.reason).to.not.match(/Ticket\.archive|reported/);
    const opened = await reception.open('Ticket', reported.id, 'archive');
    expect(opened.body.record.baseError.message).to.equal(body.reason);
  });
});
