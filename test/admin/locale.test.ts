import { expect } from 'chai';
import { DataTypes } from 'sequelize';
import { sequelize } from '../../src/db.js';
import { locale } from '../../src/admin/locale/index.js';

describe('the Chinese admin', () => {
  it('every yes/no field reads 是/否, not AdminJS’s English Yes/No', () => {
    const resources = (
      locale.translations['zh-CN'] as { resources: Record<string, { labels?: Record<string, string> }> }
    ).resources;
    const missing: string[] = [];
    for (const model of Object.values(sequelize.models)) {
      for (const [field, attribute] of Object.entries(model.getAttributes())) {
        if (!(attribute.type instanceof DataTypes.BOOLEAN)) continue;
        const labels = resources[model.name]?.labels ?? {};
        if (labels[`${field}.true`] !== '是' || labels[`${field}.false`] !== '否')
          missing.push(`${model.name}.${field}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });
});
