// Starts Lede: loads the wasm module, which hydrates the server-rendered
// view inside #lede, and registers the service worker that keeps the site
// readable offline. Every URL is relative to this file, so the site works
// under any sub-path. Until this runs the article is readable as plain HTML.
//
// `make dist` rewrites the two bundle names below to their content-hashed
// names (and renames this file the same way).
import init from "../pkg/lede.js";

performance.mark("lede:boot");
// The server-rendered text is painted before the wasm starts: hydration is a
// long task that would otherwise delay the first paint. The download and
// the compilation (off the main thread) start at once; the module is
// instantiated and hydrates once the first contentful paint is done (or
// after a frame, where the browser does not report paints).
const url = new URL("../pkg/lede_bg.wasm", import.meta.url);
const module = WebAssembly.compileStreaming
  ? WebAssembly.compileStreaming(fetch(url)).catch(() => fetch(url))
  : fetch(url);
const painted = new Promise((resolve) => {
  const frame = () => requestAnimationFrame(() => setTimeout(resolve, 0));
  const types = (self.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (!types.includes("paint")) return frame();
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.name === "first-contentful-paint")) {
      observer.disconnect();
      resolve();
    }
  });
  observer.observe({ type: "paint", buffered: true });
  // A page with nothing contentful to paint still starts.
  setTimeout(resolve, 1000);
});
const started = Promise.all([module, painted])
  .then(([m]) => init({ module_or_path: m }))
  .catch((err) => {
    document.documentElement.classList.add("lede-static");
    console.error("Lede could not start its interactive view:", err);
  });

// The service worker is registered once the view has started (and the
// browser is idle): its first install downloads the shell for offline
// reading, which would otherwise compete with this page's first paint and
// start for the network and the processor.
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  const idle = (f) => (self.requestIdleCallback ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 0));
  started.then(() => idle(() => {
    navigator.serviceWorker
      .register(new URL("../sw.js", import.meta.url), { scope: new URL("../", import.meta.url).pathname })
      .catch((err) => console.warn("Lede works online only here:", err));
  }));
}
