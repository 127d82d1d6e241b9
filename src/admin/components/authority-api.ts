// The rule studio's pages talk to the director's JSON API (/api/authority) with the session they are signed in with.

// Each page reads the fields of its own endpoint's JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Answer<T = Json> {
  ok: boolean;
  body: T;
}

/** GET or POST (JSON) to /api/authority<path>; the answer's body is read as JSON whatever the status. */
export async function authorityApi<T = Json>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`/api/authority${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { ok: response.ok, body: (await response.json()) as T };
}

/** The reasons of a refused answer, in Chinese. */
export const reasonsOf = (body: { errors?: string[]; message?: string }, fallback: string): string[] =>
  body.errors ?? [body.message ?? fallback];
