import { expect } from 'chai';
import type { ActionContext, ActionRequest } from 'adminjs';
import { limitPayload } from '../../src/admin/payload.js';
import { frontDeskResources } from '../../src/admin/resources/front-desk.js';

const context = (actorId: number, params: Record<string, unknown> = {}) =>
  ({ currentAdmin: { email: 'x@demo.local', actor: { id: actorId } }, record: { params } }) as unknown as ActionContext;
const post = (payload: Record<string, unknown>) =>
  ({ method: 'post', payload, params: {} }) as unknown as ActionRequest;

function hook(resource: string, action: 'new' | 'edit') {
  const entry = frontDeskResources.find((r) => (r.resource as { name: string }).name === resource)!;
  const before = (
    entry.options?.actions?.[action] as {
      before: Array<(r: ActionRequest, c: ActionContext) => Promise<ActionRequest>>;
    }
  ).before;
  return before[0];
}

describe('front-desk admin forms', () => {
  it('a new ticket keeps only the registration fields, and its registrar is the signed-in clerk', async () => {
    const out = await hook('Ticket', 'new')(
      post({
        title: '电梯异响',
        category: 'repair',
        status: 'archived',
        approvedById: '9',
        registeredById: '9',
        number: 'BS1',
      }),
      context(42),
    );
    expect(out.payload).to.deep.equal({ title: '电梯异响', category: 'repair', registeredById: 42 });
  });

  it('an edit cannot move a dispatched ticket to another department, but can while it is only registered', async () => {
    const dispatched = await hook('Ticket', 'edit')(
      post({ departmentId: '3', title: '新标题', status: 'reported' }),
      context(1, { status: 'dispatched' }),
    );
    expect(dispatched.payload).to.deep.equal({ title: '新标题' });
    const reported = await hook('Ticket', 'edit')(post({ departmentId: '3' }), context(1, { status: 'reported' }));
    expect(reported.payload).to.deep.equal({ departmentId: '3' });
  });

  it('a notice form cannot publish it or name another author', async () => {
    const out = await hook('Notice', 'new')(
      post({ title: '停水通知', content: '周六停水', status: 'published', publishedAt: '2026-01-01', authorId: '7' }),
      context(5),
    );
    expect(out.payload).to.deep.equal({ title: '停水通知', content: '周六停水', authorId: 5 });
  });

  it('correspondence defaults its handler to the clerk but keeps one chosen on the form', async () => {
    const mine = await limitPayload(['subject', 'handlerId'], { fallback: ['handlerId'] })(
      post({ subject: '来信', handlerId: '' }),
      context(8),
    );
    expect(mine.payload).to.deep.equal({ subject: '来信', handlerId: 8 });
    const chosen = await hook('Correspondence', 'new')(post({ subject: '来信', handlerId: '3' }), context(8));
    expect(chosen.payload).to.deep.equal({ subject: '来信', handlerId: '3' });
  });

  it('leaves GET requests alone', async () => {
    const request = { method: 'get', params: {} } as unknown as ActionRequest;
    expect(await hook('Ticket', 'new')(request, context(1))).to.equal(request);
  });
});
