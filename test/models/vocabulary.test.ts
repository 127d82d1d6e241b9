// A field has one name: the label the admin shows (src/vocabulary) is the name its validation messages use. Read from
// the models' own validators, for every model src/models/index.ts exports, so a message that says 报事标题 where the
// screen says 报事内容 fails here.
import { expect } from 'chai';
import { Model, type ModelStatic } from 'sequelize';
import * as registry from '../../src/models/index.js';
import { fieldName, fieldNames } from '../../src/vocabulary/fields.js';
import { dunningZh } from '../../src/vocabulary/dunning.js';
import { feesZh } from '../../src/vocabulary/fees.js';
import { frontDeskZh } from '../../src/vocabulary/front-desk.js';
import { governanceZh } from '../../src/vocabulary/governance.js';
import { officeZh } from '../../src/vocabulary/office.js';
import { organisationZh } from '../../src/vocabulary/organisation.js';
import { propertyZh } from '../../src/vocabulary/property.js';
import { renovationZh } from '../../src/vocabulary/renovation.js';

const TRANSLATIONS: Record<string, { properties?: Record<string, string> }> = {
  ...organisationZh,
  ...propertyZh,
  ...frontDeskZh,
  ...feesZh,
  ...renovationZh,
  ...dunningZh,
  ...officeZh,
  ...governanceZh,
};

/** The admin's label of a field without its column heading's note: 建筑面积（平方米） → 建筑面积. */
function vocabularyName(model: string, field: string): string | undefined {
  return TRANSLATIONS[model]?.properties?.[field]?.replace(/（[^（）]*）$/, '');
}

// A copy of the parent's value (parent-facts.ts) is null only when the parent was not found, so its message names
// the parent key.
const MISSING_PARENT: Record<string, string> = { 'WorkPlanItem.planStaffId': 'planId' };

const models = Object.values(registry as Record<string, unknown>).filter(
  (value): value is ModelStatic<Model> => typeof value === 'function' && value.prototype instanceof Model,
);

/** Every attribute validator that carries a message: model, field, validator and message. */
function messages() {
  return models.flatMap((model) =>
    Object.entries(model.getAttributes()).flatMap(([field, attribute]) =>
      Object.entries((attribute.validate ?? {}) as Record<string, unknown>).flatMap(([validator, options]) => {
        const msg = (options as { msg?: unknown } | null)?.msg;
        return typeof msg === 'string' ? [{ model: model.name, field, validator, msg }] : [];
      }),
    ),
  );
}

describe('one vocabulary: the models name each field as the admin does', () => {
  it('checks every model src/models/index.ts exports', () => {
    expect(models.map((model) => model.name)).to.include.members([
      'Ticket',
      'Bill',
      'RenovationDeposit',
      'WorkPlanItem',
    ]);
    expect(models.length).to.be.at.least(30);
  });

  it("a required field's message is its vocabulary name followed by 不能为空", () => {
    const required = messages().filter(({ validator }) => validator === 'notNull' || validator === 'notEmpty');
    const wrong = required.flatMap(({ model, field, validator, msg }) => {
      const parent = MISSING_PARENT[`${model}.${field}`];
      const name = vocabularyName(model, parent ?? field);
      const expected = parent ? `找不到${name}` : `${name}不能为空`;
      return name && msg === expected ? [] : [`${model}.${field} ${validator}: «${msg}», expected «${expected}»`];
    });
    expect(wrong, wrong.join('\n')).to.deep.equal([]);
    // Not passing for want of fields: 162 required fields when this was written.
    expect(new Set(required.map(({ model, field }) => `${model}.${field}`)).size).to.be.at.least(150);
  });

  it("every other message about a field starts with the field's vocabulary name", () => {
    const all = messages().filter(({ model, field }) => !MISSING_PARENT[`${model}.${field}`]);
    const wrong = all.flatMap(({ model, field, validator, msg }) => {
      const name = vocabularyName(model, field);
      return name && msg.startsWith(name) ? [] : [`${model}.${field} ${validator}: «${msg}», expected «${name}…»`];
    });
    expect(wrong, wrong.join('\n')).to.deep.equal([]);
    expect(all.length).to.be.at.least(300);
  });

  it('fieldName gives the label without its note, and refuses a field the vocabulary does not name', () => {
    expect(fieldName('Unit', 'area')).to.equal('建筑面积');
    expect(fieldName('WorkOrder', 'feeAmount')).to.equal('服务费');
    expect(fieldNames('Bill')('period')).to.equal('账期');
    expect(() => fieldName('Bill', 'perod' as never)).to.throw('src/vocabulary has no label for Bill.perod');
    expect(() => fieldName('Bill', 'toString' as never)).to.throw('no label for Bill.toString');
    expect(() => fieldName('Nothing' as never, 'id' as never)).to.throw('no label for Nothing.id');
  });
});
