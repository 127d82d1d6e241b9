// zh-CN is the default language, English the other; each resource group brings its own labels.
import type { LocaleTranslations } from 'adminjs';
import { DataTypes } from 'sequelize';
import { sequelize } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { RESOURCE_NAMES_EN, RESOURCE_NAMES_ZH } from '../../vocabulary/resources.js';
import { RESOURCE_LABELS, RESOURCES, WORKFLOW_ACTIONS, REPORT_ACTIONS } from '../../rules/catalogue.js';
import { reportResourceId } from '../../lib/report-values.js';
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

/** Each report's page is a resource of its own (src/admin/reports/report-resources.ts), named by its title. */
const REPORT_TITLES_EN: Record<string, string> = {
  monthlyTickets: 'Monthly tickets',
  visitFeedback: 'Return-visit feedback',
  collection: 'Collection',
  arrearsAgeing: 'Arrears ageing',
  dunningResults: 'Dunning results',
  deposits: 'Deposits',
  satisfaction: 'Satisfaction surveys',
};
const reportNames = Object.keys(REPORT_ACTIONS).map((action) => action.split('.')[1]);
const reportLabels = (titleOf: (name: string) => string) =>
  Object.fromEntries(reportNames.map((name) => [reportResourceId(name), titleOf(name)]));
const reportTitleZh = (name: string) => REPORT_ACTIONS[`Report.${name}`];
const reportResourcesZh: ResourceTranslations = Object.fromEntries(
  reportNames.map((name) => [reportResourceId(name), { actions: { list: reportTitleZh(name) } }]),
);

const navigationEn: Record<string, string> = {
  [navigation.frontDesk.name]: 'Front desk',
  [navigation.archives.name]: 'Owner archives',
  [navigation.fees.name]: 'Fees',
  [navigation.renovation.name]: 'Renovation',
  [navigation.dunning.name]: 'Arrears & dunning',
  [navigation.surveysAndPlans.name]: 'Surveys & plans',
  [navigation.documents.name]: 'Documents',
  [navigation.reports.name]: 'Reports',
  [navigation.organisation.name]: 'Organisation & authority',
};

/**
 * AdminJS's own words in zh-CN: its bundled zh-CN leaves some keys out (they fall back to English: the delete
 * dialog's "Confirm", the drop zone, key-value fields) and words others as a machine would (登出, 删除所有).
 * test/admin/locale.test.ts checks every key of AdminJS's English file has Chinese here or in AdminJS's zh-CN.
 */
