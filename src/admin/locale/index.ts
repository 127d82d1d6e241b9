// zh-CN is the default language, English the other; each resource group brings its own labels.
import type { LocaleTranslations } from 'adminjs';
import { DataTypes } from 'sequelize';
import { sequelize } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { RESOURCE_NAMES_EN, RESOURCE_NAMES_ZH } from '../../vocabulary/resources.js';
import { RESOURCE_LABELS, RESOURCES, WORKFLOW_ACTIONS } from '../../rules/catalogue.js';
import { organisationEn, organisationZh } from '../../vocabulary/organisation.js';
import { propertyEn, propertyZh } from '../../vocabulary/property.js';
import { frontDeskEn, frontDeskZh } from '../../vocabulary/front-desk.js';
import { feesEn, feesZh } from '../../vocabulary/fees.js';
import { renovationEn, renovationZh } from '../../vocabulary/renovation.js';
import { dunningEn, dunningZh } from '../../vocabulary/dunning.js';
import { officeEn, officeZh } from '../../vocabulary/office.js';
import { governanceEn, governanceZh } from '../../vocabulary/governance.js';

type ResourceTranslations = Record<
  string,
  { properties?: Record<string, string>; actions?: Record<string, string>; labels?: Record<string, string> }
>;

/**
 * Groups write enum values as properties ('status.reported': '已登记'); AdminJS looks them up among the
 * resource's labels, so they are copied there.
 */
function withValueLabels(groups: ResourceTranslations[]): ResourceTranslations {
  const merged: ResourceTranslations = Object.assign({}, ...groups);
  for (const resource of Object.values(merged)) {
    const values = Object.entries(resource.properties ?? {}).filter(([key]) => key.includes('.'));
    resource.labels = { ...Object.fromEntries(values), ...(resource.labels ?? {}) };
  }
  return merged;
}

/** Yes/no fields read 是/否: AdminJS shows its English "Yes"/"No" unless the resource labels `<field>.true`/`.false`. */
function withChineseBooleans(resources: ResourceTranslations): ResourceTranslations {
  for (const model of Object.values(sequelize.models)) {
    for (const [field, attribute] of Object.entries(model.getAttributes())) {
      if (!(attribute.type instanceof DataTypes.BOOLEAN)) continue;
      const entry = (resources[model.name] ??= {});
      entry.labels = { [`${field}.true`]: '是', [`${field}.false`]: '否', ...(entry.labels ?? {}) };
    }
  }
  return resources;
}

/** Workflow actions are named in Chinese by the action catalogue, unless a group names them itself. */
function withWorkflowActionNames(resources: ResourceTranslations): ResourceTranslations {
  for (const [action, label] of Object.entries(WORKFLOW_ACTIONS)) {
    const [resource, name] = action.split('.');
    const entry = (resources[resource] ??= {});
    entry.actions = { [name]: label, ...(entry.actions ?? {}) };
  }
  // A list page is headed by what it lists (报事单), not by AdminJS's generic 列表.
  for (const resource of RESOURCES) {
    const entry = (resources[resource] ??= {});
    entry.actions = { list: RESOURCE_LABELS[resource], ...(entry.actions ?? {}) };
  }
  return resources;
}

/**
 * The breadcrumb names an action without its resource, so workflow actions need a global name too: the
 * catalogue's own when every resource calls it the same, else a plain word that fits them all.
 */
const SHARED_ACTION_NAMES: Record<string, string> = { review: '审核', start: '开始', close: '结束', sendBack: '退回' };
function globalWorkflowActionNames(): Record<string, string> {
  const byName = new Map<string, Set<string>>();
  for (const [action, label] of Object.entries(WORKFLOW_ACTIONS)) {
    const name = action.split('.')[1];
    byName.set(name, (byName.get(name) ?? new Set()).add(label));
  }
  return Object.fromEntries(
    [...byName].map(([name, labels]) => [
      name,
      labels.size === 1 ? [...labels][0] : (SHARED_ACTION_NAMES[name] ?? [...labels][0]),
    ]),
  );
}

const groupsZh: ResourceTranslations[] = [
  organisationZh,
  propertyZh,
  frontDeskZh,
  feesZh,
  renovationZh,
  dunningZh,
  officeZh,
  governanceZh,
];
const groupsEn: ResourceTranslations[] = [
  organisationEn,
  propertyEn,
  frontDeskEn,
  feesEn,
  renovationEn,
  dunningEn,
  officeEn,
  governanceEn,
];

