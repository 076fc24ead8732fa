// Every benchmark section, in the order `npm run bench` runs and prints them.
import { checkerSection } from './checker';
import { eventToPanelSection } from './event-to-panel';
import type { BenchSection } from './figure';
import { panelScaleSection } from './panel-scale';
import { storeSection } from './store';

export const sections: readonly BenchSection[] = [checkerSection, storeSection, eventToPanelSection, panelScaleSection];
