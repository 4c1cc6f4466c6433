// The slice of fetch that core needs. node-fetch v2, Node's global fetch and test fakes all fit it,
// so core never imports an HTTP library and the VS Code layer picks the one that honours proxies.

export interface HttpHeadersLike {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

export interface HttpResponseLike {
  status: number;
  headers: HttpHeadersLike;
  text(): Promise<string>;
}

/** The methods an API call may use (Try an API Call sends any of them; the OAuth endpoints use GET and POST). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequestInit {
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  /**
   * Default 'manual' (exchange() sets it): a redirect on a token, revoke or API call would carry the refresh
   * token, code verifier or client secret to another host (node-fetch 2 even follows https→http).
   */
  redirect?: 'manual' | 'follow';
  signal?: AbortSignal;
}

export type FetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;
