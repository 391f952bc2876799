import { readFileSync } from 'node:fs';

/** The version in package.json, as reported by /api/health and the CLI. */
export const packageVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
