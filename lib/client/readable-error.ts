import { ApiError } from '@/lib/client/api-client';

/**
 * An API error as a sentence for a form: "email: another user already has this e-mail address"
 * becomes "E-mail: another user already has this e-mail address." with the field's visible label.
 */
export function readableError(error: unknown, labels: Record<string, string>, fallback: string): { message: string; field?: string } {
  if (!(error instanceof ApiError)) return { message: fallback };
  const label = error.field ? labels[error.field] : undefined;
  if (!label || !error.message.startsWith(`${error.field}: `)) return { message: error.message, field: error.field };
  const rest = error.message.slice(error.field!.length + 2).replace(/\.$/, '');
  return { message: `${label}: ${rest}.`, field: error.field };
}
