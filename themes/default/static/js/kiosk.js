// showcase default theme: the kiosk target only (base.html loads it when
// the build's target is kiosk).
//
// - After data-idle seconds without a touch, pointer or key event, the
//   attract loop shows the brands full-screen, one every data-interval
//   seconds (data-interval-ms, read each cycle, overrides it for tests). A
//   touch ends it and returns to the home page (data-home). The brands it
//   shows (kiosk/attract.js, the overlay's data-src: megabytes on a large
//   site) are loaded when it first starts, not with every page, whose own
//   scripts would wait for them.
// - Swiping left or right follows the page's [data-swipe=next|prev] link.
// - No context menu, selection, dragging or zooming.
// - window.showcaseKiosk.cycles counts the slides shown.
//
// The loop must run for days without growing: it reuses the overlay's two
// slides, holds one idle and one cycle timer, and adds every listener once.
(function () {
  "use strict";
  var body = document.body;
  var overlay = document.querySelector("[data-attract]");
  var items = null;
  var loading = false;
  var asked = 0;
  var root = body.getAttribute("data-root") || "";
  var views = [];
  var idleTimer = 0;
  var cycleTimer = 0;
  var running = false;
  var current = 0;
  var index = 0;
  var cycles = 0;
  var state = { cycles: 0 };
  window.showcaseKiosk = state;

  function number(name) {
    var v = parseFloat(body.getAttribute(name));
    return v > 0 ? v : 0;
  }
  function idleMs() { return (number("data-idle") || 90) * 1000; }
  function intervalMs() { return number("data-interval-ms") || (number("data-interval") || 8) * 1000; }

  function view(slide) {
    return {
      el: slide,
      photo: slide.querySelector(".attract-photo"),
      logo: slide.querySelector(".attract-logo"),
      unit: slide.querySelector(".attract-unit"),
      name: slide.querySelector(".attract-name"),
      concept: slide.querySelector(".attract-concept")
    };
  }

  function fill(v, item) {
    v.logo.src = root + item.logo;
    v.logo.alt = item.name + " 品牌标识";
    if (item.photo) {
      v.photo.src = root + item.photo;
      v.photo.hidden = false;
    } else {
      v.photo.removeAttribute("src");
      v.photo.hidden = true;
    }
    v.unit.textContent = item.unit;
    v.name.textContent = item.name;
    v.concept.textContent = item.concept;
  }

  function step() {
    var incoming = views[1 - current];
    fill(incoming, items[index]);
    index = (index + 1) % items.length;
    incoming.el.classList.add("is-active");
    views[current].el.classList.remove("is-active");
    current = 1 - current;
    cycles++;
    // For tests, and for anyone checking a kiosk from the console. A
    // number, not an attribute: turning a new number into a string each
    // cycle would fill V8's number-to-string cache and look like growth.
    state.cycles = cycles;
    cycleTimer = setTimeout(step, intervalMs());
  }

  // load loads the loop's brands, then starts the loop unless a touch
  // came meanwhile: the idle timer that asked for it is still the last.
  function load() {
    asked = idleTimer;
    if (loading) {
      return;
    }
    loading = true;
    var s = document.createElement("script");
    s.src = overlay.getAttribute("data-src");
    s.onload = s.onerror = function () {
      s.remove();
      items = window.showcaseAttract || [];
      if (idleTimer === asked) {
        start();
      }
    };
    document.head.appendChild(s);
  }

  function start() {
    if (running || !overlay || views.length !== 2) {
      return;
    }
    if (!items) {
      load();
      return;
    }
    if (items.length === 0) {
      return;
    }
    running = true;
    index = 0;
    overlay.hidden = false;
    body.setAttribute("data-attract", "on");
    step();
  }

  function stop() {
    running = false;
    clearTimeout(cycleTimer);
    var home = new URL(body.getAttribute("data-home") || "index.html", location.href);
    if (home.href === location.href.split(/[?#]/)[0]) {
      // Already home: uncover it rather than load it again.
      overlay.hidden = true;
      body.removeAttribute("data-attract");
      window.scrollTo(0, 0);
      resetIdle();
      return;
    }
    location.href = home.href;
  }

  function resetIdle() {
    clearTimeout(idleTimer);
    if (!running) {
      idleTimer = setTimeout(start, idleMs());
    }
  }

  // A touch during the loop only ends it: the page under the overlay must
  // not receive the tap as a click.
  function onTouch(event) {
    if (running) {
      event.preventDefault();
      event.stopPropagation();
      stop();
      return;
    }
    resetIdle();
  }

  function editable(target) {
    return target && target.closest && target.closest("input, textarea, select");
  }

  // Swipes: a mostly horizontal movement of at least 80 px.
  var sx = 0;
  var sy = 0;
  var tracking = false;
  function swipeStart(event) {
    tracking = event.isPrimary && !running && !editable(event.target) && !document.querySelector("dialog[open]");
    sx = event.clientX;
    sy = event.clientY;
  }
  function swipeEnd(event) {
    if (!tracking || !event.isPrimary) {
      return;
    }
    tracking = false;
    var dx = event.clientX - sx;
    var dy = event.clientY - sy;
    if (Math.abs(dx) < 80 || Math.abs(dx) < 2 * Math.abs(dy)) {
      return;
    }
    var link = document.querySelector(dx < 0 ? "[data-swipe=next]" : "[data-swipe=prev]");
    if (link) {
      location.href = link.href;
    }
  }

  function prevent(event) {
    if (!editable(event.target)) {
      event.preventDefault();
    }
  }

  if (overlay) {
    var slides = overlay.querySelectorAll(".attract-slide");
    for (var i = 0; i < slides.length; i++) {
      views.push(view(slides[i]));
    }
  }
  var capture = { capture: true, passive: false };
  window.addEventListener("pointerdown", onTouch, capture);
  window.addEventListener("touchstart", onTouch, capture);
  window.addEventListener("keydown", onTouch, capture);
  window.addEventListener("pointermove", resetIdle, { passive: true });
  window.addEventListener("wheel", function (event) {
    if (event.ctrlKey) {
      event.preventDefault(); // pinch on a touchpad, or ctrl+wheel zoom
    }
    resetIdle();
  }, capture);
  window.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && /^[-+=0]$/.test(event.key)) {
      event.preventDefault(); // keyboard zoom
    }
  });
  document.addEventListener("pointerdown", swipeStart);
  document.addEventListener("pointerup", swipeEnd);
  document.addEventListener("pointercancel", function () { tracking = false; });
  document.addEventListener("contextmenu", function (event) { event.preventDefault(); });
  document.addEventListener("selectstart", prevent);
  document.addEventListener("dragstart", function (event) { event.preventDefault(); });
  document.addEventListener("gesturestart", function (event) { event.preventDefault(); });
  resetIdle();
})();
