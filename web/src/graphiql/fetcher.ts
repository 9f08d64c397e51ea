// The fetcher GraphiQL calls: a POST of {query, variables, operationName}
// to the same origin's /graphql. No subscriptions, so no websocket client.

import type { Fetcher } from '@graphiql/toolkit';

export function fetcher(endpoint: string): Fetcher {
  return async (params, opts) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    // Headers typed in GraphiQL's header editor (e.g. Authorization for curation mutations).
    for (const [k, v] of Object.entries(opts?.headers ?? {})) headers[k] = String(v);
    const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(params), credentials: 'same-origin' });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `The server answered ${res.status} ${res.statusText} without JSON: ${text.slice(0, 200)}` }] };
    }
  };
}