const adminjsZh = {
  labels: {
    navigation: '导航',
    pages: '页面',
    selectedRecords: '已选 {{selected}} 条',
    filters: '筛选条件',
    adminVersion: '后台版本：{{version}}',
    appVersion: '系统版本：{{version}}',
    // The confirmation dialog of an action with a guard is headed by this label.
    confirm: '请确认',
    'modal-label': '请确认',
  },
  buttons: {
    save: '保存',
    addNewItem: '新增一项',
    filter: '筛选',
    filterActive: '筛选（{{count}}）',
    applyChanges: '应用',
    resetFilter: '重置',
    confirmRemovalMany: '确认删除这 {{count}} 条记录',
    confirmRemovalMany_plural: '确认删除这 {{count}} 条记录',
    logout: '退出登录',
    login: '登录',
    seeTheDocumentation: '参见：<1>使用说明</1>',
    createFirstRecord: '新建第一条记录',
    cancel: '取消',
    confirm: '确认',
    ok: '知道了',
    contactUs: '联系我们',
  },
  properties: { length: '数量', from: '从', to: '到' },
  messages: {
    successfullyBulkDeleted: '已删除 {{count}} 条记录',
    successfullyBulkDeleted_plural: '已删除 {{count}} 条记录',
    successfullyDeleted: '已删除',
    successfullyUpdated: '已保存',
    thereWereValidationErrors: '输入有误，请按提示修改',
    forbiddenError: '没有权限执行此操作',
    anyForbiddenError: '没有权限执行此操作',
    successfullyCreated: '已新建',
    bulkDeleteError: '删除时出错，记录未删除，请稍后再试',
    errorFetchingRecords: '读取记录时出错，请刷新页面再试',
    errorFetchingRecord: '读取这条记录时出错，请刷新页面再试',
    noRecordsSelected: '尚未选择记录',
    theseRecordsWillBeRemoved: '以下记录将被删除',
    theseRecordsWillBeRemoved_plural: '以下记录将被删除',
    pickSomeFirstToRemove: '请先勾选要删除的记录',
    // AdminJS's own words name the resource and the action by their codes.
    error404Resource: '没有这项资料',
    error404Action: '没有这个操作，或你没有权限使用它',
    error404Record: '这条记录不存在，或你没有权限查看它',
    seeConsoleForMore: '请联系系统管理员查看详细信息',
    noActionComponent: '这个操作没有可显示的页面',
    noRecordsInResource: '这里还没有记录，或没有符合当前筛选条件的记录',
    noRecords: '暂无记录',
    confirmDelete: '确定要删除这条记录吗？',
    welcomeOnBoard_title: '欢迎使用',
    welcomeOnBoard_subtitle: '客户中心后台',
    addingResources_title: '资料',
    addingResources_subtitle: '左侧菜单列出您可以查看的资料',
    customizeResources_title: '资料',
    customizeResources_subtitle: '各项资料的字段和说明',
    customizeActions_title: '操作',
    customizeActions_subtitle: '您可以执行的操作',
    writeOwnComponents_title: '页面',
    writeOwnComponents_subtitle: '各项业务的页面',
    customDashboard_title: '我的工作台',
    customDashboard_subtitle: '待办事项一览',
    roleBasedAccess_title: '权限',
    roleBasedAccess_subtitle: '按岗位职权办理业务',
    community_title: '帮助',
    community_subtitle: '有疑问请联系系统管理员',
    foundBug_title: '发现问题？',
    foundBug_subtitle: '请告知系统管理员',
    needMoreSolutions_title: '需要新功能？',
    needMoreSolutions_subtitle: '请告知管理处主任',
    invalidCredentials: '邮箱或密码错误',
    keyPlaceholder: '名称',
    valuePlaceholder: '内容',
    initialKey: '名称{{number}}',
    keyInUse: '名称不能重复',
    keyValuePropertyDefaultDescription: '内容均按文字保存；名称不能重复，重复的名称不会保存。',
    pageNotFound_title: '找不到网页',
    pageNotFound_subtitle: '网页<strong>“{{pageName}}”</strong>不存在',
    componentNotFound_title: '页面缺少内容',
    componentNotFound_subtitle: '这一部分没有可显示的内容，请告知系统管理员',
    // The confirmation dialog's title and subtitle when an action gives none.
    'modal-title': '',
    'modal-subTitle': '',
  },
  components: {
    DropZone: {
      placeholder: '把文件拖到这里，或点击选择文件',
      acceptedSize: '最大 {{maxSize}}',
      acceptedType: '支持：{{mimeTypes}}',
      unsupportedSize: '文件 {{fileName}} 太大',
      unsupportedType: '文件 {{fileName}} 的类型 {{fileType}} 不支持',
    },
  },
};

const zh: LocaleTranslations = {
  labels: {
    ...adminjsZh.labels,
    ...RESOURCE_NAMES_ZH,
    ...reportLabels(reportTitleZh),
    navigation: '导航',
    dashboard: '我的工作台',
    loginWelcome: '客户中心',
  },
  resources: { ...withChineseBooleans(withWorkflowActionNames(withValueLabels(groupsZh))), ...reportResourcesZh },
  actions: {
    ...globalWorkflowActionNames(),
    show: '详情',
    print: '打印',
    new: '新建',
    edit: '编辑',
    delete: '删除',
    bulkDelete: '批量删除',
    list: '列表',
  },
  buttons: adminjsZh.buttons,
  properties: adminjsZh.properties,
  messages: {
    ...adminjsZh.messages,
    invalidCredentials: '邮箱或密码错误',
    accountLocked: '该账号已被系统管理员锁定，请联系系统管理员',
    accountDisabled: '该账号已停用，请联系系统管理员',
    tooManyRequests: '密码错误次数过多，请稍后再试（在本人曾登录过的电脑上不受影响）',
    forbiddenError: '没有权限执行此操作',
    anyForbiddenError: '没有权限执行此操作',
  },
  components: {
    DropZone: adminjsZh.components.DropZone,
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
    ...reportLabels((name) => REPORT_TITLES_EN[name] ?? name),
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
