// Every command this extension contributes, by one name each: package.json's `contributes.commands` lists the same
// ids (a unit test checks both ways). Code says COMMANDS.signIn, never the string.
export const COMMANDS = {
  signIn: 'ringcentral.signIn',
  signOut: 'ringcentral.signOut',
  refreshToken: 'ringcentral.refreshToken',
  setClientSecret: 'ringcentral.setClientSecret',
  configureApp: 'ringcentral.configureApp',
  copyAccessToken: 'ringcentral.copyAccessToken',
  showLog: 'ringcentral.showLog',
  openDiagnostics: 'ringcentral.openDiagnostics',
  explainError: 'ringcentral.explainError',
  checkRedirectUri: 'ringcentral.checkRedirectUri',
  checkPermissions: 'ringcentral.checkPermissions',
  statusBarMenu: 'ringcentral.statusBarMenu',
  sessionInfo: 'ringcentral.sessionInfo',
  signInWithJwt: 'ringcentral.signInWithJwt',
  addProfile: 'ringcentral.addProfile',
  listProfiles: 'ringcentral.listProfiles',
  switchProfile: 'ringcentral.switchProfile',
  editProfile: 'ringcentral.editProfile',
  terminalEnvironment: 'ringcentral.terminalEnvironment',
  exportPostman: 'ringcentral.exportPostman',
  exportHttpFile: 'ringcentral.exportHttpFile',
  generateSignInCode: 'ringcentral.generateSignInCode',
  tryApiCall: 'ringcentral.tryApiCall',
  /** Which walkthrough steps the extension has seen happen (for tests); `{ reset: true }` clears them. */
  walkthroughProgress: 'ringcentral.walkthroughProgress',
  /** Command variables for launch.json and tasks.json: ${command:ringcentral.accessToken} and the two below. */
  accessToken: 'ringcentral.accessToken',
  server: 'ringcentral.server',
  clientId: 'ringcentral.clientId',
  /** The diagnostics panel's "Copy as curl" on a trace step (hidden from the palette: it needs the step). */
  copyStepAsCurl: 'ringcentral.copyStepAsCurl',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
