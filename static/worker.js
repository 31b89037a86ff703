// Lede's analysis worker: reads and analyses a reader's own article with
// the same wasm bundle as the page, so the page stays responsive while a
// long article is analysed. Messages in: a JSON array [id, file name, text].
// Messages out: "ID ok WIRE-JSON" or "ID err MESSAGE".
//
// `make dist` rewrites the two bundle names below to their content-hashed
// names (and renames this file the same way).
import init, { analyze_wire } from "../pkg/lede.js";

const ready = init({ module_or_path: new URL("../pkg/lede_bg.wasm", import.meta.url) });

self.onmessage = async (event) => {
  const [id, name, text] = JSON.parse(event.data);
  try {
    await ready;
    self.postMessage(`${id} ok ${analyze_wire(name, text)}`);
  } catch (err) {
    self.postMessage(`${id} err ${err}`);
  }
};
