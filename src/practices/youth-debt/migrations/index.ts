import type { Migration } from '../../../platform/module';
import * as m101 from './2026_11_29_101_youth_debt_participants';
import * as m102 from './2026_11_29_102_youth_debt_offers';
import * as m103 from './2026_11_29_103_youth_debt_plan';
import * as m104 from './2026_11_29_104_youth_debt_questionnaires';
import * as m106 from './2026_11_29_106_youth_debt_toolkit';
import * as m107 from './2026_11_29_107_youth_debt_fund';
import * as m108 from './2026_11_29_108_youth_debt_mkba';
import * as m109 from './2026_11_29_109_youth_debt_versions';
import * as m110 from './2026_11_29_110_youth_debt_contact_story';
import * as m111 from './2026_11_29_111_youth_debt_debt_documents';

export const migrations: Migration[] = [{ name: '2026_11_29_101_youth_debt_participants', ...m101 }, { name: '2026_11_29_102_youth_debt_offers', ...m102 }, { name: '2026_11_29_103_youth_debt_plan', ...m103 }, { name: '2026_11_29_104_youth_debt_questionnaires', ...m104 }, { name: '2026_11_29_106_youth_debt_toolkit', ...m106 }, { name: '2026_11_29_107_youth_debt_fund', ...m107 }, { name: '2026_11_29_108_youth_debt_mkba', ...m108 }, { name: '2026_11_29_109_youth_debt_versions', ...m109 }, { name: '2026_11_29_110_youth_debt_contact_story', ...m110 }, { name: '2026_11_29_111_youth_debt_debt_documents', ...m111 }];
