// Which flow do I need? Static guidance: authorization code + PKCE (this extension), JWT, the password flow.
import type { PanelContext } from '../context';
import { chip, el } from '../dom';
import { section } from '../layout';

function flow(title: string, tag: { text: string; kind: string } | undefined, paragraphs: string[]): HTMLElement {
  return el('div', { className: 'flow' }, [
    el('h3', {}, [title, tag ? chip(tag.text, tag.kind) : undefined]),
    ...paragraphs.map((text) => el('p', { text })),
  ]);
}

function faq(question: string, answer: string): HTMLElement {
  return el('div', { className: 'faq' }, [el('h3', { text: question }), el('p', { text: answer })]);
}

export function renderFlows(ctx: PanelContext): HTMLElement {
  const body = [
    el('div', { className: 'flows' }, [
      flow('Authorization code + PKCE', { text: 'this extension', kind: 'ok' }, [
        'A user signs in with their own account in a browser and approves the app. For desktop tools, editors, web and mobile apps.',
        'The app gets a short-lived access token and a refresh token; PKCE means no client secret has to ship with the app. This extension uses this flow.',
      ]),
      flow('JWT', { text: 'no browser', kind: 'muted' }, [
        'Server-to-server: bots, scheduled jobs and scripts that act as one user without anyone signing in.',
        'Create the app with the auth type "JWT auth flow", then create a JWT credential for the user in the Developer Console (Credentials → JWT). The JWT is exchanged for an access token; keep it as secret as a password.',
      ]),
      flow('Password flow', { text: 'deprecated', kind: 'failed' }, [
        'Username and password sent by the app. Deprecated, and it reached end of life on 2024-03-31.',
        'It fails for accounts with multi-factor authentication (OAU-168). Move to JWT for scripts, or to authorization code for users.',
      ]),
    ]),
    faq(
      'Why is the authorize call a GET when the docs list form parameters?',
      'The authorize step is a browser navigation, not an API call: the app opens /restapi/oauth/authorize with client_id, redirect_uri, state and the PKCE challenge in the query string, and the user signs in on that page. Only the token endpoint (/restapi/oauth/token) takes a form POST.',
    ),
    faq(
      'Where do I set permissions?',
      'On the app, in the Developer Console (Settings → Application scopes), not in the request: the scope parameter cannot add permissions the app does not have. Sign in again after changing them.',
    ),
  ];
  return section(ctx, 'flows', 'Which flow do I need?', body);
}
