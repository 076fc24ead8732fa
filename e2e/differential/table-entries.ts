// Every row the agreement table can hold, in table order. Each differential spec writes the table
// when it ends, from the rows of this run so far, so the last one to end writes all of them.
import { LNA_CASES } from './lna/lna-cases';
import { PAGE_ENDED_CASES } from './page-ended/page-ended-cases';
import { SCENARIOS } from './scenarios';
import { WORKER_SCENARIOS } from './workers/worker-scenarios';

export const TABLE_ENTRIES: readonly { readonly id: string }[] = [...SCENARIOS, ...LNA_CASES, ...WORKER_SCENARIOS, ...PAGE_ENDED_CASES];
