import { areasUi } from '../core/areas/ui';
import { ladderUi } from '../core/ladder/ui';
import { observationsUi } from '../core/observations/ui';
import { learningUi } from '../core/learning/ui';
import { rulesUi } from '../core/rules/ui';
import { workspacesUi } from '../core/workspaces/ui';
import { indicatorsUi } from '../core/indicators/ui';
import { reportsUi } from '../core/reports/ui';
import { youthDebtUi } from '../practices/youth-debt/ui';
import { collectModuleUis } from './module-ui';

/** The web side of src/modules.ts: every module's UI, in the same order. */
export const moduleUis = collectModuleUis([workspacesUi, areasUi, ladderUi, observationsUi, rulesUi, learningUi, indicatorsUi, reportsUi, youthDebtUi]);
