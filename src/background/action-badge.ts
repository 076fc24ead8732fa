// The toolbar button says whether CORS Lens is capturing; clicking it toggles capture.
export async function showCaptureState(paused: boolean): Promise<void> {
  await Promise.all([
    chrome.action.setBadgeText({ text: paused ? 'off' : '' }),
    chrome.action.setBadgeBackgroundColor({ color: '#5f6368' }),
    chrome.action.setTitle({
      title: paused ? 'CORS Lens: capture paused (click to resume)' : 'CORS Lens: capturing (click to pause)',
    }),
  ]);
}
