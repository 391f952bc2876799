import { uuidv7 } from 'uuidv7';

/** A new time-ordered id (UUIDv7), as every table uses. */
export const newId = (): string => uuidv7();

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
