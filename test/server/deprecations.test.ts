// The server log stays readable: typing into a reference picker (AdminJS's search action, once per keystroke) must
// not print a deprecation warning each time — the product's own code, AdminJS, the Sequelize adapter or express.
import { expect } from 'chai';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { signedInClient } from '../support/http.js';
import { smallEstate } from '../support/estate.js';

describe('no deprecation warnings while searching in pickers', () => {
  it('searching owners, rooms, staff and tickets as one types prints no deprecation warning', async () => {
    await smallEstate(2);
    const coordinator = await staff('coordinator');
    const client = await signedInClient(coordinator.email, TEST_PASSWORD);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    const originalWarn = console.warn;
    const originalError = console.error;
    const originalLog = console.log;
    process.on('warning', onWarning);
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    // AdminJS prints its deprecation notices with console.log.
    for (const name of ['log', 'error'] as const) {
      const original = name === 'log' ? originalLog : originalError;
      console[name] = (...args: unknown[]) => {
        const text = args.map(String).join(' ');
        if (/deprecat/i.test(text)) warnings.push(text);
        else original(...args);
      };
    }
    try {
      for (const resource of ['Owner', 'Unit', 'Staff', 'Ticket', 'Department']) {
        for (const typed of ['1', '12', '120', '1204', '王', 'xyz']) {
          const found = await client.search(resource, typed);
          expect(found, `${resource} ${typed}`).to.have.property('records');
          // AdminJS's older picker route, which scripts and older clients still call.
          const legacy = await client.json(
            'GET',
            `/admin/api/resources/${resource}/search/${encodeURIComponent(typed)}`,
          );
          expect(legacy.status, `${resource} ${typed}`).to.equal(200);
          expect(legacy.body.records.map((r: { id: string }) => r.id)).to.deep.equal(
            found.records.map((r: { id: string }) => r.id),
          );
        }
      }
      // process 'warning' events are emitted on the next tick.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
      console.warn = originalWarn;
      console.error = originalError;
      console.log = originalLog;
    }
    expect(warnings.filter((w) => /deprecat/i.test(w))).to.deep.equal([]);
  });
});
