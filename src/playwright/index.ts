// The Playwright kit: `import { test, expect } from 'cors-lens/playwright'`.
export { test, bundledExtensionPath, type CorsLensTestOptions, type CorsLensTestFixtures } from './fixture';
export { expect, corsMatchers, type CorsErrorFilter } from './matchers';
export { corsLensFor, type CorsLens, type CorsLensOptions } from './lens';
export { describeCall } from './describe-call';
export { clearCorsLog, findTabId, readCorsReport, type ReadReportOptions } from './read-report';
export { launchWithCorsLens, extensionWorker, type LaunchOptions, type LaunchedBrowser } from './launch';
export { findChromium } from './chromium';
export type { CorsReport, ReportCall } from '../shared/report';
export type { CorsError, CorsErrorStatus, Outcome } from '../shared/cors/types';
