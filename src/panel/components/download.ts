// Saves a prepared string as a file through an object URL and a temporary link.
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download starts asynchronously; revoking the URL at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
