// showcase search page: reads the query from the address (the search box
// in every page's header sends it there), searches as the visitor types,
// lists ranked results page by page with the matched text marked, and
// filters by stage, status and unit. Arrow keys move between the box and
// the results; on kiosks an on-screen letter keyboard types pinyin
// initials. Everything it shows from the index goes in as text, never as
// HTML: the content is written by branches and is not trusted.
(function () {
  "use strict";
  var root = document.querySelector("[data-search]");
  if (!root || !window.showcaseSearch) return;

  // The engine has started loading the index already (meta.js, the
  // query's token shards, p.js if it can be pinyin); open returns that
  // load's promise.
  var params = new URLSearchParams(window.location.search);
  var opened = showcaseSearch.open(root.getAttribute("data-index"), params.get("q") || "", +root.getAttribute("data-shards"));

  var PAGE = 20;
  var form = root.querySelector(".search-form");
  var input = form.elements.q;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var more = root.querySelector(".search-more");
  var brandURL = root.getAttribute("data-brand-url");
  var engine = null, result = null, shown = 0, seq = 0, timer = 0;

  selects.forEach(function (s) {
    Array.prototype.forEach.call(s.options, function (o) { o.setAttribute("data-label", o.textContent); });
  });

  // The unit filter's options come from the index (fillUnits): the page
  // does without a thousand of them. Until they are added, the unit the
  // address asks for is pending.
  var pending = {}, filled = false;
  input.value = params.get("q") || "";
  selects.forEach(function (s) {
    var v = params.get(s.name) || "";
    if (s.value === v) return;
    s.value = v;
    if (s.name === "unit" && s.value !== v) pending.unit = v;
  });

  // value returns what a filter is set to, or asked for while pending.
  function value(s) {
    return Object.prototype.hasOwnProperty.call(pending, s.name) ? pending[s.name] : s.value;
  }

  // fillUnits adds the units to the unit filter when the visitor first
  // reaches for it, or, when the address asks for a unit, once the first
  // results are drawn (afterDraw). Laying out a thousand options takes
  // the browser as long as the whole search, so a search that does not
  // use the filter does not wait for them, before or after its results.
  var unitSelect = form.elements.unit;
  function fillUnits() {
    if (filled || !engine) return;
    filled = true;
    var items = document.createDocumentFragment();
    engine.meta.units.forEach(function (u) {
      var o = document.createElement("option");
      o.value = u[0];
      o.textContent = u[1];
      o.setAttribute("data-label", u[1]);
      items.appendChild(o);
    });
    unitSelect.appendChild(items);
    if (Object.prototype.hasOwnProperty.call(pending, "unit")) {
      unitSelect.value = pending.unit;
      delete pending.unit;
    }
    updateFacets(result && result.done ? result : null);
  }
  // Before the list opens: pointerdown comes before a mouse's or a
  // finger's press opens it, focus before a key can move in it.
  ["pointerdown", "focus", "keydown"].forEach(function (type) {
    unitSelect.addEventListener(type, fillUnits);
  });

  // fillAsked fills the unit filter when the address asks for a unit,
  // after the browser has had a chance to draw what is on the page.
  function fillAsked() {
    if (filled || !Object.prototype.hasOwnProperty.call(pending, "unit")) return;
    window.requestAnimationFrame(function () { window.setTimeout(fillUnits, 0); });
  }

  function setState(state) {
    root.setAttribute("data-state", state);
  }

  function say(text) {
    status.textContent = text;
  }

  function filter() {
    var f = {};
    selects.forEach(function (s) { f[s.name] = value(s); });
    return f;
  }

  // remember keeps the search in the address, so it can be bookmarked
  // and comes back with the back button; file:// may refuse, which does
  // no harm.
  function remember() {
    var p = new URLSearchParams();
    if (input.value) p.set("q", input.value);
    selects.forEach(function (s) { if (value(s)) p.set(s.name, value(s)); });
    var q = p.toString();
    // The address the page opened with needs no rewriting (and Chromium
    // spends milliseconds on a replaceState that changes nothing).
    if ((q ? "?" + q : "") === window.location.search) return;
    try {
      window.history.replaceState(null, "", q ? "?" + q : window.location.pathname);
    } catch (e) { /* not allowed here */ }
  }

  function run() {
    window.clearTimeout(timer);
    if (!engine) return;
    remember();
    var mine = ++seq, query = input.value;
    if (!showcaseSearch.terms(query).length) {
      result = null;
      list.textContent = "";
      more.hidden = true;
      updateFacets(null);
      say("请输入品牌名称、单位、关键词或拼音首字母。");
      root.setAttribute("data-query", query);
      setState("done");
      fillAsked();
      return;
    }
    setState("searching");
    // The first page shows as soon as its hits are final, with bounds of
    // the count that narrow as the search goes on; the exact count and
    // the rest follow when every candidate has been checked.
    var first = null;
    engine.search(query, filter(), function (partial, ahead) {
      if (mine !== seq) return;
      if (ahead) {
        // The first hits, final, while the rest of the page is checked:
        // shown without snippets, and drawn again with the page.
        result = partial;
        shown = 0;
        list.textContent = "";
        list.appendChild(outlined(partial.hits).frag);
        report();
        return;
      }
      if (first) {
        if (!result.done) {
          result.lo = partial.lo;
          result.hi = partial.hi;
          result.estimate = partial.estimate;
          report();
        }
        return;
      }
      result = partial;
      shown = 0;
      first = showMore(mine, true);
      return first;
    }, function () { return mine !== seq; }).then(function (res) {
      if (!res || mine !== seq) return null;
      return (first || Promise.resolve()).then(function () {
        if (mine !== seq) return null;
        result = res;
        updateFacets(res);
        if (!first) {
          shown = 0;
          return showMore(mine, true);
        }
        report();
        return null;
      });
    }).then(function () {
      if (mine !== seq) return;
      root.setAttribute("data-query", query);
      setState("done");
    }).catch(fail);
  }

  function fail(err) {
    say("搜索出错：" + err.message);
    setState("error");
    fillAsked();
  }

  // showMore shows the next page of hits at once, by what meta.js
  // holds, and their snippets when the lead and text blocks they are
  // cut from have loaded; it returns a promise of the snippets shown.
  function showMore(mine, fresh) {
    var batch = result.hits.slice(shown, shown + PAGE), ts = result.terms;
    var made = outlined(batch), items = made.items;
    if (fresh) list.textContent = "";
    list.appendChild(made.frag);
    shown += batch.length;
    report();
    // The snippets' lead and text blocks are asked for once the hits are
    // drawn: adding a script for each of twenty blocks held the first
    // frame of results back by 10 to 20 ms.
    return afterFrame().then(function () {
      return mine === seq ? engine.describe(batch, ts) : null;
    }).then(function (views) {
      if (!views || mine !== seq) return;
      views.forEach(function (v, i) { fillSnippet(items[i], v.snippet); });
      fillAsked();
    });
  }

  // outlined makes the list items of hits, their snippets to come.
  function outlined(hits) {
    var items = engine.outline(hits, result.terms).map(item), frag = document.createDocumentFragment();
    items.forEach(function (li) { frag.appendChild(li); });
    return { items: items, frag: frag };
  }

  // afterFrame returns a promise settled in a task after the next frame,
  // or after 100 ms in a tab that draws no frames (one in the background).
  function afterFrame() {
    return new Promise(function (resolve) {
      window.requestAnimationFrame(function () { window.setTimeout(resolve, 0); });
      window.setTimeout(resolve, 100);
    });
  }

  // report says how many brands were found, and shows the button for more.
  function report() {
    var n = result.hits.length;
    more.hidden = !result.done || shown >= n;
    if (!result.done) {
      // Provisional: lo brands hold the query for sure, hi at most, and
      // the estimate is labelled as one.
      var range = "至少 " + result.lo + " 个、至多 " + result.hi + " 个";
      say(result.lo === result.hi ? "找到 " + result.lo + " 个品牌，正在统计…"
        : result.estimate === null ? "找到" + range + "品牌，正在核对其余的…"
          : "找到约 " + result.estimate + " 个品牌（" + range + "），正在核对其余的…");
      return;
    }
    var narrowed = n < result.all ? "（不按所选条件共 " + result.all + " 个）" : "";
    say(n ? "找到 " + n + " 个品牌" + narrowed + (shown < n ? "，显示前 " + shown + " 个。" : "。")
      : "没有找到包含“" + result.query.trim() + "”的品牌" + narrowed + "。");
  }

  function text(parent, tag, className, value) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (value) el.textContent = value;
    parent.appendChild(el);
    return el;
  }

  // marked appends runs of text, the matched ones in <mark>.
  function marked(parent, parts) {
    parts.forEach(function (p) {
      if (p.mark) text(parent, "mark", "", p.text);
      else parent.appendChild(document.createTextNode(p.text));
    });
    return parent;
  }

  // item makes the list item of a hit; its snippet is a placeholder
  // until fillSnippet puts it in.
  function item(v) {
    var li = document.createElement("li");
    li.className = "search-hit search-hit-pending";
    li.setAttribute("data-id", v.id);
    var a = text(li, "a", "search-hit-link");
    a.href = brandURL.replace("@", v.id);
    marked(text(a, "span", "search-hit-name"), v.name);
    var line = text(a, "span", "search-hit-meta");
    marked(text(line, "span", "search-hit-unit"), v.unit);
    var badges = text(line, "span", "badges");
    if (v.stage) text(badges, "span", "badge badge-stage", v.stage.name);
    if (v.status) text(badges, "span", "badge badge-status status-" + v.status.id, v.status.name);
    text(a, "span", "search-hit-snippet", "…");
    return li;
  }

  // fillSnippet puts the snippet of hit li in place of its placeholder.
  function fillSnippet(li, s) {
    var old = li.querySelector(".search-hit-snippet");
    li.classList.remove("search-hit-pending");
    if (!s) {
      old.remove();
      return;
    }
    var sn = document.createElement("span");
    sn.className = "search-hit-snippet";
    text(sn, "span", "search-hit-field", s.label);
    if (s.before) sn.appendChild(document.createTextNode("…"));
    marked(sn, s.parts);
    if (s.after) sn.appendChild(document.createTextNode("…"));
    old.replaceWith(sn);
  }

  // updateFacets shows beside each filter choice how many results it
  // would leave.
  function updateFacets(res) {
    selects.forEach(function (s) {
      var counts = res ? res.facets[s.name] : null;
      Array.prototype.forEach.call(s.options, function (o) {
        var label = o.getAttribute("data-label");
        o.textContent = counts && o.value ? label + "（" + (counts[o.value] || 0) + "）" : label;
      });
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run();
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  selects.forEach(function (s) {
    s.addEventListener("change", function () {
      delete pending[s.name];
      run();
    });
  });
  more.addEventListener("click", function () {
    var mine = seq, first = shown;
    showMore(mine, false).then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    }).catch(fail);
  });

  // Keyboard: Down from the box goes to the first result, Up and Down move
  // between results, Escape goes back to the box.
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".search-hit-link"));
  }
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && links().length) {
      e.preventDefault();
      links()[0].focus();
    }
  });
  list.addEventListener("keydown", function (e) {
    var all = links(), i = all.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === "ArrowDown" && i + 1 < all.length) {
      e.preventDefault();
      all[i + 1].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      (i > 0 ? all[i - 1] : input).focus();
    } else if (e.key === "Escape") {
      input.focus();
    }
  });

  // The kiosk's letter keyboard types into the box without focusing it,
  // which would bring up the system's own keyboard on a touch screen.
  var keys = root.querySelector(".search-keys");
  if (keys) {
    keys.addEventListener("click", function (e) {
      var b = e.target.closest("[data-key]");
      if (!b) return;
      var k = b.getAttribute("data-key"), v = input.value;
      if (k === "back") v = Array.from(v).slice(0, -1).join("");
      else if (k === "clear") v = "";
      else if (k === "space") v += " ";
      else v += k;
      input.value = v;
      run();
    });
  }

  setState("loading");
  say("正在载入搜索索引…");
  opened.then(function (e) {
    engine = e;
    // A unit the index does not know filters nothing, as an option the
    // page lacks would not.
    if (pending.unit && !e.meta.units.some(function (u) { return u[0] === pending.unit; })) delete pending.unit;
    // The visitor may have reached for the filter while it loaded.
    if (document.activeElement === unitSelect) fillUnits();
    run();
  }).catch(fail);
})();
