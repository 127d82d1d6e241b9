import { expect } from 'chai';
import { DataTypes, Model, Sequelize, ValidationError } from 'sequelize';
import { DunningPlan, Owner, Survey, SurveyQuestion, Ticket, sequelize } from '../../src/models/index.js';
import { FIELD_LIMITS, MAX_TEXT_LENGTH, applyFieldLimits } from '../../src/models/field-limits.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { expectRefused } from '../support/refusals.js';

/** The messages of a refused bulkCreate (Sequelize gathers each row's ValidationError in an AggregateError). */
async function bulkRefusal(attempt: () => Promise<unknown>): Promise<string> {
  const e = await expectRefused(attempt, Error);
  return String(e.message) + JSON.stringify((e as { errors?: unknown }).errors ?? []);
}

describe('every column keeps its length, type and range, on SQLite as on PostgreSQL', () => {
  it('every column of every model has the limits, except booleans and virtual fields', () => {
    // SequelizeMeta and Session are the migrations' and the session store's own tables, defined by them after the
    // models (once a server has started) and written by them alone.
    for (const model of Object.values(sequelize.models).filter((m) => !['SequelizeMeta', 'Session'].includes(m.name))) {
      for (const [name, attribute] of Object.entries(model.getAttributes())) {
        const key = (attribute.type as { key: string }).key;
        if (key === DataTypes.BOOLEAN.key || key === DataTypes.VIRTUAL.key) continue;
        expect(attribute.validate?.[FIELD_LIMITS], `${model.name}.${name} (${key})`).to.be.a('function');
      }
    }
  });

  it('a 1,000-character name in a 40-character column is refused in Chinese on create, save, Model.update and bulkCreate, and nothing is written', async () => {
    const long = '王'.repeat(1000);
    const before = await Owner.count();
    await expectRefused(() => Owner.create({ name: long }), '不能超过 40 个字符');
    expect(
      await bulkRefusal(() => Owner.bulkCreate([{ name: '合规业主' }, { name: long }], { validate: true })),
    ).to.contain('不能超过 40 个字符');
    expect(await Owner.count()).to.equal(before);

    const owner = await Owner.create({ name: '王'.repeat(40) });
    owner.name = long;
    await expectRefused(() => owner.save(), '不能超过 40 个字符');
    await expectRefused(() => Owner.update({ name: long }, { where: { id: owner.id } }), '不能超过 40 个字符');
    await owner.reload();
    expect(owner.name).to.equal('王'.repeat(40));
  });

  it('counts characters as PostgreSQL does: a 40-character name of characters outside the BMP fits', async () => {
    const name = '𠀀'.repeat(40);
    expect(name.length).to.equal(80);
    const owner = await Owner.create({ name });
    await owner.reload();
    expect(owner.name).to.equal(name);
  });

  it('refuses NUL and other control characters, keeps tab, newline and carriage return', async () => {
    for (const bad of ['张\u0000三', '张\u0007三', '张\u001b三', '张\u007f三', '张\u0085三', '张\ud800三']) {
      await expectRefused(() => Owner.create({ name: bad }), '不能包含控制字符（如 NUL）或无效字符');
    }
    const owner = await Owner.create({ name: '张三', notes: '第一行\r\n第二行\t备注' });
    await owner.reload();
    expect(owner.notes).to.equal('第一行\r\n第二行\t备注');
  });

  it('refuses an object or a list given to a text column, in Chinese, instead of storing "[object Object]"', async () => {
    const before = await Owner.count();
    for (const value of [{ a: 1 }, ['王', '伟'], true]) {
      const refused = await expectRefused(
        () => Owner.create({ name: value as never }),
        '必须是文字，不能是对象、列表或其他类型',
      );
      expect(refused.errors.map((item) => item.message).join()).not.to.match(/cannot be an array or an object/);
    }
    const owner = await Owner.create({ name: '李四' });
    await expectRefused(
      () => Owner.update({ notes: { text: 'x' } as never }, { where: { id: owner.id } }),
      '必须是文字，不能是对象、列表或其他类型',
    );
    expect(await Owner.count()).to.equal(before + 1);
    await owner.reload();
    expect(owner.notes).to.equal(null);
  });

  it(`TEXT takes up to ${MAX_TEXT_LENGTH} characters`, async () => {
    const owner = await Owner.create({ name: '赵六', notes: '备'.repeat(MAX_TEXT_LENGTH) });
    await expectRefused(
      () => owner.update({ notes: '备'.repeat(MAX_TEXT_LENGTH + 1) }),
      `不能超过 ${MAX_TEXT_LENGTH} 个字符`,
    );
    await owner.reload();
    expect(owner.notes).to.have.length(MAX_TEXT_LENGTH);
  });

  it('keeps whole numbers within 32 bits (PostgreSQL would fail with "out of range")', async () => {
    const survey = await Survey.create({ title: '范围测试', ownerStaffId: (await staff('assistant')).id });
    const question = await SurveyQuestion.create({ surveyId: survey.id, number: 1, text: '服务态度' });
    await expectRefused(
      () => SurveyQuestion.update({ number: 2 ** 31 }, { where: { id: question.id } }),
      '必须在 -2147483648 到 2147483647 之间',
    );
    await expectRefused(
      () => SurveyQuestion.create({ surveyId: survey.id, number: 2 ** 40, text: '环境卫生' }),
      '必须在 -2147483648 到 2147483647 之间',
    );
    await expectRefused(
      () => SurveyQuestion.create({ surveyId: survey.id, number: 1.5, text: '环境卫生' }),
      '必须是整数',
    );
    await SurveyQuestion.update({ number: 2 ** 31 - 1 }, { where: { id: question.id } });
    await question.reload();
    expect(question.number).to.equal(2 ** 31 - 1);
    expect(await SurveyQuestion.count({ where: { surveyId: survey.id } })).to.equal(1);
  });

  it('keeps dates between the years 1900 and 2200, and refuses a date that is not one', async () => {
    await expectRefused(
      () => Owner.create({ name: '钱七', moveInDate: '1899-12-31' }),
      '日期必须在 1900 年到 2200 年之间',
    );
    await expectRefused(
      () => Owner.create({ name: '钱七', moveInDate: '+275760-01-01' }),
      '日期必须在 1900 年到 2200 年之间',
    );
    const owner = await Owner.create({ name: '钱七', moveInDate: '2026-11-27' });
    expect(owner.moveInDate).to.equal('2026-11-27');
    const plan = await DunningPlan.create({ title: '日期测试' });
    await expectRefused(
      () => plan.update({ startedAt: new Date('2201-01-01T00:00:00Z') }),
      '日期必须在 1900 年到 2200 年之间',
    );
    await expectRefused(() => Ticket.update({ dueAt: 'not a date' as never }, { where: { id: 0 } }), '日期格式不正确');
  });

  it("keeps the model's own validators and messages", async () => {
    await expectRefused(() => Owner.create({ name: '孙八', phone: '12345' }), '联系电话格式不正确');
    await expectRefused(() => Owner.create({ name: '' }), '业主姓名不能为空');
  });

  it('covers CHAR, BIGINT, DOUBLE and ENUM columns too', async () => {
    // A model of its own on a connection that is never opened: only validation runs.
    const scratch = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
    class Sample extends Model {}
    Sample.init(
      {
        code: DataTypes.CHAR(4),
        big: DataTypes.BIGINT,
        ratio: DataTypes.DOUBLE,
        kind: DataTypes.ENUM('a', 'b'),
      },
      { sequelize: scratch, tableName: 'Sample' },
    );
    applyFieldLimits([Sample]);
    const problems = async (values: Record<string, unknown>) => {
      try {
        await Sample.build(values).validate();
        return [];
      } catch (e) {
        expect(e).to.be.instanceOf(ValidationError);
        return (e as ValidationError).errors.map((item) => `${item.path}: ${item.message}`);
      }
    };
    expect(await problems({ code: 'ABCD', big: Number.MAX_SAFE_INTEGER, ratio: 0.5, kind: 'a' })).to.deep.equal([]);
    expect(await problems({ code: 'ABCDE' })).to.deep.equal(['code: 不能超过 4 个字符']);
    expect(await problems({ big: '9007199254740993' })).to.deep.equal([
      `big: 必须在 ${Number.MIN_SAFE_INTEGER} 到 ${Number.MAX_SAFE_INTEGER} 之间`,
    ]);
    expect(await problems({ ratio: Infinity })).to.deep.equal(['ratio: 必须是有效的数字']);
    expect(await problems({ kind: 'c' })).to.deep.equal(['kind: 不是有效的选项']);
  });
});

