// showcase default theme: the photo gallery's lightbox. Without script each
// photo of a [data-gallery] list is a link to its largest size; with it, the
// photos open in a modal <dialog> that works by touch (swipe, large
// buttons), keyboard (arrows, Esc) and mouse. No inline script or style
// anywhere, so a strict Content-Security-Policy holds; looks are in CSS.
(function () {
  "use strict";
  if (typeof HTMLDialogElement !== "function") {
    return; // old browsers keep the plain links
  }
  var SWIPE = 50; // pixels of horizontal travel that turn a photo

  function el(tag, className, attrs) {
    var node = document.createElement(tag);
    node.className = className;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function button(className, label, text) {
    var b = el("button", "lightbox-button " + className, { type: "button", "aria-label": label, title: label });
    b.textContent = text;
    return b;
  }

  var dialog = el("dialog", "lightbox", { "aria-label": "照片浏览", "aria-roledescription": "carousel" });
  var figure = el("figure", "lightbox-figure");
  var img = el("img", "lightbox-image", { alt: "", decoding: "async" });
  var caption = el("figcaption", "lightbox-caption", { "aria-live": "polite" });
  var close = button("lightbox-close", "关闭", "×");
  var prev = button("lightbox-prev", "上一张", "‹");
  var next = button("lightbox-next", "下一张", "›");
  figure.appendChild(img);
  figure.appendChild(caption);
  dialog.appendChild(figure);
  dialog.appendChild(prev);
  dialog.appendChild(next);
  dialog.appendChild(close);

  var items = [];
  var current = 0;

  function show(i) {
    current = (i + items.length) % items.length;
    var link = items[current];
    var thumb = link.querySelector("img");
    img.removeAttribute("srcset");
    img.src = link.href;
    if (thumb && thumb.srcset) {
      img.srcset = thumb.srcset;
      img.sizes = "100vw";
    }
    img.alt = thumb ? thumb.alt : "";
    caption.textContent = (thumb ? thumb.alt + " · " : "") + (current + 1) + " / " + items.length;
    var single = items.length < 2;
    prev.hidden = single;
    next.hidden = single;
    preload(current + 1);
    preload(current - 1);
  }

  function preload(i) {
    if (items.length < 2) {
      return;
    }
    var link = items[(i + items.length) % items.length];
    var pic = new Image();
    pic.src = link.href;
  }

  function open(list, i) {
    items = list;
    if (!dialog.isConnected) {
      document.body.appendChild(dialog);
    }
    show(i);
    document.documentElement.classList.add("lightbox-open");
    dialog.showModal();
    close.focus();
  }

  // "close" arrives as a task of its own, and Chromium runs input first: a
  // quick tap on another photo can reopen the dialog before it comes. The
  // photo the reopened dialog shows must then be left alone.
  dialog.addEventListener("close", function () {
    if (dialog.open) {
      return;
    }
    document.documentElement.classList.remove("lightbox-open");
    img.removeAttribute("src");
    img.removeAttribute("srcset");
  });
  close.addEventListener("click", function () { dialog.close(); });
  prev.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });

  // A tap on the dark backdrop, outside the photo and the buttons, closes.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close();
    }
  });

  // Esc is handled by <dialog> itself; arrows turn the photos.
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") {
      event.preventDefault();
      show(current - 1);
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      show(current + 1);
    }
  });

  // Swipe: pointer events cover touch, pen and mouse drags alike. The CSS
  // sets touch-action so a horizontal swipe is not taken for a scroll.
  var start = null;
  figure.addEventListener("pointerdown", function (event) {
    if (event.isPrimary) {
      start = { x: event.clientX, y: event.clientY };
    }
  });
  figure.addEventListener("pointercancel", function () { start = null; });
  figure.addEventListener("pointerup", function (event) {
    if (!start || !event.isPrimary) {
      return;
    }
    var dx = event.clientX - start.x;
    var dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE && Math.abs(dx) > Math.abs(dy)) {
      show(dx < 0 ? current + 1 : current - 1);
    }
  });

  document.querySelectorAll("[data-gallery]").forEach(function (grid) {
    var links = Array.prototype.slice.call(grid.querySelectorAll("a[href]"));
    links.forEach(function (link, i) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
          return; // let the browser open a new tab as asked
        }
        event.preventDefault();
        open(links, i);
      });
    });
  });
})();
