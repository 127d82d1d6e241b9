// GET <admin>/print/<Resource>/<id> — the printable 收据, 现金日报表 and 派工单. Printing a record is reading it: each
// page is decided exactly like showing that record (<Resource>.show on its facts) and logged like the admin logs it;
// 401 without a session, 403 with the rule's reason, 404 for an unknown record.
import { Router, type Response } from 'express';
import type { Model, ModelStatic } from 'sequelize';
import { CashReport, Payment, WorkOrder } from '../../models/index.js';
import { decide } from '../../rules/decide.js';
import { logDecision } from '../../rules/decision-log.js';
import { messagePage } from './html.js';
import { receiptPage } from './receipt.js';
import { cashReportPage } from './cash-report.js';
import { workOrderPage } from './work-order.js';

interface Printable {
  model: ModelStatic<Model>;
  /** What the record is called in a refusal: 收据, 现金日报表, 派工单. */
  noun: string;
  render(row: Model): Promise<string>;
}

export const PRINTABLE: Record<string, Printable> = {
  Payment: {
    model: Payment as unknown as ModelStatic<Model>,
    noun: '收据',
    render: (row) => receiptPage(row as Payment),
  },
  CashReport: {
    model: CashReport as unknown as ModelStatic<Model>,
    noun: '现金日报表',
    render: (row) => cashReportPage(row as CashReport),
  },
  WorkOrder: {
    model: WorkOrder as unknown as ModelStatic<Model>,
    noun: '派工单',
    render: (row) => workOrderPage(row as WorkOrder),
  },
};

/** The print page of a record, for links and buttons. */
export const printPath = (resource: string, id: number | string) => `/admin/print/${resource}/${id}`;

function answer(res: Response, status: number, body: string) {
  res
    .status(status)
    .type('text/html; charset=utf-8')
    // A receipt names people and amounts: not kept by the browser's or a proxy's cache.
    .set('Cache-Control', 'private, no-store')
    .send(body);
}

export function printRouter(): Router {
  const router = Router();
  router.get('/:resource/:id', async (req, res, next) => {
    try {
      if (!req.actor) return answer(res, 401, messagePage('请先登录', '打印页面需要登录后才能打开。'));
      const printable = Object.hasOwn(PRINTABLE, req.params.resource) ? PRINTABLE[req.params.resource] : null;
      if (!printable) return answer(res, 404, messagePage('找不到打印页', '没有这种打印单据。'));
      const id = /^\d{1,15}$/.test(req.params.id) ? Number(req.params.id) : null;
      const row = id === null ? null : await printable.model.findByPk(id);
      if (!row)
        return answer(
          res,
          404,
          messagePage(`${printable.noun}不存在`, `没有编号为 ${req.params.id.slice(0, 20)} 的${printable.noun}。`),
        );
      const action = `${req.params.resource}.show`;
      const decision = decide(req.actor, action, row.toJSON() as Record<string, unknown>);
      await logDecision(req.actor, action, id, decision);
      if (!decision.allowed)
        return answer(res, 403, messagePage('没有权限', `您没有权限打印该${printable.noun}：${decision.reason}`));
      answer(res, 200, await printable.render(row));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
