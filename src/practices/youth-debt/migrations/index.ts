import type { Migration } from '../../../platform/module';
import * as m101 from './2026_11_29_101_youth_debt_participants';

export const migrations: Migration[] = [{ name: '2026_11_29_101_youth_debt_participants', ...m101 }];
