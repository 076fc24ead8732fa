// The checks of a table whose cases each make one request (Local Network Access, calls the page
// ended): the row is saved for the agreement table, the case provoked what it was written for,
// Chromium reported the request, and CORS Lens agrees with it.
import { expect } from '@playwright/test';
import { disagreementDetails, saveRow } from './agreement-report';
import type { ScenarioRow } from './run-scenario';

export function expectOneRequestAgrees(row: ScenarioRow, designedFor: string): void {
  saveRow(row);
  const details = disagreementDetails(row).join('\n');
  expect(row.asDesigned, `the case did not provoke ${designedFor}:\n${details}`).toBe(true);
  const [r] = row.requests;
  expect(r?.cdp, `Chromium reported no request:\n${details}`).not.toBeNull();
  expect(r?.diffs, `CORS Lens differs from Chromium:\n${details}`).toEqual([]);
}
