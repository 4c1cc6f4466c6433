// The users (extensions) of the emulator's one account. Ada is the default: auto-approve, the consent page's
// preselection and console calls without a user all mean her, so tests written for one user keep working.
import { DemoUser } from './types';

export const DEMO_USER: DemoUser = {
  id: '62264425004',
  accountId: '62264425001',
  extensionNumber: '101',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
};

export const SECOND_USER: DemoUser = {
  id: '62264425005',
  accountId: DEMO_USER.accountId,
  extensionNumber: '102',
  name: 'Grace Hopper',
  email: 'grace@example.com',
};

export const DEMO_USERS: readonly DemoUser[] = [DEMO_USER, SECOND_USER];

// Shared by every emulator in the process: frozen so no test can rename another's user.
for (const value of [DEMO_USER, SECOND_USER, DEMO_USERS]) {
  Object.freeze(value);
}

export class UserDirectory {
  private readonly users = new Map<string, DemoUser>(DEMO_USERS.map((user) => [user.id, user]));

  get defaultUser(): DemoUser {
    return this.users.get(DEMO_USER.id) as DemoUser;
  }

  list(): DemoUser[] {
    return [...this.users.values()];
  }

  find(id: string | undefined | null): DemoUser | undefined {
    return id ? this.users.get(id) : undefined;
  }

  /** By id, email or extension number, as a login form or `login_hint` would name a user. */
  findByLogin(login: string | undefined | null): DemoUser | undefined {
    const wanted = (login ?? '').trim().toLowerCase();
    if (!wanted) {
      return undefined;
    }
    return this.list().find(
      (user) => user.id === wanted || user.email.toLowerCase() === wanted || user.extensionNumber === wanted,
    );
  }

  /** Throws with a readable message when no such user exists (console input). */
  require(id: unknown): DemoUser {
    if (id === undefined || id === null || id === '') {
      return this.defaultUser;
    }
    const user = typeof id === 'string' ? this.find(id) : undefined;
    if (!user) {
      throw new Error(
        `No user with id ${String(id)}; known: ${this.list()
          .map((u) => `${u.id} (${u.name})`)
          .join(', ')}`,
      );
    }
    return user;
  }

  rename(id: string, name: string): DemoUser {
    const renamed = { ...this.require(id), name };
    this.users.set(renamed.id, renamed);
    return renamed;
  }
}
