import type { Migration } from '../../../platform/module';
import * as m001 from './2026_11_28_001_create_rules';
import * as m002 from './2026_11_28_002_rule_indexes';
import * as m003 from './2026_11_29_003_deviation_node_index';
import * as m101 from './2026_11_29_101_deviation_link_period';

export const migrations: Migration[] = [
  { name: '2026_11_28_001_create_rules', ...m001 },
  { name: '2026_11_28_002_rule_indexes', ...m002 },
  { name: '2026_11_29_003_deviation_node_index', ...m003 },
  { name: '2026_11_29_101_deviation_link_period', ...m101 },
];
