import type { Migration } from '../module';
import * as m001 from './2026_11_28_001_create_accounts';
import * as m002 from './2026_11_28_002_create_audit_log';

export const platformMigrations: Migration[] = [
  { name: '2026_11_28_001_create_accounts', ...m001 },
  { name: '2026_11_28_002_create_audit_log', ...m002 },
];
