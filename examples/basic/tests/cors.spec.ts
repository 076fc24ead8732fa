import { bundledExtensionPath, corsLensFor, expect, launchWithCorsLens, test } from 'cors-lens/playwright';

const APP = 'http://app.test:4310';

test('the API is configured right', async ({ page, corsLens }) => {
  await page.goto(`${APP}/?route=good`);
  await expect(page.getByTestId('status')).toHaveText('loaded 3 items');

  await expect(page).toHaveNoCorsErrors();
  const calls = await corsLens.calls();
  const api = calls.find((call) => call.url.endsWith('/good'));
  expect(api).toBeDefined();
  if (api) expect(api).toBeAllowed();
});

test('a route without CORS headers is caught', async ({ page }) => {
  await page.goto(`${APP}/?route=broken`);
  await expect(page.getByTestId('status')).toHaveText('failed');

  await expect(page).toHaveCorsError('MissingAllowOriginHeader', { url: '/broken' });
});

test('toHaveNoCorsErrors explains what is wrong and how to fix it', async ({ page, corsLens }) => {
  await page.goto(`${APP}/?route=broken`);
  await expect(page.getByTestId('status')).toHaveText('failed');

  const [blocked] = (await corsLens.calls()).filter((call) => call.outcome === 'blocked');
  if (!blocked) throw new Error('expected a blocked call');
  const error = await expect(page)
    .toHaveNoCorsErrors()
    .then(() => null)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  const message = error instanceof Error ? error.message : '';
  expect(message).toContain(`GET http://api.test:4311/broken`);
  expect(message).toContain('MissingAllowOriginHeader');
  expect(message).toContain(blocked.explanation);
  expect(message).toContain(blocked.fix);

  await corsLens.clear();
  expect(await corsLens.calls()).toEqual([]);
  await expect(page).toHaveNoCorsErrors();
});

test('corsLensFor reads a context you launched yourself', async () => {
  const browser = await launchWithCorsLens({ extensionPath: bundledExtensionPath() });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${APP}/?route=good`);
    await expect(page.getByTestId('status')).toHaveText('loaded 3 items');

    const lens = corsLensFor(browser.context, page);
    const [call] = await lens.calls();
    expect(call?.outcome).toBe('allowed');
    await expect(page).toHaveNoCorsErrors();
  } finally {
    await browser.close();
  }
});
