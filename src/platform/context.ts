import type { Db } from './db/database';
import type { Locale } from './errors';
import type { EventBus } from './events';

/** The command line acts as the installation's operator, who has the database anyway. */
export const CLI_ACTOR: Actor = { userId: '00000000-0000-0000-0000-000000000000', email: '', name: 'opdrachtregel', isAdmin: true, via: 'cli' };

/** Who acts: a signed-in person, a person through an API token, or the command line. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  /** Administrator of the whole installation (not of a workspace). */
  isAdmin: boolean;
  via: 'session' | 'token' | 'cli' | 'system';
}

/** The workspace a scoped request works in, and the actor's role there. */
export interface WorkspaceScope {
  id: string;
  slug: string;
  name: string;
  role: string;
}

/** Everything a service needs; built by the HTTP edge or the CLI. No HTTP in here. */
export interface ServiceContext {
  db: Db;
  actor: Actor | null;
  locale: Locale;
  events: EventBus;
  workspace?: WorkspaceScope;
}
