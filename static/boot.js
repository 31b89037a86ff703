// Starts Lede: loads the wasm module, which hydrates the server-rendered
// article inside #lede. Every URL is relative, so the site works from any
// sub-path. Until this runs the article is already readable as plain HTML.
import init from "../pkg/lede.js";

performance.mark("lede:boot");
init().catch((err) => {
  document.documentElement.classList.add("lede-static");
  console.error("Lede could not start its interactive view:", err);
});
