// Codes the facts file gives a specific meaning that older tables filed under "account or login state":
// OAU-164 (revocation with an invalid client), OAU-167 (realm), and the app's release state (OAU-127, older "Bad
// Application Release Status"). OAU-347 (JWT signing algorithm) is in ./jwtFlowEntries.
import { docs } from '../developerConsole';
import {
  configureAppFix,
  consoleFix,
  docsFix,
  setSecretFix,
  settingFix,
  signInFix,
  supportFix,
  type KnowledgeEntry,
} from '../entryKit';

export const revokeInvalidClient: KnowledgeEntry = {
  id: 'revoke-invalid-client',
  codes: ['OAU-164'],
  explain: ({ context: ctx }) => ({
    summary: 'RingCentral refused to revoke the token: the client (app) making the revoke request is not valid for it.',
    causes: [
      [
        80,
        "The revoke request authenticates with another app's client id or secret than the one that issued the token, or with none for a confidential app.",
      ],
      [50, 'The client secret was regenerated since signing in.'],
    ],
    fixes: [
      [85, setSecretFix('Revoke with the same client id and secret that issued the token.')],
      [60, configureAppFix('Check the client id.')],
      [40, signInFix('If the session must end anyway, signing in again replaces it.')],
      [30, consoleFix(ctx, "Open the app's credentials")],
    ],
  }),
};

export const realmRestricted: KnowledgeEntry = {
  id: 'realm-restricted',
  codes: ['OAU-167'],
  compatibleErrors: ['invalid_client'],
  messages: ['account access restricted by realmid', 'restricted by realmid'],
  explain: ({ context: ctx }) => ({
    summary: "The account cannot be reached from this app's realm (brand or region). The client id itself is fine.",
    causes: [
      [
        80,
        "The user's account belongs to another RingCentral realm or brand (e.g. a partner brand or another region) than the app is registered for.",
      ],
      [
        50,
        'The server is the right one for the app but not for the account (for example platform.ringcentral.com vs a partner platform).',
      ],
    ],
    fixes: [
      [
        85,
        configureAppFix(
          "Use an app registered for the account's brand/realm, or sign in with an account in the app's realm.",
          'Use an app for that realm',
        ),
      ],
      [60, settingFix('ringcentral.server', 'Check the server setting')],
      [40, supportFix('OAU-167')],
      [30, consoleFix(ctx, 'Open the app in the Developer Console')],
    ],
  }),
};

export const appReleaseInvalid: KnowledgeEntry = {
  id: 'app-release-invalid',
  codes: ['OAU-127'],
  compatibleErrors: ['invalid_client', 'unauthorized_client'],
  messages: ['invalid application release', 'bad application release status'],
  explain: ({ context: ctx }) => ({
    summary:
      'The app may not be used here in its current release state (blocked, not yet in production, or for another environment).',
    causes: [
      [
        75,
        'The app is blocked, or its credentials belong to another environment (a sandbox app used on production, or the other way round).',
      ],
      [55, 'The app has not been graduated to production yet, so production accounts cannot use it.'],
    ],
    fixes: [
      [85, configureAppFix('Use the credentials that belong to this server.', 'Check the client id and server')],
      [70, consoleFix(ctx, "Check the app's status in the Developer Console")],
      [50, docsFix(docs.production, 'Read about moving an app to production')],
      [40, supportFix('OAU-127')],
    ],
  }),
};

export const appRestrictionEntries: KnowledgeEntry[] = [revokeInvalidClient, realmRestricted, appReleaseInvalid];
