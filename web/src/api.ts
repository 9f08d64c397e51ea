// The explorer talks to the server only through the public GraphQL API.

import { h } from './dom';
import type { TypedDocumentString } from './gql/graphql';

export const ENDPOINT = '/graphql';

/** ApiError is a failed request: a GraphQL error (with its extensions.code) or a transport failure. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

interface GraphQLError {
  message?: string;
  extensions?: { code?: string };
  path?: (string | number)[];
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/**
 * gql runs one operation and returns its data, typed by the operation (the
 * documents and their types are generated from the schema by
 * graphql-codegen: see codegen.ts). Any error in the response (or a network
 * failure, or a non-JSON answer) is thrown as an ApiError carrying the
 * first error's code.
 */
export async function gql<T, V>(query: TypedDocumentString<T, V>, variables: V, signal?: AbortSignal, token?: string): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  // Only the curation mutations send the token (Authorization: Bearer).
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: query.toString(), variables }),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('NETWORK', 'The server could not be reached. Is summitgraph serve running?');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(`HTTP_${res.status}`, `The server answered ${res.status} ${res.statusText} without a GraphQL response.`);
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    const code = first.extensions?.code ?? (res.ok ? 'ERROR' : `HTTP_${res.status}`);
    const messages = [...new Set(body.errors.map((e) => e.message ?? 'unknown error'))];
    throw new ApiError(code, messages.join('; '));
  }
  if (!res.ok || body.data == null) {
    throw new ApiError(`HTTP_${res.status}`, `The server answered ${res.status} with no data.`);
  }
  return body.data;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

const explanations: Record<string, string> = {
  NOT_FOUND: 'Nothing in the graph has this id.',
  UNAUTHORIZED: 'The curation token was refused (or the server is read-only).',
  INVALID: 'The request was refused.',
  TIMEOUT: 'The server took too long; try a narrower request.',
  INTERNAL: 'The server failed; the details are in its log.',
  NETWORK: '',
  GRAPHQL_VALIDATION_FAILED: 'The explorer sent a query this server does not understand (is the server older than the explorer?).',
  GRAPHQL_PARSE_FAILED: 'The explorer sent a malformed query.',
};

/** errorBox renders an error as a visible, announced message. */
export function errorBox(err: unknown, what?: string): HTMLElement {
  const code = err instanceof ApiError ? err.code : 'CLIENT';
  const message = err instanceof Error ? err.message : String(err);
  const hint = explanations[code];
  return h(
    'div',
    { class: 'error', role: 'alert', 'data-code': code },
    h('strong', null, what ? `Could not load ${what}` : 'Something went wrong'),
    ' ',
    h('code', { class: 'code' }, code),
    h('p', null, message),
    hint ? h('p', { class: 'hint' }, hint) : null,
  );
}
