// The context keys that tick the steps of the "Set up RingCentral OAuth" walkthrough (package.json
// `contributes.walkthroughs`, `completionEvents: onContext:<key>`); a unit test checks both name the same keys.
export const WALKTHROUGH_CONTEXT_KEYS = {
  /** Check Redirect URI matched a registered URI, RingCentral's pre-flight accepted it, or an auth-code sign-in came back. */
  redirectChecked: 'ringcentral.walkthrough.redirectChecked',
  /** Check Permissions ran for an API call. */
  permissionsChecked: 'ringcentral.walkthrough.permissionsChecked',
  /** A session exists. */
  signedIn: 'ringcentral.walkthrough.signedIn',
  /** Try an API Call got an answer below 300. */
  apiCallSucceeded: 'ringcentral.walkthrough.apiCallSucceeded',
  /** Export to Postman or Generate Sign-In Code wrote a file. */
  exported: 'ringcentral.walkthrough.exported',
} as const;

export type WalkthroughStep = keyof typeof WALKTHROUGH_CONTEXT_KEYS;

/** package.json's walkthrough id; VS Code names it `rcdevtools.ringcentral-oauth#setUpRingCentralOAuth`. */
export const WALKTHROUGH_ID = 'setUpRingCentralOAuth';