describe('field limits through the admin forms', () => {
  it('a 1,000-character owner name is refused on the name field, and no owner is written', async () => {
    const coordinator = await staff('coordinator');
    const client = await signedInClient(coordinator.email, TEST_PASSWORD);
    const before = await Owner.count();
    const { body } = await client.json('POST', '/admin/api/resources/Owner/actions/new', {
      name: '王'.repeat(1000),
      phone: '13800138000',
    });
    expect(body.record.errors.name.message, JSON.stringify(body.record.errors)).to.equal('不能超过 40 个字符');
    expect(await Owner.count()).to.equal(before);
  });

  it('a ticket title with a NUL byte is refused on the title field, and no ticket is written', async () => {
    const reception = await staff('receptionist');
    const client = await signedInClient(reception.email, TEST_PASSWORD);
    const before = await Ticket.count();
    const { body } = await client.json('POST', '/admin/api/resources/Ticket/actions/new', {
      channel: 'phone',
      category: 'inquiry',
      title: '咨询\u0000停水时间',
      reporterName: '王伟',
      reporterPhone: '13800138000',
    });
    expect(body.record.errors.title.message, JSON.stringify(body.record.errors)).to.equal(
      '不能包含控制字符（如 NUL）或无效字符',
    );
    expect(await Ticket.count()).to.equal(before);
  });
});
