// Saves text as a file through a temporary Blob link: works offline and in installed
// PWAs alike, with no server round trip (exports, backups, LighterPack CSV).

/** Saves `text` as a download named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
