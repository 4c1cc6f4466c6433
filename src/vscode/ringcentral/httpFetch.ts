// node-fetch rides on Node's http/https, which VS Code patches for proxies and system certificates.
import nodeFetch from 'node-fetch';
import type { FetchLike } from '../../core/ringcentral/http';

export const nodeFetchAdapter: FetchLike = async (url, init) => {
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
