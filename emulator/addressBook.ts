// The signed-in user's personal contacts: enough of RingCentral's address book for a read (ReadContacts) and a write
// (Contacts) to try from the editor. Kept in memory per emulator and user.
import { RestError } from './errors';

export interface Contact {
  id: number;
  uri: string;
  availability: 'Alive';
  firstName?: string;
  lastName?: string;
  email?: string;
  businessPhone?: string;
  mobilePhone?: string;
  company?: string;
}

const FIELDS = ['firstName', 'lastName', 'email', 'businessPhone', 'mobilePhone', 'company'] as const;
const MAX_CONTACTS = 1000;
const MAX_FIELD = 256;

function invalidParameter(name: string, message: string): RestError {
  return {
    status: 400,
    body: {
      errorCode: 'CMN-101',
      message,
      errors: [{ errorCode: 'CMN-101', message, parameterName: name }],
    },
  };
}

export class AddressBook {
  private readonly byUser = new Map<string, Contact[]>();
  private nextId = 1_000_001;

  list(userId: string): Contact[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  find(userId: string, id: string): Contact | undefined {
    return this.byUser.get(userId)?.find((contact) => String(contact.id) === id);
  }

  /** Creates a contact from a JSON body, or says which parameter is wrong (CMN-101, as RingCentral does). */
  add(userId: string, baseUri: string, body: unknown): Contact | RestError {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return invalidParameter('body', 'Parameter [body] value is invalid: send a JSON object');
    }
    const record = body as Record<string, unknown>;
    const contacts = this.byUser.get(userId) ?? [];
    if (contacts.length >= MAX_CONTACTS) {
      return invalidParameter('body', `At most ${MAX_CONTACTS} contacts per user in the emulator`);
    }
    const id = this.nextId++;
    const contact: Contact = { id, uri: `${baseUri}/${id}`, availability: 'Alive' };
    for (const field of FIELDS) {
      const value = record[field];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value.length > MAX_FIELD) {
        return invalidParameter(field, `Parameter [${field}] value is invalid`);
      }
      contact[field] = value;
    }
    contacts.push(contact);
    this.byUser.set(userId, contacts);
    return contact;
  }
}
