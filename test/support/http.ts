// A tiny HTTP client with a cookie jar, to drive the server the way the browser does.
import { startServer, type RunningServer } from '../../src/server.js';

let shared: Promise<RunningServer> | null = null;

/** One in-process server on an ephemeral port for the whole run. */
export function testServer(): Promise<RunningServer> {
  shared ??= startServer(0);
  return shared;
}

export async function stopTestServer() {
  if (shared) await (await shared).stop();
  shared = null;
}

type Form = Record<string, string | number | boolean>;

const RESOURCES = '/admin/api/resources';

/** `?a=1&b=2`, or nothing when there is nothing to ask. */
function queryString(query: Form): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return params.size ? `?${params}` : '';
}

export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  cookieHeader() {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  }

  async request(method: string, path: string, body?: Record<string, string | number | boolean>) {
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    let payload: string | undefined;
    if (body) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    this.remember(response);
    return response;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body: Record<string, string | number | boolean> = {}) {
    return this.request('POST', path, body);
  }

  async json<T = any>(
    method: string,
    path: string,
    body?: Record<string, string | number | boolean>,
  ): Promise<{ status: number; body: T }> {
    const response = await this.request(method, path, body);
    return { status: response.status, body: (await response.json()) as T };
  }

  /** A resource's list as the list page asks for it: each filter is sent as filters.<name>, `query` adds perPage, sortBy…; the answer's body. */
  async list<T = any>(resource: string, filters: Form = {}, query: Form = {}): Promise<T> {
    const filtered = Object.fromEntries(Object.entries(filters).map(([k, v]) => [`filters.${k}`, v]));
    const url = `${RESOURCES}/${resource}/actions/list${queryString({ ...filtered, ...query })}`;
    return (await this.json<T>('GET', url)).body;
  }

  /** The new-record form of `resource`, sent. */
  create<T = any>(resource: string, form: Form) {
    return this.json<T>('POST', `${RESOURCES}/${resource}/actions/new`, form);
  }

  /** The edit form of one record, sent. */
  edit<T = any>(resource: string, id: string | number, form: Form) {
    return this.json<T>('POST', `${RESOURCES}/${resource}/records/${id}/edit`, form);
  }

  /** A record action (refund, publish, delete…) sent as its button or form does. */
  act<T = any>(resource: string, id: string | number, action: string, form?: Form) {
    return this.json<T>('POST', `${RESOURCES}/${resource}/records/${id}/${action}`, form);
  }

  /** A record action's page opened (GET), as following its button does: it only returns the record. */
  open<T = any>(resource: string, id: string | number, action: string, query: Form = {}) {
    return this.json<T>('GET', `${RESOURCES}/${resource}/records/${id}/${action}${queryString(query)}`);
  }

  /** An action of the whole resource, on no record (生成月度账单 …), sent as its form does. */
  actOnResource<T = any>(resource: string, action: string, form?: Form) {
    return this.json<T>('POST', `${RESOURCES}/${resource}/actions/${action}`, form);
  }

  /** A resource action's page opened (GET): its form, nothing done. */
  openResourceAction<T = any>(resource: string, action: string) {
    return this.json<T>('GET', `${RESOURCES}/${resource}/actions/${action}`);
  }

  /** The records a picker offers for what was typed into it (AdminJS's search action); the answer's body. */
  async search<T = any>(resource: string, query: string): Promise<T> {
    return (await this.json<T>('GET', `${RESOURCES}/${resource}/actions/search/${encodeURIComponent(query)}`)).body;
  }

  /** 我的工作台 as the home page loads it: the tiles and today's figures; the answer's body. */
  async desk<T = any>(): Promise<T> {
    return (await this.json<T>('GET', '/admin/api/dashboard')).body;
  }

  /** One record's page, with the actions it offers. */
  show<T = any>(resource: string, id: string | number) {
    return this.json<T>('GET', `${RESOURCES}/${resource}/records/${id}/show`);
  }

  /** Signs in through the admin's login form; true when the session was accepted. */
  async signIn(email: string, password: string): Promise<boolean> {
    const response = await this.post('/admin/login', { email, password });
    return response.status === 302 && (response.headers.get('location') ?? '').startsWith('/admin');
  }
}

/** Any request as sent — body and headers as given, the client's session or none — and the answer, read as JSON when it is. */
export async function send(
  session: Client | null,
  method: string,
  path: string,
  body?: BodyInit,
  headers: Record<string, string> = {},
) {
  const server = await testServer();
  const cookie = session?.cookieHeader() ?? '';
  const response = await fetch(server.url + path, {
    method,
    body,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
    redirect: 'manual',
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json, headers: response.headers };
}

export async function signedInClient(email: string, password: string): Promise<Client> {
  const server = await testServer();
  const client = new Client(server.url);
  if (!(await client.signIn(email, password))) throw new Error(`sign-in failed for ${email}`);
  return client;
}
