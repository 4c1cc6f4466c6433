// node-fetch rides on Node's http/https, which VS Code patches for proxies and system certificates.
import type NodeFetch from 'node-fetch';
import type { FetchLike } from '../../core/ringcentral/http';

// Required on the first request, not at activation: node-fetch loads http, https, zlib and stream.
let nodeFetch: typeof NodeFetch | undefined;

export const nodeFetchAdapter: FetchLike = async (url, init) => {
  nodeFetch ??= (require('node-fetch') as { default: typeof NodeFetch }).default;
  const response = await nodeFetch(url, {
    method: init.method,
    headers: init.headers,
    body: init.body,
    redirect: init.redirect ?? 'manual',
    // node-fetch v2 types its signal loosely; the standard AbortSignal works at run time.
    signal: init.signal as never,
  });
  return { status: response.status, headers: response.headers, text: () => response.text() };
};
