// Starts Lede: loads the wasm module, which hydrates the server-rendered
// view inside #lede, and registers the service worker that keeps the site
// readable offline. Every URL is relative to this file, so the site works
// under any sub-path. Until this runs the article is readable as plain HTML.
//
// `make dist` rewrites the two bundle names below to their content-hashed
// names (and renames this file the same way).
import init from "../pkg/lede.js";

performance.mark("lede:boot");
// Let the browser paint the server-rendered text first: starting the wasm
// (compile, analysis, hydration) is a long task that would delay it.
// The download starts at once.
const wasm = fetch(new URL("../pkg/lede_bg.wasm", import.meta.url));
const painted = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
painted.then(() => init({ module_or_path: wasm })).catch((err) => {
  document.documentElement.classList.add("lede-static");
  console.error("Lede could not start its interactive view:", err);
});

if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker
    .register(new URL("../sw.js", import.meta.url), { scope: new URL("../", import.meta.url).pathname })
    .catch((err) => console.warn("Lede works online only here:", err));
}
