// What a field is called in a sentence ('账期不能为空'), read from the translations the admin and the rule explainer
// show, so a field has one name on screen and in the messages about it: the models' validation messages use it.
// (The admin's fieldLabel in admin/locale gives the whole column heading, note included, for its own messages.)
import { dunningZh } from './dunning.js';
import { feesZh } from './fees.js';
import { frontDeskZh } from './front-desk.js';
import { governanceZh } from './governance.js';
import { officeZh } from './office.js';
import { organisationZh } from './organisation.js';
import { propertyZh } from './property.js';
import { renovationZh } from './renovation.js';

const TRANSLATIONS = {
  ...organisationZh,
  ...propertyZh,
  ...frontDeskZh,
  ...feesZh,
  ...renovationZh,
  ...dunningZh,
  ...officeZh,
  ...governanceZh,
};

export type FieldResource = keyof typeof TRANSLATIONS;
/** A field of a resource: its translation keys without the state/kind labels ('status.held'). */
export type FieldOf<R extends FieldResource> = Exclude<
  keyof (typeof TRANSLATIONS)[R]['properties'],
  `${string}.${string}`
> &
  string;

/** A heading's closing note in full-width brackets — a unit, a range, a hint: 建筑面积（平方米）, 周次（1—5）. */
const HEADING_NOTE = /（[^（）]*）$/;

/**
 * The field's label without the note its column heading carries (建筑面积（平方米） → 建筑面积, 服务费（元） → 服务费:
 * a message about the stored value is not about the unit it is typed in). Throws when the vocabulary has no label for
 * it, so a misspelt field fails when its model loads instead of saying "不能为空".
 */
export function fieldName<R extends FieldResource>(resource: R, field: FieldOf<R>): string {
  const properties = (TRANSLATIONS[resource] as { properties?: Record<string, string> } | undefined)?.properties;
  const heading = Object.hasOwn(properties ?? {}, field) ? properties?.[field] : undefined;
  const label = heading?.replace(HEADING_NOTE, '').trim();
  if (!label) throw new Error(`src/vocabulary has no label for ${resource}.${field}`);
  return label;
}

/** fieldName for one resource: `const label = fieldNames('Bill'); label('period')` → '账期'. */
export function fieldNames<R extends FieldResource>(resource: R): (field: FieldOf<R>) => string {
  return (field) => fieldName(resource, field);
}

/** What a state or kind is called on screen (Ticket status 'reported' → 已登记); the code itself when unlabelled. */
export function valueLabel(resource: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const properties = (TRANSLATIONS as Record<string, { properties?: Record<string, string> }>)[resource]?.properties;
  return properties?.[`${field}.${String(value)}`] ?? String(value);
}
