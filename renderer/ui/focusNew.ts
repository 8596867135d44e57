/**
 * After an "add" button creates something, the person types into it: focus moves to the new
 * item's first empty field (its first field when none is empty), so the next keystroke — even a
 * space — goes into the item, not into the button that would add yet another one.
 *
 * The item appears once React has rendered the document change, so this looks for it for a few
 * frames. Rows mark themselves with `data-record-id` (see `recordIdProps`).
 */

const FIELDS = 'input:not([type=hidden]):not([type=checkbox]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** Props that let `focusNewRecord(id)` find a row. */
export function recordIdProps(id: string): { 'data-record-id': string } {
  return { 'data-record-id': id };
}

/** The field to focus inside a new item: the first empty one, else the first. */
export function firstField(root: ParentNode): HTMLElement | null {
  const fields = [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(FIELDS)];
  return fields.find((f) => f.value === '') ?? fields[0] ?? null;
}

/**
 * Focuses the first field of the element matching `selector` once it is rendered (up to ~1 s);
 * `field` narrows which fields count (e.g. 'textarea' where the text is what people fill in first).
 */
export function focusWhenShown(selector: string, field?: string, frames = 60): void {
  const attempt = (left: number) => {
    const el = document.querySelector(selector);
    const found = el ? (field ? el.querySelector<HTMLElement>(field) : firstField(el)) : null;
    if (found) {
      found.focus();
      found.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames));
}

/** Focuses the new record's first field (its row carries `recordIdProps(id)`). Returns the id. */
export function focusNewRecord(id: string, field?: string): string {
  focusWhenShown(`[data-record-id="${CSS.escape(id)}"]`, field);
  return id;
}
