import * as assert from 'node:assert/strict';
import { describeErrorInfo, parseErrorBody, parseRetryAfter } from '../../../src/core/ringcentral/ringcentralError';
import { classifyTransportError } from '../../../src/core/ringcentral/transport';
import { RingCentralApiError, TransportError, UnexpectedResponseError } from '../../../src/core/errors';

describe('ringcentralError', () => {
  describe('parseErrorBody', () => {
    it('reads an OAuth error body, keyed on errors[0].errorCode', () => {
      const body = {
        error: 'invalid_client',
        error_description: 'No redirect uri is registered for the client',
        errors: [{ errorCode: 'OAU-113', message: 'No redirect uri is registered for the client' }],
      };
      assert.deepEqual(parseErrorBody(body, 400), {
        status: 400,
        code: 'OAU-113',
        topLevelCode: undefined,
        error: 'invalid_client',
        message: 'No redirect uri is registered for the client',
        description: 'No redirect uri is registered for the client',
        permissionName: undefined,
        retryAfterSeconds: undefined,
      });
    });

    it('reads a REST CMN-401 body with its permission and the top-level code', () => {
      const message = 'In order to call this API endpoint, application needs to have [ReadAccounts] permission';
      const info = parseErrorBody(
        {
          errorCode: 'InsufficientPermissions',
          message,
          errors: [{ errorCode: 'CMN-401', message, permissionName: 'ReadAccounts' }],
          permissionName: 'ReadAccounts',
        },
        403,
      );
      assert.equal(info?.code, 'CMN-401');
      assert.equal(info?.topLevelCode, 'InsufficientPermissions');
      assert.equal(info?.permissionName, 'ReadAccounts');
      assert.equal(info?.message, message);
      assert.equal(info?.status, 403);
    });

    it('uses the top-level errorCode when there are no entries, and does not repeat it as topLevelCode', () => {
      const info = parseErrorBody({ errorCode: 'TokenInvalid', message: 'Unparseable access token' }, 401);
      assert.equal(info?.code, 'TokenInvalid');
      assert.equal(info?.topLevelCode, undefined);
      assert.equal(info?.message, 'Unparseable access token');
    });

    it('keeps Retry-After seconds for a 429', () => {
      const info = parseErrorBody(
        {
          errorCode: 'CMN-301',
          message: 'Request rate exceeded',
          errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }],
        },
        429,
        60,
      );
      assert.equal(info?.code, 'CMN-301');
      assert.equal(info?.retryAfterSeconds, 60);
    });

    it('skips non-object entries in errors', () => {
      assert.equal(
        parseErrorBody({ errors: [null, 'x', { errorCode: 'OAU-106', message: 'Invalid authorization code' }] })?.code,
        'OAU-106',
      );
    });

    it('reads a body with only error / error_description', () => {
      const info = parseErrorBody({ error: 'invalid_grant', error_description: 'Token not found' });
      assert.equal(info?.code, undefined);
      assert.equal(info?.error, 'invalid_grant');
      assert.equal(info?.description, 'Token not found');
    });

    it('returns undefined for values that are not RingCentral errors', () => {
      for (const body of [
        undefined,
        null,
        'text',
        42,
        [],
        ['OAU-113'],
        {},
        { access_token: 'x' },
        { errorCode: '', message: '' },
      ]) {
        assert.equal(parseErrorBody(body, 500), undefined, JSON.stringify(body));
      }
    });
  });

  describe('describeErrorInfo', () => {
    it('joins code, message and OAuth error', () => {
      assert.equal(
        describeErrorInfo({
          code: 'OAU-113',
          message: 'No redirect uri is registered for the client',
          error: 'invalid_client',
        }),
        'OAU-113 No redirect uri is registered for the client (invalid_client)',
      );
    });

    it('falls back to the description, then to a generic text', () => {
      assert.equal(
        describeErrorInfo({ description: 'Token not found', error: 'invalid_grant' }),
        'Token not found (invalid_grant)',
      );
      assert.equal(describeErrorInfo({}), 'RingCentral returned an error');
      assert.equal(describeErrorInfo({ code: 'CMN-301' }), 'CMN-301 RingCentral returned an error');
    });

    it('does not repeat an error equal to the text', () => {
      assert.equal(describeErrorInfo({ error: 'access_denied', description: 'access_denied' }), 'access_denied');
    });
  });

  describe('parseRetryAfter', () => {
    const NOW = Date.UTC(2025, 0, 1, 0, 0, 0);
    it('reads seconds, rounding up', () => {
      assert.equal(parseRetryAfter('60', NOW), 60);
      assert.equal(parseRetryAfter(' 1.2 ', NOW), 2);
      assert.equal(parseRetryAfter('0', NOW), 0);
    });
    it('reads an HTTP date relative to now', () => {
      assert.equal(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW), 30);
      assert.equal(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW), 0);
    });
    it('is undefined when absent or unreadable', () => {
      assert.equal(parseRetryAfter(null, NOW), undefined);
      assert.equal(parseRetryAfter('', NOW), undefined);
      assert.equal(parseRetryAfter('soon', NOW), undefined);
      assert.equal(parseRetryAfter('-5', NOW), undefined);
    });
  });

  describe('error classes', () => {
    it('RingCentralApiError carries the info and a readable message', () => {
      const error = new RingCentralApiError({
        status: 401,
        code: 'OAU-146',
        message: 'Invalid client credentials',
        error: 'invalid_client',
      });
      assert.ok(error instanceof Error);
      assert.equal(error.kind, 'api');
      assert.equal(error.name, 'RingCentralApiError');
      assert.equal(error.message, 'OAU-146 Invalid client credentials (invalid_client)');
      assert.equal(error.info.status, 401);
    });

    it('TransportError and UnexpectedResponseError carry their kind and data', () => {
      const transport = new TransportError('ECONNREFUSED', 'refused', 'http://127.0.0.1:1/x');
      assert.equal(transport.kind, 'transport');
      assert.equal(transport.code, 'ECONNREFUSED');
      assert.equal(transport.url, 'http://127.0.0.1:1/x');
      assert.equal(transport.name, 'TransportError');
      const unexpected = new UnexpectedResponseError(502, 'text/html', '<html>', 'HTML page');
      assert.equal(unexpected.kind, 'http');
      assert.equal(unexpected.status, 502);
      assert.equal(unexpected.contentType, 'text/html');
      assert.equal(unexpected.body, '<html>');
      assert.equal(unexpected.name, 'UnexpectedResponseError');
    });
  });

  describe('classifyTransportError', () => {
    const system = (code: string, message = `request failed, reason: ${code}`) =>
      Object.assign(new Error(message), { code });
    const undici = (code: string, message: string) =>
      Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

    it('classifies node-fetch system errors by code', () => {
      assert.equal(classifyTransportError(system('ECONNREFUSED')), 'ECONNREFUSED');
      assert.equal(classifyTransportError(system('ENOTFOUND')), 'ENOTFOUND');
      assert.equal(classifyTransportError(system('EAI_AGAIN')), 'ENOTFOUND');
      assert.equal(
        classifyTransportError(system('ECONNRESET', 'request to x failed, reason: socket hang up')),
        'RESET',
      );
      assert.equal(classifyTransportError(system('EPIPE')), 'RESET');
      assert.equal(classifyTransportError(system('ETIMEDOUT')), 'TIMEOUT');
      assert.equal(classifyTransportError(system('CERT_HAS_EXPIRED')), 'TLS');
      assert.equal(classifyTransportError(system('DEPTH_ZERO_SELF_SIGNED_CERT')), 'TLS');
      assert.equal(classifyTransportError(system('UNABLE_TO_VERIFY_LEAF_SIGNATURE')), 'TLS');
      assert.equal(classifyTransportError(system('ERR_TUNNEL_CONNECTION_FAILED')), 'PROXY');
    });

    it('classifies aborts as timeouts', () => {
      assert.equal(
        classifyTransportError(
          Object.assign(new Error('The user aborted a request.'), { name: 'AbortError', type: 'aborted' }),
        ),
        'TIMEOUT',
      );
      assert.equal(classifyTransportError(new DOMException('This operation was aborted', 'AbortError')), 'TIMEOUT');
    });

    it('classifies Node global fetch (undici) errors by their cause', () => {
      assert.equal(classifyTransportError(undici('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9')), 'ECONNREFUSED');
      assert.equal(
        classifyTransportError(undici('ENOTFOUND', 'getaddrinfo ENOTFOUND nonexistent.invalid')),
        'ENOTFOUND',
      );
      assert.equal(classifyTransportError(undici('UND_ERR_SOCKET', 'other side closed')), 'RESET');
      assert.equal(classifyTransportError(undici('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error')), 'TIMEOUT');
      assert.equal(
        classifyTransportError(undici('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate')),
        'TLS',
      );
    });

    it('anything else is UNKNOWN', () => {
      assert.equal(classifyTransportError(new Error('something odd')), 'UNKNOWN');
      assert.equal(classifyTransportError('a string'), 'UNKNOWN');
      assert.equal(classifyTransportError(undefined), 'UNKNOWN');
    });
  });
});
