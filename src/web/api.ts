import { onLocaleChange, type Locale } from './i18n';

export interface FieldError {
  path: string;
  message: string;
}

/** The server's one error shape: `{"error":{"id","message","fields"}}`. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly id: string,
    message: string,
    public readonly fields: FieldError[] = [],
    /** The whole `error` object, for routes that add details (e.g. the refused rows of an import). */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface List<T> {
  items: T[];
  total: number;
}

let csrfToken: string | null = null;
let locale: Locale = 'nl';
let onUnauthorized: (() => void) | null = null;

onLocaleChange((next) => {
  locale = next;
});

/** Every write made with the session cookie carries this token (X-CSRF-Token). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when the server says the session has ended, so the app can show the sign-in page. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

function headers(method: string, hasBody: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', 'accept-language': locale };
  if (hasBody) h['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) h['x-csrf-token'] = csrfToken;
  return h;
}

async function toError(status: number, text: string): Promise<ApiError> {
  try {
    const body = JSON.parse(text) as { error?: { id?: string; message?: string; fields?: FieldError[] } };
    if (body.error) return new ApiError(status, body.error.id ?? 'server.error', body.error.message ?? '', body.error.fields ?? [], body.error);
  } catch {
    // Not our error shape (a proxy's page, a network error text): fall through.
  }
  return new ApiError(status, status === 0 ? 'network' : 'server.error', '');
}

function handleFailure(error: ApiError, path: string): never {
  if (error.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
  throw error;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const text = await response.text();
  if (!response.ok) handleFailure(await toError(response.status, text), path);
  return (text ? JSON.parse(text) : null) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = null>(path: string) => request<T>('DELETE', path),
};

/**
 * POST with upload progress (fetch cannot report it). `onUploaded` fires once the whole body
 * is sent, when the server starts working on it. A `FormData` body goes as multipart/form-data
 * (the browser sets the boundary); anything else as JSON.
 */
export function postWithProgress<T>(path: string, body: unknown, onProgress: (fraction: number) => void, onUploaded: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const multipart = body instanceof FormData;
    for (const [name, value] of Object.entries(headers('POST', !multipart))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onUploaded();
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : null) as T);
        return;
      }
      try {
        handleFailure(await toError(xhr.status, xhr.responseText), path);
      } catch (err) {
        reject(err);
      }
    };
    xhr.send(multipart ? body : JSON.stringify(body));
  });
}

/** `/api/w/<slug>/<rest>` with the slug encoded. */
export function wsPath(slug: string, rest = '') {
  return `/api/w/${encodeURIComponent(slug)}${rest ? `/${rest.replace(/^\//, '')}` : ''}`;
}
