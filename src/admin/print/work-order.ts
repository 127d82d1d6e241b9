// 派工单 (A4 portrait) for the handling department: the ticket it dispatches (number, caller, phone, room, category,
// content), the department and handler, when it was dispatched and is due, the paid service's fee and the dispatcher's
// note — and empty lines for the handler to fill in on site (处理情况, 完成时间, 业主签字).
import { Department, Staff, Ticket, Unit, WorkOrder } from '../../models/index.js';
import { frontDeskZh } from '../../vocabulary/front-desk.js';
import { field, html, OFFICE_NAME, page, shanghaiMinute, signatures, yuan } from './html.js';

const ticketWords = frontDeskZh.Ticket.properties as Record<string, string>;
const orderWords = frontDeskZh.WorkOrder.properties as Record<string, string>;

export async function workOrderPage(order: WorkOrder): Promise<string> {
  const [ticket, department, assignee, dispatcher] = await Promise.all([
    Ticket.findByPk(order.ticketId),
    Department.findByPk(order.departmentId, { attributes: ['id', 'name'] }),
    order.assigneeId ? Staff.findByPk(order.assigneeId, { attributes: ['id', 'name'] }) : null,
    Staff.findByPk(order.dispatchedById, { attributes: ['id', 'name'] }),
  ]);
  const unit = ticket?.unitId ? await Unit.findByPk(ticket.unitId, { attributes: ['id', 'label'] }) : null;
  const overdue = !order.completedAt && new Date(order.dueAt).getTime() < Date.now();
  const body = html`<header class="document-head">
      <div class="office">${OFFICE_NAME}</div>
      <h1>派工单</h1>
      <div class="number">No. <strong class="work-order-number">${order.number}</strong></div>
    </header>
    <section class="fields">
      ${field('报事单号', ticket?.number ?? '')}
      ${field('报事类别', ticket ? (ticketWords[`category.${ticket.category}`] ?? '') : '')}
      ${field('报事人', ticket?.reporterName ?? '')} ${field('联系电话', ticket?.reporterPhone || '—')}
      ${field('房屋', unit?.label ?? '—', true)} ${field('报事内容', ticket?.title ?? '', true)}
      ${ticket?.description ? field('详细描述', ticket.description, true) : ''}
    </section>
    <section class="fields dispatch">
      ${field('处理部门', html`<strong class="department">${department?.name ?? ''}</strong>`)}
      ${field('处理人', assignee?.name ?? '（由部门安排）')} ${field('派工人', dispatcher?.name ?? '')}
      ${field('派工时间', shanghaiMinute(order.dispatchedAt))}
      ${field('要求完成时间', html`${shanghaiMinute(order.dueAt)}${overdue ? html` <strong class="overdue">已逾期</strong>` : ''}`)}
      ${field('状态', orderWords[`status.${order.status}`] ?? '')}
      ${field('有偿服务', order.isPaidService ? `是，服务费 ${yuan(Number(order.feeAmount))}` : '否')}
      ${field('派工说明', order.note || '—', true)}
    </section>
    <section class="handler-record">
      <h2>处理记录（由处理人填写）</h2>
      <div class="write-in">
        <span class="label">处理情况</span><span class="lines-to-write">${order.result ?? ''}</span>
      </div>
      <div class="write-in short"><span class="label">使用材料</span><span class="lines-to-write"></span></div>
      <div class="write-in short">
        <span class="label">完成时间</span><span class="lines-to-write">${shanghaiMinute(order.completedAt)}</span>
      </div>
    </section>
    <footer class="document-foot">${signatures('处理人（签字）', '业主签字', '部门主管（签字）')}</footer>`;
  return page({ title: `派工单 ${order.number}`, paper: 'a4-portrait', body });
}
