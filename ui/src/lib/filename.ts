/**
 * A file name from a title, for the save dialog's suggestion: characters that no file system
 * accepts become "-", runs of spaces and dashes shrink to one, and the result is cut to a
 * length every file system takes.
 */
export function fileName(title: string, extension: string, fallback: string): string {
  const base = title
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, "-")
    .replace(/\s+/g, " ")
    .replace(/-{2,}/g, "-")
    .replace(/^[\s.-]+|[\s.-]+$/g, "")
    .slice(0, 120)
    .trim();
  return `${base || fallback}.${extension}`;
}
