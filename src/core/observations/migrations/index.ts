import type { Migration } from '../../../platform/module';
import * as m001 from './2026_11_28_001_create_observations';

export const migrations: Migration[] = [{ name: '2026_11_28_001_create_observations', ...m001 }];
