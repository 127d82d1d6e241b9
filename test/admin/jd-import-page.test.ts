// 组织与权限 → 导入岗位职务说明书 is in the menu exactly for whoever the rules allow `Position.import` (系统管理员 by
// default): the sidebar lists a resource whose list page it may open, read here from the page's own state as the
// browser gets it.
import { expect } from 'chai';
import { signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

type MenuResource = { id: string; href: string | null; navigation?: { name: string | null } | null };

/** The resources the admin's page hands the browser for this session: the sidebar draws those with an href. */
async function menu(client: Client): Promise<MenuResource[]> {
  const response = await client.get('/admin');
  const html = await response.text();
  const match = /window\.REDUX_STATE = (\{.*?\});?\s*\n/s.exec(html);
  if (!match) throw new Error('the admin page carries no REDUX_STATE');
  return (JSON.parse(match[1]) as { resources: MenuResource[] }).resources;
}

const entry = (resources: MenuResource[]) => resources.find((r) => r.id === 'JobDescriptionImport');

describe('the menu entry 导入岗位职务说明书', () => {
  it('系统管理员 sees it under 组织与权限 and may open the page', async () => {
    const it = await signedInClient((await staff('system_admin')).email, TEST_PASSWORD);
    const found = entry(await menu(it));
    expect(found?.href).to.equal('/admin/resources/JobDescriptionImport');
    expect(found?.navigation?.name).to.equal('组织与权限');
    const page = await it.openResourceAction('JobDescriptionImport', 'list');
    expect(page.status).to.equal(200);
    expect(page.body.notice?.type ?? 'none').to.not.equal('error');
  });

  it('客户服务收费员 does not see it, and the page is refused', async () => {
    const cashier = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    expect(entry(await menu(cashier))?.href ?? null).to.equal(null);
    const page = await cashier.openResourceAction('JobDescriptionImport', 'list');
    expect(page.status === 403 || page.body.notice?.type === 'error').to.equal(true);
  });
});
