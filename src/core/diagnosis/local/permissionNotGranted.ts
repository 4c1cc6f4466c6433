// An API call stopped on this machine because the session's token lacks the app permission the call needs (from
// RingCentral's OpenAPI spec). It is explained as RingCentral would answer it (CMN-401, app-permission-missing), with
// the same fixes — Check Permissions, add it in the Developer Console, sign in again — and says nothing was sent.
import { diagnose } from '../diagnose';
import type { Diagnosis, DiagnosisContext } from '../types';

export interface PermissionNotGranted {
  method: string;
  path: string;
  /** The operation's x-app-permission. */
  permission: string;
  /** What the token's `scope` grants. */
  granted: readonly string[];
}

export function explainPermissionNotGranted(input: PermissionNotGranted, context: DiagnosisContext = {}): Diagnosis {
  const predicted = diagnose(
    {
      kind: 'api',
      info: { status: 403, code: 'CMN-401', topLevelCode: 'InsufficientPermissions', permissionName: input.permission },
    },
    { ...context, phase: 'api' },
  );
  // RingCentral said nothing: no server message.
  const { serverMessage: _none, ...answer } = predicted;
  const scope = input.granted.length > 0 ? input.granted.join(', ') : 'no permissions';
  return {
    ...answer,
    summary: `Not sent: ${input.method} ${input.path} needs the app permission ${input.permission}, which this session's token does not have.`,
    causes: [
      `RingCentral's API reference lists ${input.permission} for this call; the token was issued with ${scope}. RingCentral would answer 403 CMN-401 "In order to call this API endpoint, application needs to have [${input.permission}] permission".`,
      ...answer.causes,
    ],
    checkedLocally: true,
  };
}
