// Permissions: what the current token was granted, and which app permission an API call needs.
import type { PermissionCheck } from '../../core/permissions/permissions';
import type { PanelContext } from '../context';
import { append, chip, code, el, field, statusBadge } from '../dom';
import { section } from '../layout';
import { HTTP_METHODS, type HttpMethod } from '../protocol';

export function renderPermissions(ctx: PanelContext): HTMLElement {
  const { state, ui } = ctx;
  const body: HTMLElement[] = [
    el('p', {
      text: 'Permissions (scopes) are set on the app in the Developer Console (your app → Settings → Application scopes), not in the sign-in request. After you change them, sign in again: a token only carries the permissions the app had when it was issued.',
    }),
  ];
  const granted =
    state.session && Array.isArray(state.session.scope)
      ? state.session.scope
      : state.permission &&
          Array.isArray(state.permission.grantedPermissions) &&
          state.permission.grantedPermissions.length > 0
        ? state.permission.grantedPermissions
        : undefined;
  body.push(
    el('div', { className: 'granted' }, [
      el('span', { className: 'label', text: 'Granted to the current token' }),
      granted
        ? granted.length > 0
          ? el(
              'span',
              { className: 'chips' },
              granted.map((p) => chip(p)),
            )
          : el('span', { className: 'muted', text: 'none' })
        : el('span', { className: 'muted', text: 'not signed in' }),
    ]),
  );

  const select = el(
    'select',
    {
      attrs: { id: 'permission-method', 'aria-label': 'HTTP method', 'data-focus-key': 'permission-method' },
      on: {
        change: (e) => {
          ui.permissionMethod = (e.target as HTMLSelectElement).value as HttpMethod;
          ctx.persist();
        },
      },
    },
    HTTP_METHODS.map((m) => el('option', { text: m, attrs: { value: m } })),
  );
  select.value = ui.permissionMethod;
  const path = el('input', {
    attrs: {
      id: 'permission-path',
      type: 'text',
      spellcheck: 'false',
      placeholder: '/restapi/v1.0/account/~/extension/~/call-log',
      'data-focus-key': 'permission-path',
    },
    on: {
      input: (e) => {
        ui.permissionPath = (e.target as HTMLInputElement).value;
        ctx.persist();
      },
    },
  });
  path.value = ui.permissionPath;
  body.push(
    el(
      'form',
      {
        className: 'inline-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            ctx.post({ command: 'checkPermission', method: ui.permissionMethod, path: ui.permissionPath });
          },
        },
      },
      [
        el('label', { className: 'visually-hidden', text: 'API path', attrs: { for: 'permission-path' } }),
        select,
        path,
        el('button', {
          className: 'button',
          text: 'Check',
          attrs: { type: 'submit', 'data-focus-key': 'permission-check' },
        }),
      ],
    ),
  );
  if (state.permission) body.push(checkResult(state.permission));
  return section(ctx, 'permissions', 'Permissions', body);
}

function checkResult(p: PermissionCheck): HTMLElement {
  const result = el('div', { className: 'permission-result' }, [
    el('div', { className: 'permission-request' }, [code(p.method + ' ' + p.path)]),
  ]);
  const op = p.operation;
  if (!op) {
    return append(
      result,
      el('p', {
        className: 'warning',
        text:
          "No operation in RingCentral's API matches " +
          p.method +
          ' ' +
          p.path +
          '. Check the path (it starts with /restapi/v1.0/ or /team-messaging/v1/…).',
      }),
    );
  }
  let grantedNode: HTMLElement;
  if (!op.appPermission) grantedNode = el('span', { className: 'muted', text: 'no app permission needed' });
  else if (p.granted === true) grantedNode = statusBadge(true, 'yes, the token has ' + op.appPermission, '');
  else if (p.granted === false)
    grantedNode = statusBadge(
      false,
      '',
      'no: add ' + op.appPermission + ' to the app in the Developer Console, then sign in again',
    );
  else grantedNode = el('span', { className: 'muted', text: 'unknown (not signed in)' });
  append(
    result,
    el('dl', { className: 'fields' }, [
      ...field('Operation', [
        el('span', { text: op.summary || op.operationId }),
        ' ',
        el('span', { className: 'muted' }, ['(', code(op.operationId), ')']),
      ]),
      ...field('Path', code(op.pathTemplate)),
      ...field(
        'Required app permission',
        op.appPermission ? chip(op.appPermission, 'permission') : el('span', { className: 'muted', text: 'none' }),
      ),
      ...field('Granted', grantedNode),
      ...field(
        'User permission',
        op.userPermission ? code(op.userPermission) : el('span', { className: 'muted', text: 'none' }),
      ),
    ]),
  );
  if (op.userPermission) {
    append(
      result,
      el('p', {
        className: 'muted',
        text: 'The user permission is set per user or role in the RingCentral admin portal; without it the call fails even when the app has the permission.',
      }),
    );
  }
  return result;
}
