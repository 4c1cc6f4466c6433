// The REST API slice the extension needs: GET /restapi/v1.0/account/~/extension/~ ("who am I").
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorContext } from './context';
import { RestError, restErrors } from './errors';
import { sendJson } from './http';
import { DemoUser } from './types';

const REQUIRED_PERMISSION = 'ReadAccounts';

function sendRestError(res: ServerResponse, error: RestError): void {
  sendJson(res, error.status, error.body);
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : undefined;
}

/** True for the token owner's own extension, addressed by `~` or by id. */
function isOwnExtension(user: DemoUser, path: string): boolean {
  const match = /^\/restapi\/v1\.0\/account\/([^/]+)\/extension\/([^/]+)\/?$/.exec(path);
  return !!match && (match[1] === '~' || match[1] === user.accountId) && (match[2] === '~' || match[2] === user.id);
}

export function handleApi(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const check = ctx.tokens.checkAccess(bearerToken(req.headers.authorization));
  if (!check.ok) {
    sendRestError(res, check.reason === 'expired' ? restErrors.tokenExpired() : restErrors.tokenInvalid());
    return;
  }
  // Who am I is the token's owner: the user who approved the sign-in, or the JWT credential's user.
  const user = ctx.users.find(check.ownerId);
  if (!user || !isOwnExtension(user, url.pathname)) {
    sendRestError(res, restErrors.notFound(url.pathname));
    return;
  }
  if (req.method !== 'GET') {
    sendJson(res, 405, restErrors.methodNotAllowed().body, { Allow: 'GET' });
    return;
  }
  if (!check.scope.includes(REQUIRED_PERMISSION)) {
    sendRestError(res, restErrors.insufficientPermissions(REQUIRED_PERMISSION));
    return;
  }
  const [firstName, ...rest] = user.name.split(' ');
  const accountUri = `${ctx.baseUrl}/restapi/v1.0/account/${user.accountId}`;
  sendJson(res, 200, {
    id: Number(user.id),
    uri: `${accountUri}/extension/${user.id}`,
    extensionNumber: user.extensionNumber,
    name: user.name,
    contact: { firstName, lastName: rest.join(' '), email: user.email },
    account: { id: user.accountId, uri: accountUri },
    status: 'Enabled',
    type: 'User',
  });
}
