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
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ProblemIssue[] = [],
  ) {
    super(message);
  }

  /** The message for one form field ("body.username" -> "username"), if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.issues.find((i) => i.field.split('.').slice(1).join('.') === field)?.message;
  }
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data?.code ?? 'INTERNAL',
      data?.detail ?? res.statusText,
      data?.issues ?? [],
    );
  }
  return data as T;
}

/** A file sent as the request body itself (CSV, XLSX), answered with JSON like `api()`. */
export async function uploadFile<T>(url: string, file: Blob, contentType: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': contentType, ...csrfHeader() },
    credentials: 'same-origin',
    body: file,
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.code ?? 'INTERNAL',
      data?.detail ?? res.statusText,
      data?.issues ?? [],
    );
  return data as T;
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
