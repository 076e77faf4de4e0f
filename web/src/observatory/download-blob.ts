/** Saves a file made in the page: an object URL on a hidden link, nothing sent anywhere. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the next tick; revoking later frees the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
