// Lede's analysis worker: reads and analyses a reader's own article with
// the analysis bundle (the crate built with its `worker` feature), so the
// page stays responsive while a long article is analysed.
//
// Messages in: "ID JSON" where JSON is [file name, text, publication date
// the reader gave (YYYY-MM-DD) or null, the corrections the reader made
// (TOML text) or null].
// Messages out: "ID ok NOTE\nWIRE-JSON" (a one-line note on the reader's
// corrections, empty when there is none, then the article and its analysis)
// or "ID err REASON".
//
// `make dist` rewrites the bundle names below to their content-hashed names
// (and renames this file the same way); the single-file edition inlines
// both instead.
importScripts("../pkg/lede_worker.js");

const ready = wasm_bindgen({ module_or_path: new URL("../pkg/lede_worker_bg.wasm", self.location.href) });

self.onmessage = async (event) => {
  const message = String(event.data);
  const space = message.indexOf(" ");
  const id = message.slice(0, space);
  try {
    const [name, text, published, corrections] = JSON.parse(message.slice(space + 1));
    await ready;
    self.postMessage(`${id} ok ${wasm_bindgen.analyze_wire(name, text, published ?? undefined, corrections ?? undefined)}`);
  } catch (err) {
    self.postMessage(`${id} err ${err}`);
  }
};
