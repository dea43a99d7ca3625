import i18next from 'i18next';

/** The one way the web talks to the API: JSON in and out, the CSRF token on writes, problems as errors. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The CSRF header for a write sent without `api()` (a file upload). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export interface ProblemIssue {
  field: string;
  issue: string;
  message: string;
}

export class ApiError extends Error {
  /** For warnings the server asks to confirm: sends the same form again, confirmed. */
  confirm?: () => void;
  /** A record changed meanwhile (STALE): the version the server has now. */
  current?: string;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ProblemIssue[] = [],
  ) {
    super(message);
  }

  /**
   * What is wrong with one form field ("body.username" -> "username"), shown under it: the words
   * without the label, which is right above the field ("wajib diisi", not "Pagu: wajib diisi").
   */
  fieldMessage(field: string): string | undefined {
    const message = this.issues.find((i) => i.field.split('.').slice(1).join('.') === field)?.message;
    return message?.slice(message.indexOf(': ') + 2);
  }
}

/** The language the interface shows: the server writes its messages in it, whatever the browser's setting. */
export const LANGUAGE_HEADER = 'x-language';

/**
 * How a request reaches the API: the browser's fetch. The server, drawing a page's first HTML,
 * answers the page's reads itself (entry-server.tsx).
 */
let transport: typeof fetch = (input, init) => fetch(input, init);

export function setTransport(next: typeof fetch): void {
  transport = next;
}

/**
 * The `meta` of a query the server does not read when it draws a page's first HTML: a map's
 * boundaries (hundreds of kB, drawn once the map is shown).
 */
export const READ_IN_BROWSER = { readInBrowser: true } as const;

/** Sends a request; no answer at all (offline, server down) is an ApiError with status 0. */
async function send(url: string, init: RequestInit): Promise<Response> {
  const headers = {
    ...(init.headers as Record<string, string>),
    [LANGUAGE_HEADER]: i18next.language === 'en' ? 'en' : 'id',
  };
  try {
    return await transport(url, { credentials: 'same-origin', ...init, headers });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
}

/** The JSON of an answer, or its problem+json as an ApiError (a body that is not JSON, e.g. a proxy's page, has no message). */
async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let data: { code?: string; detail?: string; issues?: ProblemIssue[]; current?: string } | null = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    if (res.ok) throw new ApiError(0, 'NETWORK', '');
  }
  if (!res.ok) {
    const error = new ApiError(res.status, data?.code ?? 'INTERNAL', data?.detail ?? '', data?.issues ?? []);
    if (typeof data?.current === 'string') error.current = data.current;
    throw error;
  }
  return data as T;
}

export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return answer<T>(
    await send(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
  );
}

/** A file sent as the request body itself (CSV, XLSX), answered with JSON like `api()`. */
export async function uploadFile<T>(
  url: string,
  file: Blob,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<T> {
  return answer<T>(
    await send(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': contentType, ...csrfHeader(), ...headers },
      body: file,
    }),
  );
}

/**
 * A request answered with a file (a PDF of voter slips): saved by the browser under `name`; a
 * refusal comes back as JSON and is thrown as an ApiError like any other. Returns the response's
 * headers (what the server counted).
 */
export async function postForFile(
  url: string,
  body: Blob | unknown,
  name: string,
  contentType = 'application/json',
): Promise<Headers> {
  const res = await send(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...csrfHeader() },
    body: body instanceof Blob ? body : JSON.stringify(body),
  });
  if (!res.ok) await answer(res);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return res.headers;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
