// Injected failures of the kind a network, a proxy or an overloaded RingCentral produces.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorPage } from './pages';
import { Fault, FaultEndpoint, FaultKind } from './types';

const KINDS: readonly FaultKind[] = ['5xx', 'hang', 'malformedJson', 'htmlError', 'drop'];
const ENDPOINTS: readonly FaultEndpoint[] = ['authorize', 'token', 'revoke', 'api', 'any'];

export type EndpointGroup = Exclude<FaultEndpoint, 'any'>;

export function validateFault(value: unknown): Fault | null {
  if (value === null || value === undefined) {
    return null;
  }
  const fault = value as Partial<Fault>;
  if (typeof fault !== 'object' || !KINDS.includes(fault.kind as FaultKind)) {
    throw new Error(`fault.kind must be one of: ${KINDS.join(', ')}`);
  }
  if (fault.endpoint !== undefined && !ENDPOINTS.includes(fault.endpoint)) {
    throw new Error(`fault.endpoint must be one of: ${ENDPOINTS.join(', ')}`);
  }
  if (fault.remaining !== undefined && (!Number.isInteger(fault.remaining) || fault.remaining < 0)) {
    throw new Error('fault.remaining must be a non-negative integer');
  }
  return { kind: fault.kind as FaultKind, endpoint: fault.endpoint, remaining: fault.remaining };
}

export class FaultInjector {
  private fault: Fault | null = null;

  set(fault: Fault | null): void {
    this.fault = validateFault(fault);
  }

  get current(): Fault | null {
    return this.fault ? { ...this.fault } : null;
  }

  /** The fault to apply to this request, counting it down. */
  take(group: EndpointGroup | undefined): FaultKind | undefined {
    const fault = this.fault;
    if (!fault || !group) {
      return undefined;
    }
    const target = fault.endpoint ?? 'any';
    if (target !== 'any' && target !== group) {
      return undefined;
    }
    if (fault.remaining !== undefined) {
      if (fault.remaining <= 0) {
        this.fault = null;
        return undefined;
      }
      fault.remaining -= 1;
      if (fault.remaining === 0) {
        this.fault = null;
      }
    }
    return fault.kind;
  }
}

/** Answers (or doesn't) the way the fault says. */
export function applyFault(kind: FaultKind, req: IncomingMessage, res: ServerResponse): void {
  switch (kind) {
    case '5xx': {
      const html = errorPage({
        title: 'Service Unavailable',
        heading: '503 Service Unavailable',
        lines: ['The server is temporarily unable to service your request. Please try again later.'],
      });
      res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '1' });
      res.end(html);
      return;
    }
    case 'hang':
      // Never answer; close() ends the socket.
      return;
    case 'malformedJson':
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' });
      res.end('{"access_token": ');
      return;
    case 'htmlError': {
      const html = errorPage({
        title: '502 Bad Gateway',
        heading: '502 Bad Gateway',
        lines: ['The proxy server received an invalid response from an upstream server.'],
        footer: 'corporate-proxy/1.0',
      });
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8', Via: '1.1 corporate-proxy' });
      res.end(html);
      return;
    }
    case 'drop':
      req.socket.destroy();
      return;
  }
}
