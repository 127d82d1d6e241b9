// Reusable property options for resources.
import type { PropertyOptions } from 'adminjs';
import { Components } from './components/index.js';

/** A money field stored as integer fen, shown and entered as yuan with two decimals. */
export function money(extra: PropertyOptions = {}): PropertyOptions {
  return {
    type: 'number',
    components: {
      list: Components.MoneyList,
      show: Components.MoneyShow,
      edit: Components.MoneyEdit,
      filter: Components.MoneyFilter,
    },
    ...extra,
  };
}

/** Shown everywhere but never editable through the built-in forms (workflow fields: AdminJS's edit would write whatever a request holds). */
export function readOnly(extra: PropertyOptions = {}): PropertyOptions {
  return { isDisabled: true, ...extra };
}
