import type { Migration } from '../../../platform/module';
import * as m001 from './2026_11_29_001_create_indicators';

export const migrations: Migration[] = [{ name: '2026_11_29_001_create_indicators', ...m001 }];
