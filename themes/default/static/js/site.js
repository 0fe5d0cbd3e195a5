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
})();
