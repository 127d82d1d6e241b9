// What one person may read, asked once per page: which lists they may open and which records' pages, for the owner's
// and room's file and the desk's search (each section and row decided as the lists and pages decide them).
import { decide } from '../rules/decide.js';
import type { Actor } from '../rules/actor.js';

export const ADMIN = '/admin/resources';
export const showHref = (resource: string, id: number) => `${ADMIN}/${resource}/records/${id}/show`;

type Row = { id: number; toJSON(): object };

/** The person's reading rights, asked once per page. */
export function readerOf(actor: Actor) {
  const lists = new Map<string, boolean>();
  return {
    mayList(resource: string): boolean {
      if (!lists.has(resource)) lists.set(resource, decide(actor, `${resource}.list`).allowed);
      return lists.get(resource)!;
    },
    href(resource: string, row: Row): string | null {
      return decide(actor, `${resource}.show`, row.toJSON() as Record<string, unknown>).allowed
        ? showHref(resource, row.id)
        : null;
    },
    may(action: string, row?: Row): boolean {
      return decide(actor, action, row ? (row.toJSON() as Record<string, unknown>) : undefined).allowed;
    },
  };
}
export type Reader = ReturnType<typeof readerOf>;

export function groupBy<T>(rows: T[], key: (row: T) => number | null | undefined): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null || k === undefined) continue;
    const list = groups.get(k) ?? [];
    list.push(row);
    groups.set(k, list);
  }
  return groups;
}
