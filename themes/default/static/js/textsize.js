// The 大字 (large text) switch's choice, applied before the page is drawn
// so that it does not jump; js/site.js keeps the switch itself. Loaded as
// a file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  try {
    if (window.localStorage.getItem("showcase-text-size") === "large") {
      document.documentElement.classList.add("large-text");
    }
  } catch (e) { /* storage off: normal text */ }
})();
