/* zh-annotate: remembers the reader's display choices (pinyin, script, tone colours, notes).
   Optional: every control works without it. No inline handlers, no eval: CSP-friendly. */
(() => {
  "use strict";
  // Open each note beside its term (CSS anchor positioning). It lives here rather than in the
  // stylesheet because the Nu Html Checker does not know these properties yet; without this
  // script a note opens centred in the window instead.
  if (window.CSSStyleSheet && "adoptedStyleSheets" in document && CSS.supports("position-area", "bottom")) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(".zha .zha-pop{inset:auto;margin:.3rem 0;position-area:bottom span-right;" +
      "position-try-fallbacks:flip-block,flip-inline}");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  let store = null;
  try { store = window.localStorage; } catch (error) { store = null; }
  const boxes = document.querySelectorAll("article.zha input[data-zha-option]");
  for (const box of boxes) {
    const key = "zh-annotate:" + box.dataset.zhaOption;
    const saved = store ? store.getItem(key) : null;
    if (saved === "1" || saved === "0") box.checked = saved === "1";
    box.addEventListener("change", () => {
      for (const other of boxes) {
        if (other.dataset.zhaOption === box.dataset.zhaOption) other.checked = box.checked;
      }
      try { if (store) store.setItem(key, box.checked ? "1" : "0"); } catch (error) { /* storage blocked */ }
    });
  }
  // The translation's layout (a bilingual edition): remembered the same way.
  const radios = document.querySelectorAll("article.zha input[data-zha-layout]");
  const savedLayout = store ? store.getItem("zh-annotate:layout") : null;
  for (const radio of radios) {
    if (savedLayout && radio.value === savedLayout) radio.checked = true;
    radio.addEventListener("change", () => {
      try { if (store && radio.checked) store.setItem("zh-annotate:layout", radio.value); } catch (error) { /* storage blocked */ }
    });
  }
})();
