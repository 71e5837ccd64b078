// What the editor forms need from the browser: drafts in local storage, and moving the reader to a
// message. A module file of the app's own (no inline script, no eval), imported by EditorPage.

const draftPrefix = "ct-draft:";

// A stored draft is "<saved at, ms>:<encrypted payload>": the time in clear lets a full storage
// drop the oldest drafts first without decrypting anything.
export function saveDraft(key, payload) {
  const value = `${Date.now()}:${payload}`;
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    // Storage full (or refused): make room by dropping the other drafts, oldest first.
    const others = Object.keys(localStorage)
      .filter(k => k.startsWith(draftPrefix) && k !== key)
      .map(k => ({ key: k, savedAt: Number.parseInt(localStorage.getItem(k), 10) || 0 }))
      .sort((a, b) => a.savedAt - b.savedAt);
    for (const other of others) {
      localStorage.removeItem(other.key);
      try {
        localStorage.setItem(key, value);
        return true;
      } catch {
        // Still no room: drop the next one.
      }
    }

    return false;
  }
}

function storedPayload(key) {
  const value = localStorage.getItem(key) ?? "";
  const separator = value.indexOf(":");
  return separator < 0 ? "" : value.substring(separator + 1);
}

export function hasDraft(key) {
  return storedPayload(key).length > 0;
}

// Returned as bytes, which Blazor streams to the server in chunks: a draft holding several
// 10,000-character quotes is larger than one SignalR message may be. (An empty stream is refused:
// ask hasDraft first.)
export function loadDraft(key) {
  return new TextEncoder().encode(storedPayload(key));
}

export function removeDraft(key) {
  localStorage.removeItem(key);
}

// Brings the message (an alert with tabindex="-1") into view and gives it the focus, so that both
// the eye and a screen reader land on it; `scroll-margin-top` in app.css keeps it clear of the app bar.
export function revealMessage(selector) {
  const message = document.querySelector(selector);
  if (!message) {
    return false;
  }

  message.scrollIntoView({ block: "start" });
  message.focus({ preventScroll: true });
  return true;
}

// The first field MudBlazor marks as wrong, in page order.
export function focusFirstInvalidField() {
  const field = document.querySelector(".mud-input-error input, .mud-input-error textarea, [aria-invalid='true']");
  if (!field) {
    return false;
  }

  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
  return true;
}
