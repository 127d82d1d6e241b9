// What each resource is called, in Chinese and English: the navigation, the list headings, the action catalogue's
// sentences and the refusals all use these names.
import { dunningResourceNamesEn, dunningResourceNamesZh } from './dunning.js';
import { feesResourceNamesEn, feesResourceNamesZh } from './fees.js';
import { frontDeskResourceNamesEn, frontDeskResourceNamesZh } from './front-desk.js';
import { governanceResourceNamesEn, governanceResourceNamesZh } from './governance.js';
import { officeResourceNamesEn, officeResourceNamesZh } from './office.js';
import { organisationResourceNamesEn, organisationResourceNamesZh } from './organisation.js';
import { propertyResourceNamesEn, propertyResourceNamesZh } from './property.js';
import { renovationResourceNamesEn, renovationResourceNamesZh } from './renovation.js';

export const RESOURCE_NAMES_ZH: Record<string, string> = {
  ...organisationResourceNamesZh,
  ...propertyResourceNamesZh,
  ...frontDeskResourceNamesZh,
  ...feesResourceNamesZh,
  ...renovationResourceNamesZh,
  ...dunningResourceNamesZh,
  ...officeResourceNamesZh,
  ...governanceResourceNamesZh,
};

export const RESOURCE_NAMES_EN: Record<string, string> = {
  ...organisationResourceNamesEn,
  ...propertyResourceNamesEn,
  ...frontDeskResourceNamesEn,
  ...feesResourceNamesEn,
  ...renovationResourceNamesEn,
  ...dunningResourceNamesEn,
  ...officeResourceNamesEn,
  ...governanceResourceNamesEn,
};
