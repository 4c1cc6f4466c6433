// The profiles: the settings one first, then the saved ones (global state: a workspace cannot add a profile that
// would send secrets to a server of its choosing). Which one is active is remembered per workspace; a new workspace
// starts with the one chosen last anywhere.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
  newProfileId,
  parseProfiles,
  Profile,
  profileProblem,
  SETTINGS_PROFILE_ID,
  SignInFlow,
} from '../../core/profiles/profile';
import { checkServerUrl } from '../../core/ringcentral/serverUrl';
import { readSettings } from '../settings';

const PROFILES_KEY = 'ringcentral.profiles.v1';
const ACTIVE_KEY = 'ringcentral.activeProfile.v1';

export interface ProfileInput {
  name: string;
  server: string;
  clientId: string;
  flow: SignInFlow;
}

export class ProfileStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** A profile was added, changed, removed or switched to, or the settings behind the settings profile changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly globalState: vscode.Memento,
    private readonly workspaceState: vscode.Memento,
  ) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ringcentral')) this.changed.fire();
    });
  }

  /** The settings profile (when its values are usable) and the saved ones. */
  list(): Profile[] {
    const fromSettings = this.settingsProfile();
    return [...(fromSettings ? [fromSettings] : []), ...this.saved()];
  }

  get(id: string): Profile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  /** The active profile; undefined when it is the settings profile and ringcentral.server is unusable. */
  active(): Profile | undefined {
    const id =
      this.workspaceState.get<string>(ACTIVE_KEY) ?? this.globalState.get<string>(ACTIVE_KEY) ?? SETTINGS_PROFILE_ID;
    // The settings profile with a broken server stays active (Sign In says what is wrong) rather than another one.
    return this.get(id) ?? (id === SETTINGS_PROFILE_ID ? undefined : this.list()[0]);
  }

  activeId(): string {
    return this.active()?.id ?? SETTINGS_PROFILE_ID;
  }

  async setActive(id: string): Promise<void> {
    if (!this.get(id)) throw new Error(`There is no RingCentral profile "${id}".`);
    await this.workspaceState.update(ACTIVE_KEY, id);
    await this.globalState.update(ACTIVE_KEY, id);
    this.changed.fire();
  }

  async add(input: ProfileInput): Promise<Profile> {
    const profile = { ...this.checked(input), id: newProfileId(this.saved(), () => randomBytes(6).toString('hex')) };
    await this.globalState.update(PROFILES_KEY, [...this.saved(), profile]);
    this.changed.fire();
    return profile;
  }

  /** Changes a saved profile (the settings profile is changed through the settings). */
  async update(id: string, input: ProfileInput): Promise<Profile> {
    const profile = { ...this.checked(input), id };
    const saved = this.saved();
    if (!saved.some((candidate) => candidate.id === id))
      throw new Error(`There is no saved RingCentral profile "${id}".`);
    await this.globalState.update(
      PROFILES_KEY,
      saved.map((candidate) => (candidate.id === id ? profile : candidate)),
    );
    this.changed.fire();
    return profile;
  }

  async remove(id: string): Promise<void> {
    await this.globalState.update(
      PROFILES_KEY,
      this.saved().filter((profile) => profile.id !== id),
    );
    if (this.workspaceState.get(ACTIVE_KEY) === id) await this.workspaceState.update(ACTIVE_KEY, undefined);
    if (this.globalState.get(ACTIVE_KEY) === id) await this.globalState.update(ACTIVE_KEY, undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private saved(): Profile[] {
    return parseProfiles(this.globalState.get(PROFILES_KEY));
  }

  private settingsProfile(): Profile | undefined {
    const settings = readSettings();
    if (!settings.server.ok) return undefined;
    return {
      id: SETTINGS_PROFILE_ID,
      name: settings.profileName,
      server: settings.server.url,
      clientId: settings.clientId,
      flow: settings.flow,
    };
  }

  private checked(input: ProfileInput): Omit<Profile, 'id'> {
    const problem = profileProblem(input);
    if (problem) throw new Error(problem);
    const server = checkServerUrl(input.server);
    if (!server.ok) throw new Error(server.message);
    return { name: input.name.trim(), server: server.url, clientId: input.clientId.trim(), flow: input.flow };
  }
}
