// Resumable evidence uploads from the source page (docs/rules/evidence.md, "Large files"). Speaks the
// tus 1.0 protocol to /files/uploads with the sign-in cookie and the antiforgery token: the file goes in
// 8 MB pieces, each with a progress report; after a cut the upload asks the server how many bytes arrived
// and goes on from there (also after a page reload: the upload's address is kept in local storage).
// A module file of the app's own (no inline script, no eval), imported by SourceEvidence.

const chunkSize = 8 * 1024 * 1024;
const endpoint = "files/uploads";
const retryDelays = [0, 1000, 3000, 5000, 10000, 20000];

// Reports to the page; a page that went away (navigated, reconnecting) must not stop the upload itself.
async function tell(component, method, ...args) {
  try {
    await component.invokeMethodAsync(method, ...args);
  } catch {
    // The upload goes on; the source page shows the file when it is opened again.
  }
}

function b64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function memoryKey(sourceId, file) {
  return `ct-upload:${sourceId}:${file.name}:${file.size}:${file.lastModified}`;
}

function request(method, url, token, headers, body, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader("Tus-Resumable", "1.0.0");
    xhr.setRequestHeader("RequestVerificationToken", token);
    for (const [name, value] of Object.entries(headers)) {
      xhr.setRequestHeader(name, value);
    }
    if (onProgress) {
      xhr.upload.onprogress = e => onProgress(e.loaded);
    }
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(body ?? null);
  });
}

function problem(xhr) {
  try {
    const body = JSON.parse(xhr.responseText);
    return body.detail || body.title || `The server answered ${xhr.status}.`;
  } catch {
    return `The server answered ${xhr.status}.`;
  }
}

async function start(file, sourceId, originUrl, token) {
  const key = memoryKey(sourceId, file);
  const remembered = localStorage.getItem(key);
  if (remembered) {
    const head = await request("HEAD", remembered, token, {});
    if (head.status === 200) {
      return { url: remembered, offset: Number(head.getResponseHeader("Upload-Offset")) };
    }
    localStorage.removeItem(key);
  }
  let metadata = `sourceId ${b64(sourceId)},filename ${b64(file.name)}`;
  if (originUrl) {
    metadata += `,originUrl ${b64(originUrl)}`;
  }
  const created = await request("POST", endpoint, token, {
    "Upload-Length": String(file.size),
    "Upload-Metadata": metadata,
  });
  if (created.status !== 201) {
    throw new Error(problem(created));
  }
  const url = created.getResponseHeader("Location");
  localStorage.setItem(key, url);
  return { url, offset: 0 };
}

// Uploads one file; reports progress, the stored attachment, or a message, to the .NET component.
async function uploadOne(file, sourceId, originUrl, token, component) {
  const key = memoryKey(sourceId, file);
  let upload;
  try {
    upload = await start(file, sourceId, originUrl, token);
  } catch (e) {
    await tell(component, "Failed", file.name, e.message === "network" ? "The server could not be reached." : e.message);
    return;
  }
  let attempt = 0;
  while (true) {
    const end = Math.min(upload.offset + chunkSize, file.size);
    try {
      const sent = await request(
        "PATCH",
        upload.url,
        token,
        { "Content-Type": "application/offset+octet-stream", "Upload-Offset": String(upload.offset) },
        file.slice(upload.offset, end),
        loaded => tell(component, "Progress", file.name, upload.offset + loaded, file.size)
      );
      if (sent.status === 204 || sent.status === 200) {
        attempt = 0;
        upload.offset = Number(sent.getResponseHeader("Upload-Offset"));
        await tell(component, "Progress", file.name, upload.offset, file.size);
        if (sent.status === 200) {
          localStorage.removeItem(key);
          await tell(component, "Done", file.name, sent.responseText);
          return;
        }
        continue;
      }
      if (sent.status === 409 || sent.status >= 500) {
        throw new Error("resume");
      }
      localStorage.removeItem(key);
      await tell(component, "Failed", file.name, problem(sent));
      return;
    } catch (e) {
      if (e.message === "aborted" || attempt >= retryDelays.length - 1) {
        await tell(component, "Failed", file.name, "The upload was interrupted. Choose the file again to resume it where it stopped.");
        return;
      }
      attempt++;
      await new Promise(r => setTimeout(r, retryDelays[attempt]));
      try {
        const head = await request("HEAD", upload.url, token, {});
        if (head.status !== 200) {
          localStorage.removeItem(key);
          await tell(component, "Failed", file.name, "The upload expired on the server. Choose the file again.");
          return;
        }
        upload.offset = Number(head.getResponseHeader("Upload-Offset"));
      } catch {
        // Still cut off: the next attempt waits longer.
      }
    }
  }
}

// Uploads every file chosen in the input, one after the other.
export async function uploadChosen(input, sourceId, originUrl, token, component) {
  const files = Array.from(input.files || []);
  for (const file of files) {
    await uploadOne(file, sourceId, originUrl, token, component);
  }
  input.value = "";
}
