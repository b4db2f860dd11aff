/** A request's query string as an object for a zod schema; a repeated key keeps its last value. */
export function searchParamsOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

/** A page's `searchParams` without empty or repeated values, for the same schemas the API uses. */
export function compactSearchParams(params: Record<string, string | string[] | undefined>, keys: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of keys) {
    const value = params[key];
    if (typeof value === 'string' && value.trim() !== '') result[key] = value.trim();
  }
  return result;
}
