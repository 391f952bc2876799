import type { Migration } from '../../../platform/module';
import * as m001 from './2026_11_28_001_create_areas';
import * as m002 from './2026_11_29_002_area_teams';

export const migrations: Migration[] = [
  { name: '2026_11_28_001_create_areas', ...m001 },
  { name: '2026_11_29_002_area_teams', ...m002 },
];
