// Builds the AdminJS instance: every model as a resource whose id is the model name, each action decided by
// the authority core, the product's own branding, zh-CN by default.
import './adapter.js';
import AdminJS, { type ResourceWithOptions } from 'adminjs';
import { DataTypes, type ModelStatic, type Model } from 'sequelize';
import { Position } from '../models/index.js';
import { withAccess } from './access.js';
import { withInternalCodes } from './internal-codes.js';
import { Components, componentLoader } from './components/index.js';
import { desk } from './dashboard.js';
import { locale } from './locale/index.js';
import { frontDeskResources } from './resources/front-desk.js';
import { improvementProposalResources } from './resources/improvement-proposals.js';
import { propertyResources } from './resources/property.js';
import { feesResources } from './resources/fees.js';
import { parkingResources } from './resources/parking.js';
import { renovationResources } from './resources/renovation.js';
import { dunningResources } from './resources/dunning.js';
import { officeResources } from './resources/office.js';
import { organisationResources } from './resources/organisation.js';
import { governanceResources } from './resources/governance.js';
import { reportResources } from './reports/report-resources.js';
import { jobDescriptionImportResource } from './resources/job-description-import.js';
import { navigation } from './navigation.js';

export const ROOT_PATH = '/admin';

/** Choice fields ask 请选择… instead of react-select's English "Select...". */
function withChineseSelects(entry: ResourceWithOptions): ResourceWithOptions {
  const model = entry.resource as ModelStatic<Model>;
  const properties = { ...(entry.options?.properties ?? {}) };
  for (const [name, attribute] of Object.entries(model.getAttributes())) {
    if (!(attribute.type instanceof DataTypes.ENUM)) continue;
    const existing = properties[name] ?? {};
    properties[name] = { ...existing, props: { placeholder: '请选择…', ...(existing.props ?? {}) } };
  }
  return { ...entry, options: { ...entry.options, properties } };
}

export function allResources(): ResourceWithOptions[] {
  // In the order of the navigation: the front desk first, organisation and authority last.
  const groups: ResourceWithOptions[][] = [
    frontDeskResources,
    improvementProposalResources,
    propertyResources,
    feesResources,
    parkingResources,
    renovationResources,
    dunningResources,
    officeResources,
    organisationResources,
    governanceResources,
  ];
  return groups
    .flat()
    .map((entry) =>
      withInternalCodes(withAccess(withChineseSelects(entry), (entry.resource as ModelStatic<Model>).name)),
    );
}

/**
 * The model resources with the 报表 group's pages, which the menu shows before 组织与权限, and the import page of
 * job descriptions, which it shows under 岗位.
 */
function menuResources(): ResourceWithOptions[] {
  const models = allResources();
  const organisation = models.findIndex((entry) => entry.options?.navigation === navigation.organisation);
  const at = organisation < 0 ? models.length : organisation;
  const withReports = [...models.slice(0, at), ...reportResources(), ...models.slice(at)];
  const positions = withReports.findIndex((entry) => (entry.resource as ModelStatic<Model>) === Position);
  const importAt = positions < 0 ? withReports.length : positions + 1;
  return [...withReports.slice(0, importAt), jobDescriptionImportResource(), ...withReports.slice(importAt)];
}

export function buildAdmin(): AdminJS {
  return new AdminJS({
    rootPath: ROOT_PATH,
    loginPath: `${ROOT_PATH}/login`,
    logoutPath: `${ROOT_PATH}/logout`,
    resources: menuResources(),
    componentLoader,
    locale,
    branding: {
      companyName: '客户中心 · 翠湖花园物业管理处',
      logo: '/assets/logo.svg',
      favicon: '/assets/logo.svg',
      withMadeWithLove: false,
      theme: {
        colors: {
          primary100: '#2d6a4f',
          primary80: '#40916c',
          primary60: '#52b788',
          primary40: '#95d5b2',
          primary20: '#d8f3dc',
          accent: '#1b4332',
        },
      },
    },
    dashboard: {
      component: Components.Dashboard,
      handler: async (request, _response, context) => desk(request, context.currentAdmin),
    },
    version: { admin: false },
  });
}
