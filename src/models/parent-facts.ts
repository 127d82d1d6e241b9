// A fact of the parent row copied onto the child for the authority rules, which see only the row (and AdminJS's access check only one hop away): a plan
// item carries its plan's owner, a question its survey's status. The copy is written together with the parent key,
// whichever way the row is saved. Pushing a changed fact down from the parent is done in associations/office.ts.
import type { Model, ModelStatic, Transaction } from 'sequelize';

type Options = {
  transaction?: Transaction | null;
  fields?: string[];
  skip?: string[];
  attributes?: Record<string, unknown>;
};
type Row = Model & { isNewRecord: boolean; changed(key: string): boolean };
type Hooks = { addHook(type: string, name: string, fn: (...args: never[]) => unknown): void };

const isId = (value: unknown) => /^\d+$/.test(String(value ?? ''));

function include(list: string[] | undefined, field: string) {
  if (list && !list.includes(field)) list.push(field);
}

function exclude(list: string[] | undefined, field: string) {
  const index = list?.indexOf(field) ?? -1;
  if (index >= 0) list!.splice(index, 1);
}

/**
 * Copies `parent.from` into `child.to` whenever `child.key` is written. A parent that does not exist leaves the
 * copy as it is: the foreign key (or the copy's own notNull) refuses the row.
 */
export function copyParentFact(
  child: ModelStatic<Model>,
  spec: { key: string; parent: ModelStatic<Model>; from: string; to: string },
): void {
  const { key, parent, from, to } = spec;
  const name = `${to}FromParent`;
  const hooks = child as unknown as Hooks;

  async function factsOf(ids: unknown[], transaction?: Transaction | null): Promise<Map<number, unknown>> {
    const wanted = [...new Set(ids.filter(isId).map(Number))];
    if (wanted.length === 0) return new Map();
    const parents = await parent.findAll({ where: { id: wanted }, attributes: ['id', from], transaction });
    return new Map(parents.map((row) => [Number(row.get('id')), row.get(from)]));
  }

  /** Sets the copy on each row whose parent exists; true when any was set. */
  async function fill(rows: Model[], transaction?: Transaction | null): Promise<boolean> {
    const facts = await factsOf(
      rows.map((row) => row.get(key)),
      transaction,
    );
    let filled = false;
    for (const row of rows) {
      const fact = facts.get(Number(row.get(key)));
      if (fact === undefined) continue;
      row.set(to, fact);
      filled = true;
    }
    return filled;
  }

  // save() fixes the columns it writes before it validates, and Model.update validates a build of the values it
  // was given: the copy joins the columns to write (the same array), and is validated with them.
  hooks.addHook('beforeValidate', name, async (row: Row, options: Options) => {
    if (!row.isNewRecord && !row.changed(key)) return;
    if (!(await fill([row], options.transaction))) return;
    include(options.fields, to);
    exclude(options.skip, to);
  });
  // save({ validate: false }) or save({ fields: [key] }) without the hook above.
  hooks.addHook('beforeUpdate', name, async (row: Row, options: Options) => {
    if (!row.changed(key) || options.fields?.includes(to)) return;
    if (await fill([row], options.transaction)) include(options.fields, to);
  });
  // Model.update writes only the values it was given (the build above is thrown away).
  hooks.addHook('beforeBulkUpdate', name, async (options: Options) => {
    const sent = options.attributes?.[key];
    if (sent === undefined || sent === null) return;
    const fact = (await factsOf([sent], options.transaction)).get(Number(sent));
    if (fact === undefined) return;
    options.attributes![to] = fact;
    include(options.fields, to);
  });
  hooks.addHook('beforeBulkCreate', name, async (rows: Model[], options: Options) => {
    await fill(rows, options.transaction);
  });
}
