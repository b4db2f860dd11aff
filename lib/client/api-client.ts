// Browser-side calls to the app's REST API. Errors come back as ApiError with the server's
// message and the field it names; network failures are retried where the request is idempotent.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export async function apiFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(url, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'You appear to be offline: the server could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const message = typeof body?.message === 'string' ? body.message : `The server answered ${response.status}.`;
    throw new ApiError(response.status, message, typeof body?.field === 'string' ? body.field : undefined, body ?? undefined);
  }
  return body as T;
}

/**
 * A write that may be retried safely (it carries an idempotency key, or a version): tried again
 * after network failures, with growing pauses, up to `attempts` times.
 */
export async function withRetry<T>(operation: () => Promise<T>, attempts = 5, onRetry?: (attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.isNetwork || attempt >= attempts) throw error;
      onRetry?.(attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.min(8000, 500 * 2 ** (attempt - 1))));
    }
  }
}

export function newIdempotencyKey(): string {
  return `ui-${crypto.randomUUID()}`;
}
