// Every benchmark section, in the order `npm run bench` runs and prints them.
import { captureCost } from './capture-cost';
import { checkerSection } from './checker';
import { eventToPanelSection } from './event-to-panel';
import type { BenchSection } from './figure';
import { pageOverhead } from './page-overhead';
import { panelScaleSection } from './panel-scale';
import { storeSection } from './store';

export const sections: readonly BenchSection[] = [
  pageOverhead,
  captureCost,
  eventToPanelSection,
  panelScaleSection,
  checkerSection,
  storeSection,
];
