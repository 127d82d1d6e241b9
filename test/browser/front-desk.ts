// The front desk's walk of issue 13 in headless Chromium on a fresh demo office, as reception@: search "1204" on
// 我的工作台, open the room, see its bills and tickets, register a ticket from there (the form comes with the room and
// its owner filled in), and dispatch it to a person of 工程部 picked from a handler list that holds only 工程部 staff.
// Screenshots of the search results, the room's page, the owner's page and the dispatch form.
import { Op } from 'sequelize';
import { startDemoOffice } from './office.js';
import { assert, walk } from './walk.js';

const { server, browser, screenshots, password } = await startDemoOffice('front-desk');
const { Department, Owner, Staff, Ticket, Unit, Bill } = await import('../../src/models/index.js');

const { signIn, snap, choose } = walk({ server, browser, screenshots, password }, 'front-desk');

let failed = false;
try {
  const reception = await signIn('reception@demo.local');
  /** A record's page is taller than the window: its whole file in the screenshot. */
  const tall = () => reception.setViewportSize({ width: 1400, height: 3000 });
  const usual = () => reception.setViewportSize({ width: 1400, height: 1100 });

  // 1. Search "1204" on 我的工作台
  await reception.fill('[data-testid="desk-search"] input[name="q"]', '1204');
  await reception.click('[data-testid="desk-search"] button[type="submit"]');
  await reception.waitForSelector('[data-testid="desk-search-results"] a', { timeout: 30_000 });
  const rooms = await Unit.findAll({ where: { number: '1204' } });
  assert(rooms.length >= 2, `the demo has several rooms numbered 1204 (${rooms.length})`);
  const shown = await reception.locator('[data-testid^="desk-result-unit-"]').allTextContents();
  for (const room of rooms) assert(shown.includes(room.label), `the results name ${room.label}: ${shown.join(' | ')}`);
  const owners = await reception.locator('[data-testid^="desk-result-owner-"]').count();
  assert(owners >= 1, 'the results hold the owners of those rooms');
  const resultsText = (await reception.locator('[data-testid="desk-search-results"]').textContent()) ?? '';
  assert(/尾号 \d{4}/.test(resultsText), `an owner's result gives the phone tail: ${resultsText.slice(0, 200)}`);
  console.log(`  "1204": ${shown.length} rooms, ${owners} owners`);
  await snap(reception, 'search-1204');

  // 2. Open the room with bills and tickets (the one with most tickets among those found)
  const ticketCounts = await Promise.all(rooms.map((r) => Ticket.count({ where: { unitId: r.id } })));
  const billCounts = await Promise.all(rooms.map((r) => Bill.count({ where: { unitId: r.id } })));
  const best = rooms
    .map((room, i) => ({ room, score: ticketCounts[i] * 100 + billCounts[i], owned: room.ownerId !== null }))
    .filter((r) => r.owned)
    .sort((a, b) => b.score - a.score)[0];
  assert(best, 'a room 1204 has an owner');
  const room = best.room;
  const owner = (await Owner.findByPk(room.ownerId!))!;
  await Promise.all([
    reception.waitForURL(new RegExp(`/resources/Unit/records/${room.id}/show`), { timeout: 30_000 }),
    reception.click(`[data-testid="desk-result-unit-${room.id}"]`),
  ]);
  await reception.waitForSelector('[data-testid="owner-file"]', { timeout: 30_000 });
  const billsShown = await reception.locator(`[data-testid="file-bills-${room.id}"]`).textContent();
  const ticketsShown = await reception.locator(`[data-testid="file-tickets-${room.id}"]`).textContent();
  assert(billsShown?.includes('账单'), 'the room page shows its bills');
  assert(ticketsShown?.includes('报事'), 'the room page shows its tickets');
  const roomText = (await reception.locator('[data-testid="owner-file"]').textContent()) ?? '';
  assert(roomText.includes('元') && !/\bunpaid|partial|reported|dispatched\b/.test(roomText), 'money in 元, no codes');
  assert(
    !(await reception.locator(`[data-testid="file-receipts-${room.id}"]`).count()),
    'the receptionist, who may not read receipts, gets no receipts section',
  );
  console.log(
    `  ${room.label}: ${billCounts[rooms.indexOf(room)]} bills, ${ticketCounts[rooms.indexOf(room)]} tickets`,
  );
  await tall();
  await snap(reception, 'room-page');

  // The owner's page, one click away
  await reception.goto(`${server.url}/admin/resources/Owner/records/${owner.id}/show`);
  await reception.waitForSelector(`[data-testid="file-room-${room.id}"]`, { timeout: 30_000 });
  await snap(reception, 'owner-page');
  await usual();

  // 3. Register a ticket from the room: the form comes with the room and its owner filled in
  await reception.goto(`${server.url}/admin/resources/Unit/records/${room.id}/show`);
  await reception.waitForSelector(`[data-testid="file-room-actions-${room.id}"]`, { timeout: 30_000 });
  await Promise.all([
    reception.waitForURL(/\/resources\/Ticket\/actions\/new/, { timeout: 30_000 }),
    reception.click(`[data-testid="file-room-actions-${room.id}"] a:has-text("报事登记")`),
  ]);
  await reception.waitForSelector(`[data-testid="property-edit-unitId"]:has-text("${room.label}")`, {
    timeout: 30_000,
  });
  await reception.waitForSelector(`[data-testid="property-edit-ownerId"]:has-text("${owner.name}")`, {
    timeout: 30_000,
  });
  await choose(reception, 'property-edit-channel', '电话');
  await choose(reception, 'property-edit-category', '维修');
  await reception.fill('[data-testid="property-edit-title"] input', '卫生间地漏返水（前台浏览器测试）');
  await reception.fill('[data-testid="property-edit-reporterName"] input', owner.name);
  await reception.fill('[data-testid="property-edit-reporterPhone"] input', owner.phone ?? '13800138000');
  await choose(reception, 'property-edit-departmentId', '工程部');
  await snap(reception, 'ticket-form-filled-from-room');
  await reception.click('button[type=submit]');
  await reception.waitForURL(/\/resources\/Ticket\/records\/\d+\/show/, { timeout: 30_000 });
  const ticketId = Number(/records\/(\d+)\/show/.exec(reception.url())![1]);
  const registered = (await Ticket.findByPk(ticketId))!;
  assert(registered.unitId === room.id && registered.ownerId === owner.id, 'the ticket names the room and its owner');
  assert(registered.status === 'reported', 'the ticket is 已登记');
  console.log(`  registered ${registered.number} for ${room.label} (${owner.name})`);

  // 4. Dispatch to a person of 工程部 picked from a list that holds only 工程部's staff
  const engineering = (await Department.findOne({ where: { name: '工程部' } }))!;
  const engineers = await Staff.findAll({
    where: { departmentId: engineering.id, enabled: true },
    order: [['name', 'ASC']],
  });
  const others = await Staff.findAll({ where: { departmentId: { [Op.ne]: engineering.id } } });
  assert(engineers.length > 0, 'the demo has staff in 工程部');
  await reception.goto(`${server.url}/admin/resources/Ticket/records/${ticketId}/dispatch`);
  await reception.waitForSelector('button:has-text("派工")', { timeout: 30_000 });
  await reception.waitForSelector('[data-testid="action-field-departmentId"]:has-text("工程部")', { timeout: 30_000 });
  const handler = reception.locator('[data-testid="action-field-assigneeId"] input').first();
  await reception.waitForFunction(
    () => !document.querySelector('[data-testid="action-field-assigneeId"] input')?.hasAttribute('disabled'),
    undefined,
    { timeout: 30_000 },
  );
  await handler.click();
  await reception.waitForSelector('[class*="option"]', { timeout: 15_000 });
  const offered = (await reception.locator('[class*="-option"]').allTextContents()).map((t) => t.trim());
  await snap(reception, 'dispatch-handlers');
  const names = new Set(engineers.map((s) => s.name));
  const strangers = offered.filter((label) => ![...names].some((name) => label.startsWith(name)));
  assert(
    offered.length === engineers.length,
    `the list holds the ${engineers.length} of 工程部: ${offered.join('、')}`,
  );
  assert(strangers.length === 0, `only 工程部 staff are offered; also: ${strangers.join('、')}`);
  assert(
    !others.some((s) => offered.some((label) => label.startsWith(s.name) && !names.has(s.name))),
    'no one of another department',
  );
  await reception.keyboard.press('Escape');
  const picked = engineers[0];
  await choose(reception, 'action-field-assigneeId', picked.name);
  await reception.click('button:has-text("派工")');
  await reception.waitForURL(new RegExp(`/records/${ticketId}/show`), { timeout: 30_000 });
  const dispatched = (await Ticket.findByPk(ticketId))!;
  assert(dispatched.status === 'dispatched', `dispatched (${dispatched.status})`);
  assert(dispatched.assigneeId === picked.id, `handled by ${picked.name}`);
  console.log(`  dispatched to ${picked.name} of 工程部, chosen among ${offered.length}: ${offered.join('、')}`);
  await snap(reception, 'dispatched');

  // Back on the room's page, the new ticket is in its file, 已派工
  await reception.goto(`${server.url}/admin/resources/Unit/records/${room.id}/show`);
  const listed = reception.locator(`[data-testid="file-tickets-${room.id}"] tr:has-text("${dispatched.number}")`);
  await listed.waitFor({ timeout: 30_000 });
  assert(((await listed.textContent()) ?? '').includes('已派工'), 'the room lists the ticket as 已派工');
  await tall();
  await snap(reception, 'room-with-ticket');
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  await server.stop();
}
console.log(failed ? 'front-desk walk FAILED' : 'front-desk walk passed');
process.exit(failed ? 1 : 0);
