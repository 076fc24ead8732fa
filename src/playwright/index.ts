// The Playwright kit: `import { readCorsReport } from 'cors-lens/playwright'`.
export { findTabId, readCorsReport, type ReadReportOptions } from './read-report';
export { launchWithCorsLens, extensionWorker, type LaunchOptions, type LaunchedBrowser } from './launch';
export { findChromium } from './chromium';
export type { CorsReport, ReportCall } from '../shared/report';
