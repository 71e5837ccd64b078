// The review queue's keyboard: j or ↓ next item, k or ↑ previous, c confirm, d dismiss
// (docs/rules/review-queue.md). Keys typed into a field (the note) are the field's, never a shortcut.
const keys = { j: "next", ArrowDown: "next", k: "previous", ArrowUp: "previous", c: "confirm", d: "dismiss" };

function typing(target) {
    if (!(target instanceof Element)) {
        return false;
    }

    return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='listbox']") !== null;
}

export function attach(page) {
    const listener = event => {
        const action = keys[event.key];
        if (!action || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
            return;
        }

        event.preventDefault();
        page.invokeMethodAsync("OnKeyAsync", action);
    };
    document.addEventListener("keydown", listener);
    return { detach: () => document.removeEventListener("keydown", listener) };
}
