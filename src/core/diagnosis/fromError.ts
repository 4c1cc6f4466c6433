// Turns whatever a flow threw into the Failure shape the knowledge base reads.
import type { Failure } from './types';
import {
  AuthorizationCallbackError,
  RingCentralApiError,
  SessionEndedError,
  TransportError,
  UnexpectedResponseError,
} from '../errors';

export function failureFromError(error: unknown): Failure | undefined {
  if (error instanceof SessionEndedError) return { kind: 'api', info: error.cause.info };
  if (error instanceof RingCentralApiError) return { kind: 'api', info: error.info };
  if (error instanceof TransportError)
    return { kind: 'transport', code: error.code, message: error.message, url: error.url };
  if (error instanceof UnexpectedResponseError) {
    return {
      kind: 'http',
      status: error.status,
      contentType: error.contentType,
      body: error.body,
      ...(error.location ? { location: error.location } : {}),
    };
  }
  if (error instanceof AuthorizationCallbackError)
    return { kind: 'callback', error: error.error, description: error.description };
  return undefined;
}