const navigationEn: Record<string, string> = {
  [navigation.frontDesk.name]: 'Front desk',
  [navigation.archives.name]: 'Owner archives',
  [navigation.fees.name]: 'Fees',
  [navigation.renovation.name]: 'Renovation',
  [navigation.dunning.name]: 'Arrears & dunning',
  [navigation.surveysAndPlans.name]: 'Surveys & plans',
  [navigation.documents.name]: 'Documents',
  [navigation.organisation.name]: 'Organisation & authority',
};

const zh: LocaleTranslations = {
  labels: { ...RESOURCE_NAMES_ZH, navigation: '导航', dashboard: '我的工作台', loginWelcome: '客户中心' },
  resources: withChineseBooleans(withWorkflowActionNames(withValueLabels(groupsZh))),
  actions: {
    ...globalWorkflowActionNames(),
    show: '详情',
    new: '新建',
    edit: '编辑',
    delete: '删除',
    bulkDelete: '批量删除',
    list: '列表',
  },
  buttons: {
    save: '保存',
    filter: '筛选',
    applyChanges: '应用',
    resetFilter: '重置',
    logout: '退出登录',
    login: '登录',
    cancel: '取消',
    confirm: '确认',
    addNewItem: '新增一项',
    createFirstRecord: '新建第一条记录',
  },
  messages: {
    invalidCredentials: '邮箱或密码错误',
    accountLocked: '该账号已被系统管理员锁定，请联系系统管理员',
    accountDisabled: '该账号已停用，请联系系统管理员',
    tooManyRequests: '密码错误次数过多，请稍后再试（在本人曾登录过的电脑上不受影响）',
    forbiddenError: '没有权限执行此操作',
    anyForbiddenError: '没有权限执行此操作',
    thereWereValidationErrors: '输入有误，请按提示修改',
    successfullyCreated: '已新建',
    successfullyUpdated: '已保存',
    successfullyDeleted: '已删除',
    noRecords: '暂无记录',
    // AdminJS's own words name the resource and the action by their codes.
    error404Resource: '没有这项资料',
    error404Action: '没有这个操作，或你没有权限使用它',
    error404Record: '这条记录不存在，或你没有权限查看它',
  },
  components: {
    LanguageSelector: { availableLanguages: { 'zh-CN': '简体中文', en: 'English' } },
    Login: {
      welcomeHeader: '客户中心',
      welcomeMessage:
        '翠湖花园物业管理处 · 客户中心后台：报事派工、回访归档、收费催缴、装修押金、满意度调查，一处办理。',
      properties: { email: '登录邮箱', password: '密码' },
      loginButton: '登录',
    },
  },
};

const en: LocaleTranslations = {
  labels: {
    ...RESOURCE_NAMES_EN,
    ...navigationEn,
    navigation: 'Navigation',
    dashboard: 'My desk',
    loginWelcome: 'Customer centre',
  },
  resources: withValueLabels(groupsEn),
  messages: {
    invalidCredentials: 'Wrong email or password',
    accountLocked: 'This account has been locked by the system administrator; ask them to unlock it',
    accountDisabled: 'This account is disabled; ask the system administrator',
    tooManyRequests: 'Too many wrong passwords: try again later (a browser you signed in with before is not affected)',
  },
  components: {
    LanguageSelector: { availableLanguages: { 'zh-CN': '简体中文', en: 'English' } },
    Login: {
      welcomeHeader: 'Customer centre',
      welcomeMessage:
        'Back office of the customer centre: tickets and dispatches, return visits, fees and dunning, renovation deposits, surveys.',
      properties: { email: 'Email', password: 'Password' },
      loginButton: 'Sign in',
    },
  },
};

export const locale = {
  language: 'zh-CN',
  availableLanguages: ['zh-CN', 'en'],
  localeDetection: false,
  translations: { 'zh-CN': zh, en },
};

/** The Chinese label of a field, for messages made on the server (AdminJS translates labels in the browser). */
export function fieldLabel(resourceId: string, field: string): string {
  const resources = zh.resources as Record<string, { properties?: Record<string, string> }>;
  return resources[resourceId]?.properties?.[field] ?? field;
}
