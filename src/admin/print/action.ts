// The 打印 button of a record (收据, 现金日报表, 派工单): a record action named `print`, decided as <Resource>.show
// (access.ts SAME_AS), whose page opens the print page in a new tab.
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../components/index.js';

export function printAction(): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: 'Printer',
    component: Components.PrintButton,
    // Reading only: the page needs the record's title and id.
    handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
  };
}
