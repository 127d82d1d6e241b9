import { expect } from 'chai';
import type { ActionContext, ActionRequest, ResourceWithOptions } from 'adminjs';
import { dunningResources } from '../../src/admin/resources/dunning.js';
import { renovationResources } from '../../src/admin/resources/renovation.js';
import { DunningPlan } from '../../src/models/index.js';
import { staff } from '../support/factories.js';

const context = (actorId: number, params: Record<string, unknown> = {}) =>
  ({ currentAdmin: { email: 'x@demo.local', actor: { id: actorId } }, record: { params } }) as unknown as ActionContext;
const post = (payload: Record<string, unknown>) =>
  ({ method: 'post', payload, params: {} }) as unknown as ActionRequest;

function hook(resources: ResourceWithOptions[], resource: string, action: 'new' | 'edit') {
  const entry = resources.find((r) => (r.resource as { name: string }).name === resource)!;
  const before = (
    entry.options?.actions?.[action] as {
      before: Array<(r: ActionRequest, c: ActionContext) => Promise<ActionRequest>>;
    }
  ).before;
  // Runs the action's before hooks in order, as AdminJS does.
  return async (request: ActionRequest, ctx: ActionContext) => {
    let current = request;
    for (const step of before) current = await step(current, ctx);
    return current;
  };
}

describe('renovation and dunning admin forms', () => {
  it('a new renovation application keeps only the registration fields, and its registrar is the signed-in clerk', async () => {
    const out = await hook(
      renovationResources,
      'RenovationApplication',
      'new',
    )(
      post({
        unitId: '3',
        contractor: '鑫华装饰',
        status: 'approved',
        decidedById: '9',
        registeredById: '9',
        'scope.0': 'x',
      }),
      context(42),
    );
    // scope is a text column: a sub-key would reach it as a list, so it is dropped.
    expect(out.payload).to.deep.equal({ unitId: '3', contractor: '鑫华装饰', registeredById: 42 });
  });

  it('an edit of a renovation application cannot name another registrar', async () => {
    const out = await hook(
      renovationResources,
      'RenovationApplication',
      'edit',
    )(post({ scope: '厨房翻新', registeredById: '9', status: 'inspected' }), context(42));
    expect(out.payload).to.deep.equal({ scope: '厨房翻新' });
  });

  it('a deposit edit keeps only its note when the amount and application stay as collected', async () => {
    const out = await hook(
      renovationResources,
      'RenovationDeposit',
      'edit',
    )(
      post({ amount: '300000', applicationId: '5', note: '已收', status: 'refunded', refundedAmount: '300000' }),
      context(7, { amount: 300000, applicationId: 5 }),
    );
    expect(out.payload).to.deep.equal({ note: '已收' });
  });

  it('a dunning plan is drawn up by the signed-in staff member, a contact recorded by them', async () => {
    const plan = await hook(
      dunningResources,
      'DunningPlan',
      'new',
    )(post({ title: '11月催缴', status: 'closed', createdById: '3' }), context(8));
    expect(plan.payload).to.deep.equal({ title: '11月催缴', createdById: 8 });
    // A contact is recorded on a started plan (the parent check runs after the payload is limited).
    const started = await DunningPlan.create({
      title: '已开始的催缴',
      status: 'started',
      createdById: (await staff('coordinator')).id,
    } as never);
    const record = await hook(
      dunningResources,
      'DunningRecord',
      'new',
    )(post({ planId: String(started.id), result: 'paid', staffId: '3' }), context(8));
    expect(record.payload).to.deep.equal({ planId: String(started.id), result: 'paid', staffId: 8 });
    const target = await hook(
      dunningResources,
      'DunningTarget',
      'edit',
    )(post({ note: '已联系', arrearsAmount: '0' }), context(8));
    expect(target.payload).to.deep.equal({ note: '已联系' });
  });

  it('leaves GET requests alone', async () => {
    const request = { method: 'get', params: {} } as unknown as ActionRequest;
    expect(await hook(dunningResources, 'DunningPlan', 'new')(request, context(1))).to.equal(request);
  });
});
