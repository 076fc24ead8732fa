// Every benchmark section, in the order `npm run bench` runs and prints them.
import { captureCost } from './capture-cost';
import { checkerSection } from './checker';
import { eventToPanelSection } from './event-to-panel';
import type { BenchSection } from './figure';
import { harPairingSection } from './har-pairing';
import { pageOverhead } from './page-overhead';
import { panelScaleSection } from './panel-scale';
import { storeSection } from './store';

// The checker runs first: timed after the browser sections, in a process whose heap still held
// their 10,000-call fixtures, it measured 126,000 verdicts/s against 213,000–239,000 on its own.
export const sections: readonly BenchSection[] = [
  checkerSection,
  pageOverhead,
  captureCost,
  eventToPanelSection,
  panelScaleSection,
  storeSection,
  harPairingSection,
];
