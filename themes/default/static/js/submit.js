// The submission page: gathers the form, hands it to the engine (the
// project's Go rules compiled to WebAssembly, in submit-engine.js) on
// every change, and shows the index.md it writes and what the check
// finds. Nothing leaves the browser: the bundle is downloaded, the draft
// kept in localStorage. No inline script, so the page's strict
// Content-Security-Policy holds; it adds only 'wasm-unsafe-eval'.
(function () {
  "use strict";
  var root = document.querySelector("[data-submit]");
  if (!root) return;
  var form = root.querySelector(".submit-form");
  var status = root.querySelector("[data-engine-status]");
  var sourceEl = document.getElementById("source");
  var findingsEl = document.getElementById("findings");
  var download = document.getElementById("download");
  var previewEl = document.getElementById("preview");
  var draftKey = "showcase-submit-draft:" + location.pathname;
  var files = {}; // name in the bundle -> Uint8Array
  var engine = null;
  var brandTouched = false;
  var timer = 0;
  var lastCheck = null;
  var context = JSON.parse(root.getAttribute("data-context") || "{}");

  function setStatus(text) { status.textContent = text; }

  // ---- rows (carriers, goals, timeline) ----
  function rowsOf(kind) { return form.querySelector('[data-rows="' + kind + '"]'); }
  function addRow(kind, values) {
    var set = rowsOf(kind);
    var list = set.querySelector("[data-list]");
    var li = set.querySelector("template[data-row]").content.firstElementChild.cloneNode(true);
    list.appendChild(li);
    values = values || {};
    li.querySelectorAll("[data-name]").forEach(function (el) {
      if (values[el.getAttribute("data-name")] != null) el.value = values[el.getAttribute("data-name")];
    });
    renumber(kind);
    return li;
  }
  function renumber(kind) {
    var set = rowsOf(kind);
    set.querySelectorAll("[data-list] > li").forEach(function (li, i) {
      li.querySelectorAll(".field").forEach(function (field) {
        var el = field.querySelector("[data-name]");
        var name = kind + "." + i + "." + el.getAttribute("data-name");
        el.name = name;
        el.id = "f-" + name.replace(/\./g, "-");
        field.querySelector("label").htmlFor = el.id;
        var ul = field.querySelector(".field-findings");
        if (!ul) { ul = document.createElement("ul"); ul.className = "field-findings"; field.appendChild(ul); }
        ul.setAttribute("data-for", name);
      });
      var rm = li.querySelector("[data-remove]");
      rm.setAttribute("aria-label", rm.textContent + "（第 " + (i + 1) + " 项）");
    });
  }
  function clearRows(kind) { rowsOf(kind).querySelector("[data-list]").textContent = ""; }
  form.querySelectorAll("[data-rows]").forEach(function (set) {
    var kind = set.getAttribute("data-rows");
    set.querySelector("[data-add]").addEventListener("click", function () {
      var li = addRow(kind);
      li.querySelector("[data-name]").focus();
      changed();
    });
    set.addEventListener("click", function (e) {
      var rm = e.target.closest("[data-remove]");
      if (!rm) return;
      rm.closest("li").remove();
      renumber(kind);
      set.querySelector("[data-add]").focus();
      changed();
    });
  });

  // ---- the form's values ----
  function val(name) { var el = form.elements.namedItem(name); return el && el.value != null ? el.value : ""; }
  function rows(kind, keys) {
    var out = [];
    rowsOf(kind).querySelectorAll("[data-list] > li").forEach(function (li) {
      var r = {};
      keys.forEach(function (k) { r[k] = li.querySelector('[data-name="' + k + '"]').value; });
      out.push(r);
    });
    return out;
  }
  function logoName() { for (var n in files) if (n.indexOf("logo.") === 0) return n; return ""; }
  function photoNames() { return Object.keys(files).filter(function (n) { return n.indexOf("photos/") === 0; }).sort(); }
  function gather() {
    var partners = [];
    var sel = form.elements.namedItem("partners");
    if (sel) for (var i = 0; i < sel.options.length; i++) if (sel.options[i].selected) partners.push(sel.options[i].value);
    var ideas = {};
    ["learning", "conduct", "work", "style", "innovation", "service"].forEach(function (k) { ideas[k] = val("ideas." + k); });
    return {
      unit: val("unit"), brand: val("brand"), name: val("name"), organization: val("organization"),
      secretary: val("secretary"), stage: val("stage"), status: val("status"), declared: val("declared"),
      logo: logoName(), slogan: val("slogan"), concept: val("concept"), ideas: ideas,
      carriers: rows("carriers", ["name", "description"]), members: val("members"), partners: partners,
      tags: val("tags"), photos: photoNames(), goals: rows("goals", ["year", "items"]),
      timeline: rows("timeline", ["date", "event"]), body: val("body"), extra: extra
    };
  }
  var extra = [];
  function fill(f) {
    ["unit", "brand", "name", "organization", "secretary", "stage", "status", "declared", "slogan", "concept", "members", "tags", "body"].forEach(function (k) {
      var el = form.elements.namedItem(k);
      if (el && f[k] != null) el.value = f[k];
    });
    var ideas = f.ideas || {};
    Object.keys(ideas).forEach(function (k) { var el = form.elements.namedItem("ideas." + k); if (el) el.value = ideas[k] || ""; });
    var sel = form.elements.namedItem("partners");
    if (sel) for (var i = 0; i < sel.options.length; i++) sel.options[i].selected = (f.partners || []).indexOf(sel.options[i].value) >= 0;
    [["carriers", f.carriers], ["goals", f.goals], ["timeline", f.timeline]].forEach(function (p) {
      clearRows(p[0]);
      (p[1] || []).forEach(function (r) { addRow(p[0], r); });
    });
    if (!(f.carriers || []).length) addRow("carriers");
    extra = f.extra || [];
    brandTouched = !!f.brand;
    updateOrgs();
  }

  // ---- files ----
  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(new Uint8Array(r.result)); };
      r.onerror = function () { reject(r.error); };
      r.readAsArrayBuffer(file);
    });
  }
  function ext(name) { var m = /\.([A-Za-z0-9]+)$/.exec(name); return m ? m[1].toLowerCase() : ""; }
  function safeName(name) {
    var base = name.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").normalize("NFC");
    base = base.replace(/[^A-Za-z0-9\u4e00-\u9fff_-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
    return base || "photo";
  }
  form.elements.namedItem("logo").addEventListener("change", function (e) {
    var f = e.target.files[0];
    if (!f) return;
    readFile(f).then(function (data) {
      Object.keys(files).forEach(function (n) { if (n.indexOf("logo.") === 0) delete files[n]; });
      files["logo." + ext(f.name)] = data;
      showFiles();
      changed();
    });
  });
  form.elements.namedItem("photos").addEventListener("change", function (e) {
    var list = Array.prototype.slice.call(e.target.files);
    Promise.all(list.map(readFile)).then(function (datas) {
      datas.forEach(function (data, i) {
        var base = "photos/" + safeName(list[i].name), name = base + "." + ext(list[i].name), n = 2;
        while (files[name]) name = base + "-" + (n++) + "." + ext(list[i].name);
        files[name] = data;
      });
      e.target.value = "";
      showFiles();
      changed();
    });
  });
  function showFiles() {
    var logo = logoName();
    root.querySelector("[data-logo-name]").textContent = logo ? "已选：" + logo : "";
    var ul = root.querySelector("[data-photo-list]");
    ul.textContent = "";
    photoNames().forEach(function (n) {
      var li = document.createElement("li");
      li.textContent = n + "（" + Math.round(files[n].length / 1024) + " KB）";
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = "移除";
      b.setAttribute("aria-label", "移除照片 " + n);
      b.addEventListener("click", function () { delete files[n]; showFiles(); changed(); });
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  // ---- organizations of the chosen unit, and the suggested id ----
  function updateOrgs() {
    var dl = document.getElementById("f-orgs");
    dl.textContent = "";
    (context.units || []).forEach(function (u) {
      if (u.id !== val("unit")) return;
      (u.organizations || []).forEach(function (o) { var opt = document.createElement("option"); opt.value = o; dl.appendChild(opt); });
    });
  }
  form.elements.namedItem("unit").addEventListener("change", updateOrgs);
  form.elements.namedItem("brand").addEventListener("input", function () { brandTouched = true; });
  form.elements.namedItem("name").addEventListener("input", function () {
    if (!brandTouched && engine) form.elements.namedItem("brand").value = engine.suggest(val("name"));
  });

  // ---- checking ----
  function changed() {
    clearTimeout(timer);
    timer = setTimeout(check, 40);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  function check() {
    if (!engine) return;
    var t0 = performance.now();
    var f = gather();
    var res = JSON.parse(engine.check(JSON.stringify(f), files));
    lastCheck = res;
    root.setAttribute("data-check-ms", String(Math.round(performance.now() - t0)));
    if (res.error) { setStatus("检查出错：" + res.error); return; }
    sourceEl.textContent = res.source;
    showFindings(res);
    download.disabled = res.errors > 0;
    download.title = res.errors > 0 ? "还有 " + res.errors + " 个错误，改正后才能下载" : "下载 " + res.bundle;
    saveDraft(f);
    if (!document.getElementById("panel-preview").hidden) preview();
  }
  function showFindings(res) {
    root.querySelectorAll(".field-findings").forEach(function (ul) { ul.textContent = ""; });
    root.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    findingsEl.textContent = "";
    res.findings.forEach(function (d) {
      var li = document.createElement("li");
      li.className = "finding finding-" + d.severity;
      li.setAttribute("data-line", String(d.line));
      li.setAttribute("data-rule", d.rule);
      if (d.field) li.setAttribute("data-field", d.field);
      var where = d.file === "index.md" ? "第 " + d.line + " 行" + (d.col ? "第 " + d.col + " 列" : "") : d.file;
      li.innerHTML = "";
      var head = document.createElement("span");
      head.className = "finding-where";
      head.textContent = (d.severity === "error" ? "错误" : "提醒") + " · " + where;
      var msg = document.createElement("span");
      msg.className = "finding-message";
      msg.textContent = d.message;
      var rule = document.createElement("code");
      rule.className = "finding-rule";
      rule.textContent = d.rule;
      li.appendChild(head); li.appendChild(msg);
      if (d.hint) { var h = document.createElement("span"); h.className = "finding-hint"; h.textContent = d.hint; li.appendChild(h); }
      li.appendChild(rule);
      findingsEl.appendChild(li);
      var key = fieldKey(d);
      var ul = key && root.querySelector('.field-findings[data-for="' + key + '"]');
      if (ul) {
        var item = document.createElement("li");
        item.className = "finding-" + d.severity;
        item.textContent = d.message + (d.hint ? "。" + d.hint : "");
        ul.appendChild(item);
        var ctl = form.elements.namedItem(key);
        if (ctl && ctl.setAttribute && d.severity === "error") ctl.setAttribute("aria-invalid", "true");
      }
    });
    var n = res.errors, w = res.warnings;
    root.querySelector("[data-count]").textContent = n + w === 0 ? "（没有发现问题）" : "（" + n + " 个错误，" + w + " 个提醒）";
  }
  // fieldKey names the control a finding belongs beside.
  function fieldKey(d) {
    if (d.file !== "index.md") return /^photos\//.test(d.file) ? "photos" : "logo";
    var f = d.field || "";
    if (root.querySelector('.field-findings[data-for="' + f + '"]')) return f;
    var top = f.split(".")[0];
    if (/^(tags|photos|partners)$/.test(top)) return top;
    return root.querySelector('.field-findings[data-for="' + top + '"]') ? top : "";
  }

  // ---- draft ----
  function toB64(u8) { var s = ""; for (var i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000)); return btoa(s); }
  function fromB64(s) { var b = atob(s), u = new Uint8Array(b.length); for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i); return u; }
  function saveDraft(f) {
    try {
      var stored = {};
      Object.keys(files).forEach(function (n) { stored[n] = toB64(files[n]); });
      localStorage.setItem(draftKey, JSON.stringify({ form: f, files: stored, brandTouched: brandTouched }));
    } catch (e) {
      try { localStorage.setItem(draftKey, JSON.stringify({ form: f, files: {}, brandTouched: brandTouched })); } catch (e2) { /* storage off */ }
    }
  }
  function loadDraft() {
    var d;
    try { d = JSON.parse(localStorage.getItem(draftKey) || "null"); } catch (e) { d = null; }
    if (!d) { addRow("carriers"); return false; }
    fill(d.form || {});
    brandTouched = !!d.brandTouched;
    files = {};
    Object.keys(d.files || {}).forEach(function (n) { files[n] = fromB64(d.files[n]); });
    showFiles();
    return true;
  }
  root.querySelector("[data-reset]").addEventListener("click", function () {
    if (!confirm("清空已填写的全部内容，重新开始？")) return;
    try { localStorage.removeItem(draftKey); } catch (e) { /* ignore */ }
    form.reset();
    files = {}; extra = []; brandTouched = false;
    fill({ body: form.elements.namedItem("body").defaultValue });
    showFiles();
    changed();
  });

  // ---- bundle: download and open ----
  download.addEventListener("click", function () {
    if (!engine || !lastCheck || lastCheck.errors > 0) return;
    var data = engine.zip(JSON.stringify(gather()), files);
    if (typeof data === "string") { setStatus("无法生成提交包：" + data); return; }
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([data], { type: "application/zip" }));
    a.download = lastCheck.bundle;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    setStatus("已下载 " + lastCheck.bundle + "。" );
  });
  function applyOpened(res) {
    var o = JSON.parse(res.json);
    if (o.error) { setStatus("无法打开：" + o.error); return; }
    form.reset();
    fill(o.form);
    files = {};
    Object.keys(res.files).forEach(function (n) { files[n] = res.files[n]; });
    showFiles();
    setStatus("已打开提交包，可以继续修改。");
    check();
  }
  document.getElementById("open-zip").addEventListener("change", function (e) {
    var f = e.target.files[0];
    if (!f || !engine) return;
    readFile(f).then(function (data) { applyOpened(engine.open(data)); e.target.value = ""; });
  });
  document.getElementById("open-folder").addEventListener("change", function (e) {
    var list = Array.prototype.slice.call(e.target.files);
    if (!list.length || !engine) return;
    Promise.all(list.map(readFile)).then(function (datas) {
      var map = {};
      datas.forEach(function (data, i) {
        var rel = (list[i].webkitRelativePath || list[i].name).split("/");
        if (rel.length > 1) rel.shift();
        map[rel.join("/")] = data;
      });
      applyOpened(engine.openFiles(map));
      e.target.value = "";
    });
  });

  // ---- tabs and preview ----
  var tabs = Array.prototype.slice.call(root.querySelectorAll('[role="tab"]'));
  function select(tab) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
    });
    if (tab.id === "tab-preview") preview();
  }
  tabs.forEach(function (t, i) {
    t.addEventListener("click", function () { select(t); });
    t.addEventListener("keydown", function (e) {
      var d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!d) return;
      var next = tabs[(i + d + tabs.length) % tabs.length];
      next.focus();
      select(next);
    });
  });
  function preview() {
    if (!engine) return;
    var html = engine.preview(JSON.stringify(gather()), files);
    if (!html) return;
    var doc = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
    doc.querySelectorAll("img").forEach(function (img) { img.removeAttribute("src"); img.removeAttribute("srcset"); });
    doc.querySelectorAll("a").forEach(function (a) { a.removeAttribute("href"); });
    doc.querySelectorAll("script").forEach(function (s) { s.remove(); });
    previewEl.textContent = "";
    previewEl.appendChild(document.adoptNode(doc.body.firstElementChild));
  }

  // ---- start the engine ----
  function b64bytes(s) { return fromB64(s); }
  function start() {
    if (!self.showcaseEngineWasm || !self.Go || !self.WebAssembly) {
      setStatus("检查程序没有加载成功：请使用较新的 Chrome、Edge、360 或 Firefox 浏览器。");
      root.setAttribute("data-state", "failed");
      return;
    }
    var gz = b64bytes(self.showcaseEngineWasm);
    var stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"));
    new Response(stream).arrayBuffer().then(function (buf) {
      var go = new Go();
      self.showcaseEngineReady = function () {
        engine = self.showcaseEngine;
        var err = engine.init(JSON.stringify(context));
        if (err) { setStatus("检查程序出错：" + err); return; }
        root.setAttribute("data-state", "ready");
        setStatus("检查程序已就绪：边填边检查。");
        loadDraft();
        check();
      };
      return WebAssembly.instantiate(buf, go.importObject).then(function (r) { go.run(r.instance); });
    }).catch(function (e) {
      root.setAttribute("data-state", "failed");
      setStatus("检查程序没有加载成功：" + e);
    });
  }
  start();
})();
