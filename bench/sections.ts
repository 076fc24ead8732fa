// Every benchmark section, in the order `npm run bench` runs and prints them.
import { captureCost } from './capture-cost';
import type { BenchSection } from './figure';
import { pageOverhead } from './page-overhead';

export const sections: readonly BenchSection[] = [pageOverhead, captureCost];
