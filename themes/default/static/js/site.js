// showcase default theme: small behaviours that pages need. No inline
// script exists anywhere, so a strict Content-Security-Policy holds.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-print]")) {
      event.preventDefault();
      window.print();
    }
  });

  // The 大字 switch, for older readers (适老化): larger text on every
  // page, remembered in this browser. It is hidden until this script can
  // work it.
  var key = "showcase-text-size";
  var root = document.documentElement;
  Array.prototype.forEach.call(document.querySelectorAll("[data-text-size]"), function (button) {
    button.hidden = false;
    button.setAttribute("aria-pressed", String(root.classList.contains("large-text")));
    button.addEventListener("click", function () {
      var large = root.classList.toggle("large-text");
      button.setAttribute("aria-pressed", String(large));
      try {
        if (large) {
          window.localStorage.setItem(key, "large");
        } else {
          window.localStorage.removeItem(key);
        }
      } catch (e) { /* storage off: this page only */ }
    });
  });
})();
