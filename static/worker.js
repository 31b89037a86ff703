// Lede's analysis worker, running the analysis bundle (the crate built
// with its `worker` feature) off the page: it reads and analyses a reader's
// own article, so the page stays responsive while a long article is
// analysed, and it writes the exports, whose writers no page loads until a
// reader asks for a file.
//
// Messages in, arrays:
//   [ID, "analyse", file name, text, publication date the reader gave
//    (YYYY-MM-DD) or null, the corrections the reader made (TOML) or null]
//   [ID, "export", a page's data (JSON, as its island carries it), the
//    article's index in it, its address in the page (slug), the format,
//    the article's URL, now (seconds since 1970, UTC)]
// Messages out: [ID, "ok", TEXT] or [ID, "err", REASON]. TEXT is, for
// "analyse", a one-line note on the reader's corrections (empty when there
// is none), a line break, then the article and its analysis (wire JSON);
// for "export", the file.
//
// `make dist` rewrites the bundle names below to their content-hashed names
// (and renames this file the same way); the single-file edition inlines
// both instead.
importScripts("../pkg/lede_worker.js");

const ready = wasm_bindgen({ module_or_path: new URL("../pkg/lede_worker_bg.wasm", self.location.href) });

const verbs = {
  analyse: (...args) => wasm_bindgen.analyze_wire(...args),
  export: (...args) => wasm_bindgen.export_file(...args),
};

self.onmessage = async (event) => {
  const [id, verb, ...args] = event.data;
  try {
    if (!Object.hasOwn(verbs, verb)) throw new Error(`no such request: ${verb}`);
    await ready;
    self.postMessage([id, "ok", verbs[verb](...args)]);
  } catch (err) {
    self.postMessage([id, "err", String(err)]);
  }
};
