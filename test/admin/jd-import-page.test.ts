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

describe('the import page refuses a file before sending it', () => {
  const file = (name: string, bytes: number) => new File([new Uint8Array(bytes)], name);

  it('names the file: an old Word file, one over 5 MB, an empty one', async () => {
    const { fileProblem } = await import('../../src/admin/components/jd-import-api.js');
    expect(fileProblem(file('说明书.doc', 10))).to.match(/^文件「说明书\.doc」的类型不支持/);
    expect(fileProblem(file('大文件.docx', 5 * 1024 * 1024 + 1))).to.equal('文件「大文件.docx」超过 5 MB，无法导入');
    expect(fileProblem(file('空.txt', 0))).to.equal('文件「空.txt」是空的');
  });

  it('lets the four formats through, whatever the case of their extension', async () => {
    const { fileProblem } = await import('../../src/admin/components/jd-import-api.js');
    for (const name of ['a.docx', 'b.XLSX', 'c.txt', 'd.md']) expect(fileProblem(file(name, 100))).to.equal(null);
    expect(fileProblem(file('e.docx', 5 * 1024 * 1024))).to.equal(null);
  });
});
