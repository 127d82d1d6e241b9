import { expect } from 'chai';
import { locales } from 'adminjs';
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

describe('AdminJS’s own words in zh-CN', () => {
  const english = flatten(locales.en as unknown as Nested);
  const builtIn = flatten(locales['zh-CN'] as unknown as Nested);
  const ours = flatten(locale.translations['zh-CN'] as unknown as Nested);
  /** What the browser shows: ours over AdminJS's zh-CN, as AdminJS's i18n merges them. */
  const shown = (key: string) => ours[key] ?? builtIn[key];
  // Interpolations ({{count}}) and markup (<1>, <strong>) are not words.
  const englishWords = (text: string) => text.replace(/\{\{\w+\}\}|<\/?\w+>/g, '').match(/[A-Za-z]{2,}/g) ?? [];

  it('every key of AdminJS’s English file reads in Chinese, none left to fall back to English', () => {
    const keys = Object.keys(english).filter((key) => !key.startsWith('components.LanguageSelector.'));
    expect(keys.length).to.be.greaterThan(90);
    const missing = keys.filter((key) => typeof shown(key) !== 'string');
    const notChinese = keys.filter((key) => typeof shown(key) === 'string' && englishWords(shown(key)!).length > 0);
    expect(missing, 'keys without a Chinese text').to.deep.equal([]);
    expect(
      notChinese.map((key) => `${key}: ${shown(key)}`),
      'texts with English words',
    ).to.deep.equal([]);
  });

  it('the keys AdminJS asks for beyond its English file are there too: the confirm dialog, its 确认 and 知道了', () => {
    for (const key of ['labels.confirm', 'labels.modal-label', 'buttons.confirm', 'buttons.cancel', 'buttons.ok'])
      expect(ours[key], key).to.match(/\p{Script=Han}/u);
  });

  it('the language switch offers 简体中文 / English, not AdminJS’s 中国人', () => {
    expect(ours['components.LanguageSelector.availableLanguages.zh-CN']).to.equal('简体中文');
    expect(ours['components.LanguageSelector.availableLanguages.en']).to.equal('English');
  });

  it('the words AdminJS’s zh-CN gets wrong are ours: 退出登录, 批量删除, 筛选条件 and a refusal without codes', () => {
    expect(shown('buttons.logout')).to.equal('退出登录');
    expect(shown('actions.bulkDelete')).to.equal('批量删除');
    expect(shown('labels.filters')).to.equal('筛选条件');
    for (const key of ['messages.error404Action', 'messages.error404Record', 'messages.error404Resource'])
      expect(shown(key), key).to.not.match(/\{\{|id/);
  });
});

type Nested = { [key: string]: string | Nested };
function flatten(tree: Nested, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') flat[`${prefix}${key}`] = value;
    else if (value && typeof value === 'object') Object.assign(flat, flatten(value, `${prefix}${key}.`));
  }
  return flat;
}
