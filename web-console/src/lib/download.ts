// Files the console fetches with the API key (an <a href> cannot send the Authorization header)
// and hands to the browser as a download.

/** Saves `blob` as `fileName` through a temporary object URL and a clicked <a download>. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the click starts the download synchronously; the URL is freed once it has been read
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name made only of characters every file system accepts (`orders/eu` → `orders_eu`). */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return cleaned || 'download';
}

/** `2025-03-01T10:30:00.000Z` → `20250301T103000Z`, for file names. */
export function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
