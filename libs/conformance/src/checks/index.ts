import type { Check } from '../check';
import { aggregationChecks } from './aggregation';
import { authChecks } from './auth';
import { basicChecks } from './basic';
import { bulkChecks } from './bulk';
import { cachingChecks } from './caching';
import { columnOverheadChecks } from './column-overhead';
import { nPlusOneChecks } from './n-plus-one';
import { paginationChecks } from './pagination';
import { searchChecks } from './search';
import { serverConfigChecks } from './server-config';
import { statementChecks } from './statements';
import { transactionChecks } from './transactions';
import { userChecks } from './users';

/**
 * Every check, in run order. Read-only checks of the seed come before the mutating ones;
 * each mutating check restores what it changed.
 */
export const allChecks: readonly Check[] = [
  ...basicChecks,
  ...userChecks,
  ...paginationChecks,
  ...columnOverheadChecks,
  ...nPlusOneChecks,
  ...aggregationChecks,
  ...serverConfigChecks,
  ...searchChecks,
  ...authChecks,
  ...cachingChecks,
  ...transactionChecks,
  ...bulkChecks,
  ...statementChecks,
];
