import type { Migration } from '../../../platform/module';
import * as m001 from './2026_11_28_001_create_observations';
import * as m002 from './2026_11_28_002_observation_attachments';
import * as m003 from './2026_11_28_003_msc';
import * as m004 from './2026_11_28_004_observation_indexes';
import * as m005 from './2026_11_28_005_observation_retention';
import * as m006 from './2026_11_29_006_observation_rules';
import * as m007 from './2026_11_29_007_observation_node_cover';
import * as m008 from './2026_11_29_008_observation_workspace_words';
import * as m009 from './2026_11_29_009_observation_number_sequences';
import * as m010 from './2026_11_29_010_observation_open_created';

export const migrations: Migration[] = [
  { name: '2026_11_28_001_create_observations', ...m001 },
  { name: '2026_11_28_002_observation_attachments', ...m002 },
  { name: '2026_11_28_003_msc', ...m003 },
  { name: '2026_11_28_004_observation_indexes', ...m004 },
  { name: '2026_11_28_005_observation_retention', ...m005 },
  { name: '2026_11_29_006_observation_rules', ...m006 },
  { name: '2026_11_29_007_observation_node_cover', ...m007 },
  { name: '2026_11_29_008_observation_workspace_words', ...m008 },
  { name: '2026_11_29_009_observation_number_sequences', ...m009 },
  { name: '2026_11_29_010_observation_open_created', ...m010 },
];
