// The REST API client: every call sends the signed-in user's credentials and turns error answers into ApiError.

/** A problem the server found in a route, at a line of the YAML. */
export interface RouteProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** An error answer of the API: what went wrong, with the server's details and route problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
    readonly problems: RouteProblem[] = [],
  ) {
    super(message);
  }
}

let authorization: string | null = null;
let onUnauthorized: () => void = () => {};

export function setAuthorization(value: string | null) {
  authorization = value;
}

/** Called when the server no longer accepts the credentials (e.g. the password changed): back to the login. */
export function setOnUnauthorized(callback: () => void) {
  onUnauthorized = callback;
}

export function basic(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json', ...extra };
  if (authorization) h.Authorization = authorization;
  return h;
}

/** Reads an error answer; a body that is not the API's JSON still gives a sentence. */
function toError(status: number, text: string): ApiError {
  if (status === 401) return new ApiError(status, statusSentence(status));
  try {
    const body = JSON.parse(text);
    if (body && typeof body.message === 'string') {
      return new ApiError(status, body.message, body.details ?? [], body.problems ?? []);
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(status, statusSentence(status) + (text && text.length < 300 ? `: ${text}` : ''));
}

function statusSentence(status: number): string {
  if (status === 0) return 'The server cannot be reached; check that Cairn is running';
  if (status === 401) return 'The user name or password is wrong';
  if (status === 403) return 'Your roles do not allow this; ask an admin';
  if (status === 404) return 'Not found';
  return `The server answered ${status}`;
}

async function send<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      body,
      // 'omit': the browser never pops up its own Basic-auth dialog; we send the header ourselves
      credentials: 'omit',
      headers: headers(contentType ? { 'Content-Type': contentType } : {}),
    });
  } catch {
    throw new ApiError(0, statusSentence(0));
  }
  const text = await res.text();
  if (!res.ok) {
    if (res.status === 401 && authorization) onUnauthorized();
    throw toError(res.status, text);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) =>
    send<T>('POST', path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json'),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, JSON.stringify(body), 'application/json'),
  putYaml: <T>(path: string, yaml: string) => send<T>('PUT', path, yaml, 'application/yaml'),
  del: <T>(path: string) => send<T>('DELETE', path),
};

/** Uploads a file as the multipart field `file`, reporting progress (0..1) as the bytes go out. */
export function upload<T>(method: 'POST' | 'PUT', path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    Object.entries(headers()).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } else {
        reject(toError(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, statusSentence(0)));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Downloads a file answer (an export) with the user's credentials and hands it to the browser to save. */
export async function download(path: string, fallbackName: string): Promise<number> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'omit', headers: headers({ Accept: '*/*' }) });
  } catch {
    throw new ApiError(0, statusSentence(0));
  }
  if (!res.ok) {
    if (res.status === 401 && authorization) onUnauthorized();
    throw toError(res.status, await res.text());
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob.size;
}
