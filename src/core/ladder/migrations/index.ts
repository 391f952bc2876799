import type { Migration } from '../../../platform/module';
import * as m001 from './2026_11_28_001_create_ladder';
import * as m002 from './2026_11_29_002_ladder_version';

export const migrations: Migration[] = [
  { name: '2026_11_28_001_create_ladder', ...m001 },
  { name: '2026_11_29_002_ladder_version', ...m002 },
];
