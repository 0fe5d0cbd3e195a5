// showcase serve: reload the page when the site is rebuilt, keeping the
// scroll position, and show build errors over the page until they are
// fixed. Injected only by "showcase serve"; never part of a build.
(function () {
  "use strict";
  var key = "showcase-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
  }
  var overlay = null;
  // shown writes text from a branch's files the way "showcase check" does:
  // line breaks, control characters and bidi controls as escapes, so a
  // name cannot reorder or split what the overlay says. Everything goes in
  // through textContent, never as markup.
  function shown(s) {
    return String(s).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, function (c) {
      if (c === "\n") { return "\\n"; }
      if (c === "\r") { return "\\r"; }
      if (c === "\t") { return "\\t"; }
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  function clear() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(problems) {
    clear();
    overlay = document.createElement("div");
    overlay.className = "showcase-live-overlay";
    overlay.setAttribute("role", "alert");
    var title = document.createElement("h2");
    title.textContent = "内容有 " + problems.length + " 处错误，页面显示的是上一次成功的版本";
    overlay.appendChild(title);
    var list = document.createElement("ol");
    problems.forEach(function (p) {
      var item = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = shown(p.position);
      item.appendChild(where);
      item.appendChild(document.createTextNode(" " + shown(p.message) + " [" + shown(p.rule) + "]"));
      if (p.hint) {
        var hint = document.createElement("p");
        hint.textContent = "提示：" + shown(p.hint);
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }
  var source = new EventSource("/__showcase/events");
  source.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  source.addEventListener("problems", function (e) {
    var problems = JSON.parse(e.data);
    if (problems.length) { show(problems); } else { clear(); }
  });
})();
