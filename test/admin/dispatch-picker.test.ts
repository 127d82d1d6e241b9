// 派工 and 改派 pick the handler among the chosen department's staff: the form's handler field asks the Staff
// picker (AdminJS's search action) for that department only, and the use case still refuses anyone else.
import { expect } from 'chai';
import { Ticket, WorkOrder } from '../../src/models/index.js';
import type { ActionContext, ActionRequest } from 'adminjs';
import { frontDeskResources, handlerInDepartment } from '../../src/admin/resources/front-desk.js';
import type { FormField } from '../../src/admin/use-case.js';
import { department, staff, TEST_PASSWORD } from '../support/factories.js';
import { ticket } from '../support/records.js';
import { signedInClient, type Client } from '../support/http.js';

type Found = { records?: { id: string; title: string; params: Record<string, unknown> }[] };

/** The picker's choices as the dispatch form asks for them: the fixed filters and the chosen department. */
async function handlerChoices(client: Client, field: FormField, departmentId: number | string) {
  const filters = { ...field.filters, ...{ [Object.keys(field.dependsOn!)[0]]: String(departmentId) } };
  const query = new URLSearchParams(Object.entries(filters).map(([k, v]) => [`filters.${k}`, v]));
  const { body } = await client.json<Found>('GET', `/admin/api/resources/Staff/actions/search?${query}`);
  return body.records ?? [];
}

function formField(action: string, name: string): FormField {
  const ticketEntry = frontDeskResources.find((r) => (r.resource as { name: string }).name === 'Ticket')!;
  const fields = (ticketEntry.options!.actions as Record<string, { custom: { fields: FormField[] } }>)[action].custom
    .fields;
  return fields.find((f) => f.name === name)!;
}

describe('dispatch offers only the chosen department’s staff', () => {
  let reception: Client;
  before(async () => {
    reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
  });

  it('the 派工 and 改派 forms ask for the handler among the enabled staff of the department chosen above it', () => {
    for (const action of ['dispatch', 'reassign']) {
      const field = formField(action, 'assigneeId');
      expect(field).to.include({ type: 'reference', reference: 'Staff', emptyText: '该部门还没有员工' });
      expect(field.dependsOn).to.deep.equal({ departmentId: 'departmentId' });
      expect(field.filters).to.deep.equal({ enabled: 'true' });
    }
  });

  it('the handler picker of a department lists its enabled staff and no one of another department or disabled', async () => {
    // A department of its own, so the other tests' 工程部 staff cannot crowd the picker's first page.
    const repairs = await department(`维修部${Date.now().toString(36)}`);
    const technician = await staff('technician', { departmentName: repairs.name });
    const supervisor = await staff('engineering_supervisor', { departmentName: repairs.name });
    const disabled = await staff('technician', { enabled: false, departmentName: repairs.name });
    const guard = await staff('garage_keeper');
    const clerk = await staff('receptionist');

    const choices = await handlerChoices(reception, formField('dispatch', 'assigneeId'), repairs.id);
    expect(choices.map((r) => Number(r.id)).sort()).to.deep.equal([technician.id, supervisor.id].sort());
    expect(choices.map((r) => Number(r.id))).not.to.include.members([disabled.id, guard.id, clerk.id]);
  });

  it('a department with no staff offers no handler (the form says 该部门还没有员工)', async () => {
    const empty = await department(`绿化部${Date.now().toString(36)}`);
    const choices = await handlerChoices(reception, formField('dispatch', 'assigneeId'), empty.id);
    expect(choices).to.deep.equal([]);
  });

  it('接待员 may dispatch to a person of the chosen department', async () => {
    const engineering = await department('工程部');
    const technician = await staff('technician');
    const row = await ticket('reported');
    const { body } = await reception.act('Ticket', row.id, 'dispatch', {
      departmentId: engineering.id,
      assigneeId: technician.id,
    });
    expect(body.notice?.type).to.equal('success');
    expect((await Ticket.findByPk(row.id))!.status).to.equal('dispatched');
    expect((await WorkOrder.findOne({ where: { ticketId: row.id } }))!.assigneeId).to.equal(technician.id);
  });

  it('a person outside the chosen department is refused on the server, and nothing is written', async () => {
    const engineering = await department('工程部');
    const guard = await staff('garage_keeper');
    const row = await ticket('reported');
    const { body } = await reception.act('Ticket', row.id, 'dispatch', {
      departmentId: engineering.id,
      assigneeId: guard.id,
    });
    expect(body.record?.errors?.assigneeId?.message).to.equal('处理人不属于所选的处理部门');
    expect((await Ticket.findByPk(row.id))!.status).to.equal('reported');
    expect(await WorkOrder.count({ where: { ticketId: row.id } })).to.equal(0);
  });

  it('a work order form naming a handler outside its department, or a disabled one, is refused on the field', async () => {
    const engineering = await department('工程部');
    const technician = await staff('technician');
    const disabled = await staff('technician', { enabled: false });
    const guard = await staff('garage_keeper');
    const post = (payload: Record<string, unknown>) =>
      ({ method: 'post', payload, params: {} }) as unknown as ActionRequest;
    const onRecord = { record: { params: { departmentId: engineering.id } } } as unknown as ActionContext;
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: { propertyErrors?: Record<string, { message: string }> }) => error.propertyErrors?.assigneeId?.message,
      );
    expect(await refusal(handlerInDepartment(post({ assigneeId: String(guard.id) }), onRecord))).to.equal(
      '处理人不属于所选的处理部门',
    );
    expect(await refusal(handlerInDepartment(post({ assigneeId: String(disabled.id) }), onRecord))).to.equal(
      '处理人不存在或已停用',
    );
    expect(await refusal(handlerInDepartment(post({ assigneeId: String(technician.id) }), onRecord))).to.equal(null);
    expect(await refusal(handlerInDepartment(post({ assigneeId: '' }), onRecord))).to.equal(null);
  });
});
