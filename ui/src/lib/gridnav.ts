/**
 * Arrow keys between the rows of an editor table (or any list of field rows): ArrowUp and
 * ArrowDown in a one-line field move to the field in the same position in the row above or
 * below; Tab still moves along the row. Selects keep their arrows (they change the choice),
 * and a field that used the key itself (an open autocomplete list) is left alone.
 */
const FIELDS = "input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea, select";

function movesRows(target: HTMLElement, key: string): boolean {
  if (target instanceof HTMLInputElement) return true;
  if (target instanceof HTMLTextAreaElement) {
    // A growing one-paragraph field moves rows only from its first or last position.
    if (!target.classList.contains("autogrow")) return false;
    const at = target.selectionStart ?? 0;
    return key === "ArrowUp" ? at === 0 : at === target.value.length;
  }
  return false;
}

/** Handles one keydown inside `container`, whose rows match `rowSelector`; true if it moved. */
export function gridKey(e: KeyboardEvent, container: HTMLElement, rowSelector: string): boolean {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
  if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return false;
  const target = e.target as HTMLElement;
  if (!movesRows(target, e.key)) return false;
  const row = target.closest<HTMLElement>(rowSelector);
  if (!row || !container.contains(row)) return false;
  const rows = [...container.querySelectorAll<HTMLElement>(rowSelector)];
  const next = rows[rows.indexOf(row) + (e.key === "ArrowDown" ? 1 : -1)];
  if (!next) return false;
  const column = [...row.querySelectorAll<HTMLElement>(FIELDS)].indexOf(target);
  const fields = [...next.querySelectorAll<HTMLElement>(FIELDS)];
  const to = fields[Math.min(column, fields.length - 1)];
  if (!to) return false;
  e.preventDefault();
  to.focus();
  if (to instanceof HTMLInputElement || to instanceof HTMLTextAreaElement) to.select();
  return true;
}

/** Svelte attachment: `{@attach gridNav("tbody tr")}` on a table or a list of rows. */
export function gridNav(rowSelector: string) {
  return (container: HTMLElement) => {
    const onKey = (e: KeyboardEvent) => gridKey(e, container, rowSelector);
    container.addEventListener("keydown", onKey);
    return () => container.removeEventListener("keydown", onKey);
  };
}
