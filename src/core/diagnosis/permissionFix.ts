// "Where are permissions set?" Every diagnosis that names a permission says which side the fix is on:
// the app (Developer Console, then a new sign-in) or the user's role (an admin, in the admin portal).
import type { PermissionFixSide } from './types';

export function permissionFixText(side: PermissionFixSide, permission: string | undefined): string {
  const p = permission ?? 'the permission';
  return side === 'app'
    ? `Fix it on the app: add ${p} in the Developer Console (your app → Settings → app permissions), then sign in again.`
    : `Fix it on the user's role: an account admin gives the user a role with ${p} in the RingCentral admin portal (Users → the user → Roles and Permissions); the app's settings cannot change this.`;
}
