// Every benchmark section, in the order `npm run bench` runs and prints them.
import { checkerSection } from './checker';
import type { BenchSection } from './figure';

export const sections: readonly BenchSection[] = [checkerSection];
