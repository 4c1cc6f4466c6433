// The REST API slice the extension needs: GET /restapi/v1.0/account/~/extension/~ ("who am I", ReadAccounts), and
// the user's personal contacts under …/extension/~/address-book/contact (list and read: ReadContacts; create:
// Contacts), so Try an API Call has a read and a write to show. Each route needs its app permission, as RingCentral's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorContext } from './context';
import { RestError, restErrors } from './errors';
import { sendJson } from './http';
import { DemoUser } from './types';

type Handler = (ctx: EmulatorContext, user: DemoUser, res: ServerResponse, body: string, id?: string) => void;

interface Route {
  /** Method → the app permission it needs and what answers it. */
  methods: Record<string, { permission: string; handle: Handler }>;
}

function sendRestError(res: ServerResponse, error: RestError): void {
  sendJson(res, error.status, error.body);
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : undefined;
}

function extensionUri(ctx: EmulatorContext, user: DemoUser): string {
  return `${ctx.baseUrl}/restapi/v1.0/account/${user.accountId}/extension/${user.id}`;
}

const whoAmI: Handler = (ctx, user, res) => {
  const [firstName, ...rest] = user.name.split(' ');
  const accountUri = `${ctx.baseUrl}/restapi/v1.0/account/${user.accountId}`;
  sendJson(res, 200, {
    id: Number(user.id),
    uri: extensionUri(ctx, user),
    extensionNumber: user.extensionNumber,
    name: user.name,
    contact: { firstName, lastName: rest.join(' '), email: user.email },
    account: { id: user.accountId, uri: accountUri },
    status: 'Enabled',
    type: 'User',
  });
};

const listContacts: Handler = (ctx, user, res) => {
  const records = ctx.addressBook.list(user.id);
  sendJson(res, 200, {
    uri: `${extensionUri(ctx, user)}/address-book/contact`,
    records,
    paging: { page: 1, perPage: 100, totalPages: 1, totalElements: records.length },
    navigation: {},
  });
};

const createContact: Handler = (ctx, user, res, body) => {
  let parsed: unknown;
  try {
    parsed = body.trim() === '' ? undefined : JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const created = ctx.addressBook.add(user.id, `${extensionUri(ctx, user)}/address-book/contact`, parsed);
  if ('status' in created) sendRestError(res, created);
  else sendJson(res, 200, created);
};

const readContact: Handler = (ctx, user, res, _body, id) => {
  const contact = id === undefined ? undefined : ctx.addressBook.find(user.id, id);
  if (contact) sendJson(res, 200, contact);
  else sendRestError(res, restErrors.notFound(`address-book/contact/${id ?? ''}`));
};

const ROUTES: Record<'extension' | 'contacts' | 'contact', Route> = {
  extension: { methods: { GET: { permission: 'ReadAccounts', handle: whoAmI } } },
  contacts: {
    methods: {
      GET: { permission: 'ReadContacts', handle: listContacts },
      POST: { permission: 'Contacts', handle: createContact },
    },
  },
  contact: { methods: { GET: { permission: 'ReadContacts', handle: readContact } } },
};

/** Which route a path is, for the token owner's own extension addressed by `~` or by id. */
function routeOf(user: DemoUser, path: string): { route: Route; id?: string } | undefined {
  const match =
    /^\/restapi\/v1\.0\/account\/([^/]+)\/extension\/([^/]+)(\/address-book\/contact(?:\/([^/]+))?)?\/?$/.exec(path);
  if (!match) return undefined;
  const own = (match[1] === '~' || match[1] === user.accountId) && (match[2] === '~' || match[2] === user.id);
  if (!own) return undefined;
  if (!match[3]) return { route: ROUTES.extension };
  return match[4] === undefined ? { route: ROUTES.contacts } : { route: ROUTES.contact, id: match[4] };
}

export function handleApi(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL, body = ''): void {
  const check = ctx.tokens.checkAccess(bearerToken(req.headers.authorization));
  if (!check.ok) {
    sendRestError(res, check.reason === 'expired' ? restErrors.tokenExpired() : restErrors.tokenInvalid());
    return;
  }
  // Who am I is the token's owner: the user who approved the sign-in, or the JWT credential's user.
  const user = ctx.users.find(check.ownerId);
  const found = user && routeOf(user, url.pathname);
  if (!user || !found) {
    sendRestError(res, restErrors.notFound(url.pathname));
    return;
  }
  const method = found.route.methods[req.method ?? 'GET'];
  if (!method) {
    sendJson(res, 405, restErrors.methodNotAllowed().body, { Allow: Object.keys(found.route.methods).join(', ') });
    return;
  }
  if (!check.scope.includes(method.permission)) {
    sendRestError(res, restErrors.insufficientPermissions(method.permission));
    return;
  }
  method.handle(ctx, user, res, body, found.id);
}
