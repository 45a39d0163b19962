import type { AuthenticatedActor } from '@fundledger/access';
import { InvalidReadPointError } from '@fundledger/projections';
import type { Request, Response } from 'express';
import { classifyError } from '../errors/error-classification';
import type { PageSession } from './page-session';

/** An error as the GOV.UK error summary lists it: the ledger's own message, its code and figures. */
export interface PageError {
  readonly text: string;
  readonly href?: string;
}

/**
 * What a refused command or query says on a page: the message the API would answer, which states the
 * figures, and its code; an error nobody planned for is rethrown, to the filter that logs it and hides its text.
 * A field error links to the form control `fieldOfPath` names for the ledger's field path (none: no link).
 */
export const pageErrorsOf = (
  error: unknown,
  fieldOfCode: Readonly<Record<string, string>> = {},
  fieldOfPath: (path: string) => string | undefined = (path) => path,
): PageError[] => {
  if (error instanceof InvalidReadPointError) return [{ text: `${error.message} (${error.code})`, href: '#asOf' }];
  const known = classifyError(error);
  if (known === undefined) throw error;
  const { code, message, details } = known.body;
  if (Array.isArray(details) && details.every((d) => typeof d === 'object' && d !== null && 'field' in d)) {
    return (details as Array<{ field: string; message: string }>).map((d) => {
      const field = fieldOfPath(d.field);
      return { text: `${d.message} (${code})`, ...(field === undefined ? {} : { href: `#${field}` }) };
    });
  }
  const field = fieldOfCode[code];
  return [{ text: `${message} (${code})`, ...(field === undefined ? {} : { href: `#${field}` }) }];
};

/** Each form control's own error message (GOV.UK shows it beside the control too): the summary's texts by link. */
export const fieldErrorsOf = (errors: readonly PageError[]): Record<string, string> => {
  const byField: Record<string, string> = {};
  for (const { href, text } of errors) {
    if (href === undefined) continue;
    const name = href.slice(1);
    byField[name] = byField[name] === undefined ? text : `${byField[name]}; ${text}`;
  }
  return byField;
};

/** A signed-in page request: the session's actor, and the CSRF token its forms must carry. */
export interface SignedIn {
  readonly actor: AuthenticatedActor;
  readonly session: PageSession;
}

/** The CSP nonce the /app edge middleware made for this response (res.locals.cspNonce). */
export const nonceOf = (response: Response): string => String(response.locals.cspNonce ?? '');

/** Form fields as strings; a repeated field keeps its first value and anything else is dropped. */
export const formOf = (request: Request): Record<string, string> => {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null) return {};
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') form[key] = first;
  }
  return form;
};
