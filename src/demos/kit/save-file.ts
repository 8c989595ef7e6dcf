/**
 * Hand a file to the browser's downloads: a Blob, an object URL and a link with `download`, clicked and revoked.
 * No request leaves the page (the deck's CSP allows none), and the file's text was built as text by its caller.
 */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a second's grace for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
