// showcase search engine. The build writes the index to search/ as
// scripts: meta.js (every brand's id, name, unit, stage and status),
// t/N.js (token shards: which brands hold a token, by the rank of the
// field), l/N.js (lead blocks: the slogans and concepts of 64 brands),
// d/N.js (text blocks: the rest of the text of a few brands) and p.js
// (the pinyin of the names, for a query that can be pinyin). Each calls
// showcaseSearch.meta, .shard, .lead, .block or .pinyin. They
// are loaded with <script>, which works from file:// where fetch does
// not, and only when a search needs them: the home page loads none.
//
// The search is the one in internal/search/query.go, which the Go tests
// check; a browser test checks that both rank the same brands the same
// way. Keep the two in step.
(function () {
  "use strict";

  // Tiers of fields, best first (search.Tier).
  var NAME = 0, LEAD = 1, DETAIL = 2, BODY = 3;

  // Postings: base-32 numbers, every digit but the last from MORE, the
  // last from LAST; "." ends a tier (search/encode.go).
  var LAST = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
  var lastValue = new Int8Array(128).fill(-1);
  var moreValue = new Int8Array(128).fill(-1);
  for (var i = 0; i < 32; i++) {
    lastValue[LAST.charCodeAt(i)] = i;
    moreValue[MORE.charCodeAt(i)] = i;
  }

  var OTHER = 0, HAN = 1, WORD = 2;
  var hanRe = /^\p{Script=Han}$/u;
  var wordRe = /^[\p{L}\p{Nd}]$/u;

  // classify returns what a character (one code point) is to the
  // tokenizer, as search.classify does.
  function classify(ch) {
    var c = ch.charCodeAt(0);
    if (c < 0x80) {
      return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? WORD : OTHER;
    }
    if (hanRe.test(ch)) {
      return HAN;
    }
    return wordRe.test(ch) ? WORD : OTHER;
  }

  // fold lower-cases and turns full-width ASCII half-width, keeping the
  // length in UTF-16 units, as search.Fold does, so offsets found in the
  // folded text hold in the original.
  function fold(s) {
    var t = s.toLowerCase();
    if (t.length !== s.length) {
      t = "";
      for (var i = 0; i < s.length; i++) {
        var l = s[i].toLowerCase();
        t += l.length === 1 ? l : s[i];
      }
    }
    return t.replace(/[\uFF01-\uFF5E\u3000]/g, function (c) {
      return c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xFEE0).toLowerCase();
    });
  }

  // terms splits a query into terms, as search.Terms does.
  function terms(query) {
    var out = [];
    fold(query).split(/\s+/u).forEach(function (t) {
      var cps = Array.from(t), a = 0, b = cps.length;
      while (a < b && classify(cps[a]) === OTHER) a++;
      while (b > a && classify(cps[b - 1]) === OTHER) b--;
      if (b > a) out.push(cps.slice(a, b).join(""));
    });
    return out;
  }

  // plan chooses the tokens to look a term up by, as search.planTerm does.
  function plan(term) {
    var tokens = [], words = [], run = [], word = "";
    function endRun() {
      var n = run.length;
      if (n === 1) tokens.push(run[0]);
      for (var i = 0; i + 1 < n; i += 2) tokens.push(run[i] + run[i + 1]);
      if (n > 1 && n % 2 === 1) tokens.push(run[n - 2] + run[n - 1]);
      run = [];
    }
    function endWord() {
      if (word) words.push(word);
      word = "";
    }
    Array.from(term).forEach(function (ch) {
      var c = classify(ch);
      if (c === HAN) {
        endWord();
        run.push(ch);
        return;
      }
      endRun();
      if (c === WORD) word += ch;
      else endWord();
    });
    endRun();
    var p = { tokens: tokens.concat(words), prefix: word };
    var n = p.tokens.length + (word ? 1 : 0);
    p.exact = n === 1 && (word !== "" || Array.from(p.tokens[0]).length <= 2);
    return p;
  }

  function isPinyin(term) {
    return /^[a-z0-9]+$/.test(term);
  }

  // spell returns how many syllables from the i-th on q spells from its
  // j-th letter, each in full or by its first letter (zh, ch, sh also by
  // two), the last maybe cut short; -1 if it does not (search.spells).
  // It compares in place: it runs for every name of a large site.
  function spell(syl, i, q, j) {
    if (j === q.length) return 0;
    if (i >= syl.length) return -1;
    var alts = syl[i], r, c = q.charCodeAt(j);
    for (var a = 0; a < alts.length; a++) {
      var s = alts[a];
      // Every way on starts with the reading's first letter.
      if (s.charCodeAt(0) !== c) continue;
      if (restIsPrefix(q, j, s)) return 1;
      if (q.startsWith(s, j) && (r = spell(syl, i + 1, q, j + s.length)) >= 0) return r + 1;
      if (q.charCodeAt(j) === s.charCodeAt(0) && (r = spell(syl, i + 1, q, j + 1)) >= 0) return r + 1;
      if (s.length > 2 && s[1] === "h" && q.startsWith(s.slice(0, 2), j) && (r = spell(syl, i + 1, q, j + 2)) >= 0) return r + 1;
    }
    return -1;
  }

  // restIsPrefix reports whether q from its j-th letter on begins s.
  function restIsPrefix(q, j, s) {
    if (q.length - j > s.length) return false;
    for (var k = j; k < q.length; k++) {
      if (q.charCodeAt(k) !== s.charCodeAt(k - j)) return false;
    }
    return true;
  }

  // matchPinyin returns the first syllable and the number of syllables q
  // spells, or null (search.MatchPinyin).
  function matchPinyin(syl, q) {
    if (!q) return null;
    for (var i = 0; i < syl.length; i++) {
      var n = spell(syl, i, q, 0);
      if (n >= 0) return { start: i, count: n };
    }
    return null;
  }

  // letterBit is the bit of a letter or digit in a mask of letters: a to
  // z each their own, every digit the same one.
  function letterBit(c) {
    if (c >= 97 && c <= 122) return 1 << (c - 97);
    return c >= 48 && c <= 57 ? 1 << 26 : 0;
  }

  function termMask(q) {
    var m = 0;
    for (var i = 0; i < q.length; i++) m |= letterBit(q.charCodeAt(i));
    return m;
  }

  function parsePinyin(s) {
    return s ? s.split(" ").map(function (x) { return x.split("/"); }) : [];
  }

  // columnMasks returns, for each of the n values of a column of p.js
  // (pinyin strings), the letters of every reading and their first
  // letters, as two arrays, in one pass over the column's string: a name
  // that q spells holds every letter of q, and q starts with a first
  // letter. Testing the masks rules most names out without parsing their
  // pinyin.
  function columnMasks(s, n) {
    var all = new Int32Array(n), first = new Int32Array(n), d = 0, a = 0, f = 0, start = true;
    for (var i = 0; i <= s.length; i++) {
      var c = i < s.length ? s.charCodeAt(i) : 10;
      if (c === 10) {
        if (d < n) {
          all[d] = a;
          first[d] = f;
        }
        d++;
        a = f = 0;
        start = true;
        continue;
      }
      if (c === 32 || c === 47) {
        start = true;
        continue;
      }
      var bit = letterBit(c);
      a |= bit;
      if (start) f |= bit;
      start = false;
    }
    return [all, first];
  }

  // Column reads the values of a column of meta.js or p.js, one string of
  // n values a line, one at a time: where the lines start is found when
  // a value is first asked for, and no array of n strings is made. A
  // search reads the names of its candidates, and the ids of the brands
  // it shows, not all of them.
  function Column(s, n) {
    this.s = s;
    this.n = n;
    this.at = null;
  }

  Column.prototype.get = function (d) {
    if (!this.at) {
      var s = this.s, n = this.n, at = this.at = new Int32Array(n + 1), i = 0;
      for (var k = 0; k < n; k++) {
        at[k] = i;
        var j = s.indexOf("\n", i);
        i = j < 0 ? s.length + 1 : j + 1;
      }
      at[n] = s.length + 1;
    }
    return this.s.slice(this.at[d], this.at[d + 1] - 1);
  };

  // codePointBefore returns the character that ends at offset i of s.
  function charBefore(s, i) {
    var c = s.charCodeAt(i - 1);
    if (c >= 0xDC00 && c <= 0xDFFF && i >= 2) return s.slice(i - 2, i);
    return s[i - 1];
  }

  // find returns where the term of matcher m is in text where a word may
  // start, or -1, as search.contains does.
  function find(text, m) {
    var term = m.term;
    for (var i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      if (!m.needStart || i === 0 || classify(charBefore(text, i)) !== WORD) return i;
    }
    return -1;
  }

  // Scripts: every index file registers its data under a name, read when
  // the script's load event fires.
  var registered = {};
  var loading = {};

  // loadScript loads the index file at url with a script element of its
  // own, or with the page's own element for it when given one (the search
  // page's meta.js, deferred after this script so that it runs as soon
  // as this does, not a task and a frame after the page asks for it).
  function loadScript(url, name, own) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var s = own || document.createElement("script");
        s.addEventListener("load", function () {
          if (!own) s.remove();
          if (name in registered) resolve(registered[name]);
          else reject(new Error("索引文件 " + url + " 里没有搜索数据，请重新生成网站"));
        });
        s.addEventListener("error", function () {
          if (!own) s.remove();
          delete loading[name];
          reject(new Error("无法加载索引文件 " + url + "，请检查网络后刷新页面"));
        });
        if (!own) {
          s.src = url;
          s.async = true;
          document.head.appendChild(s);
        }
      });
    }
    return loading[name];
  }

  // Engine searches one index. It makes nothing per brand until a search
  // needs it: the columns of meta.js are read where they are needed, and
  // what a search works out of a brand (its slogan and concept, folded
  // texts, parsed pinyin) is kept in a record made when first needed.
  function Engine(meta, base) {
    this.meta = meta;
    this.base = base;
    var n = this.n = meta.n;
    this.bits = Math.round(Math.log2(meta.shards));
    this.postings = {}; // token -> Uint8Array, tier+1 per brand
    this.ids = new Column(meta.ids, n);
    this.names = new Column(meta.names, n);
    this.records = new Array(n);
    // leadDone[k] is 1 once lead block k is loaded and its brands'
    // slogans and concepts are in their records.
    this.leadDone = new Uint8Array(Math.ceil(n / meta.lead));
    this.leadLoads = {};
    // lists and groups are the stages, statuses and units, in the order
    // of DIMS, and each brand's by number (-1 for none).
    this.lists = [meta.stages, meta.statuses, meta.units];
    this.groups = [meta.stage, meta.status, meta.unit];
    this.unitFolded = new Array(meta.units.length);
    // The pinyin (p.js), once loaded: the names' as columns, and the
    // letters of each name's readings (columnMasks) as arrays.
    this.pinyin = null;
    this.pinyinLoad = null;
  }

  // record returns what a search has worked out of brand d so far.
  Engine.prototype.record = function (d) {
    var r = this.records[d];
    if (!r) {
      r = this.records[d] = {
        name: this.names.get(d), slogan: null, concept: null,
        foldedName: null, folded: null, block: null, syllables: null,
      };
    }
    return r;
  };

  // hasLead reports whether the lead block of brand d is loaded.
  Engine.prototype.hasLead = function (d) {
    return this.leadDone[Math.floor(d / this.meta.lead)] === 1;
  };

  // unit returns the folded name of unit u.
  Engine.prototype.foldedUnit = function (u) {
    if (this.unitFolded[u] === undefined) this.unitFolded[u] = fold(this.meta.units[u][1]);
    return this.unitFolded[u];
  };

  // loadPinyin loads p.js, the pinyin of the names, which only a term
  // that can be pinyin needs.
  Engine.prototype.loadPinyin = function () {
    var self = this;
    if (!this.pinyinLoad) {
      this.pinyinLoad = loadScript(this.url("p.js"), "p").then(function (data) {
        var units = self.meta.units.length, n = self.n;
        var um = columnMasks(data.units, units), bm = columnMasks(data.brands, n);
        self.pinyin = {
          units: new Column(data.units, units), unitAll: um[0], unitFirst: um[1],
          brands: new Column(data.brands, n), all: bm[0], first: bm[1],
        };
      }, function (err) {
        self.pinyinLoad = null;
        throw err;
      });
    }
    return this.pinyinLoad;
  };

  // shardOf returns the token shard of a token: a hash of both
  // characters of a bigram, of the first character of anything else
  // (search.Index.shardOf). "| 0" and Math.imul wrap as Go's uint32 does.
  Engine.prototype.shardOf = function (tok) {
    return shardOf(tok, this.bits);
  };

  function shardOf(tok, bits) {
    if (bits === 0) return 0;
    var cps = Array.from(tok), a = cps[0].codePointAt(0), b = 0;
    if (cps.length === 2 && classify(cps[0]) === HAN) b = cps[1].codePointAt(0);
    return Math.imul((Math.imul(a, 0x9E3779B1) + b) | 0, 0x85EBCA6B) >>> (32 - bits);
  }

  // queryShards returns the token shards the terms of query are looked
  // up in, in an index of 2**bits shards.
  function queryShards(query, bits) {
    var out = {};
    terms(query).map(plan).forEach(function (p) {
      p.tokens.concat(p.prefix ? [p.prefix] : []).forEach(function (tok) {
        out[shardOf(tok, bits)] = true;
      });
    });
    return Object.keys(out);
  }

  Engine.prototype.url = function (file) {
    return this.base + file + "?v=" + this.meta.v;
  };

  Engine.prototype.shard = function (k) {
    return loadScript(this.url("t/" + k + ".js"), "t/" + k);
  };

  Engine.prototype.block = function (k) {
    return loadScript(this.url("d/" + k + ".js"), "d/" + k);
  };

  // lead loads lead block k and fills in its brands' slogans and concepts.
  Engine.prototype.lead = function (k) {
    var self = this;
    if (!this.leadLoads[k]) {
      this.leadLoads[k] = loadScript(this.url("l/" + k + ".js"), "l/" + k).then(function (data) {
        var slogans = data.slogans.split("\n"), concepts = data.concepts.split("\n"), lo = k * self.meta.lead;
        for (var i = 0; i < slogans.length; i++) {
          var r = self.record(lo + i);
          r.slogan = slogans[i];
          r.concept = concepts[i];
        }
        self.leadDone[k] = 1;
      }, function (err) {
        delete self.leadLoads[k];
        throw err;
      });
    }
    return this.leadLoads[k];
  };

  // leads loads the lead blocks of brands ds, blocks their text blocks.
  Engine.prototype.leads = function (ds) { return this.loadAll(ds, this.meta.lead, this.lead); };
  Engine.prototype.blocks = function (ds) { return this.loadAll(ds, this.meta.block, this.block); };

  Engine.prototype.loadAll = function (ds, size, load) {
    var self = this, ks = {};
    ds.forEach(function (d) { ks[Math.floor(d / size)] = true; });
    return Promise.all(Object.keys(ks).map(function (k) { return load.call(self, +k); }));
  };

  // decode adds postings to tiers (tier+1 per brand, the best kept).
  function decode(s, tiers) {
    var t = 1, prev = -1, n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c === 46) {
        t++;
        prev = -1;
        continue;
      }
      var m = moreValue[c];
      if (m >= 0) {
        n = n * 32 + m;
        continue;
      }
      prev += n * 32 + lastValue[c] + 1;
      n = 0;
      if (!tiers[prev] || tiers[prev] > t) tiers[prev] = t;
    }
  }

  // lookup returns the brands holding a token, or words starting with a
  // prefix, from a loaded shard.
  Engine.prototype.lookup = function (shard, tok, prefix) {
    var key = (prefix ? "^" : "=") + tok;
    var tiers = this.postings[key];
    if (tiers) return tiers;
    tiers = new Uint8Array(this.n);
    if (!prefix) {
      if (Object.prototype.hasOwnProperty.call(shard, tok)) decode(shard[tok], tiers);
    } else {
      for (var w in shard) {
        if (w.startsWith(tok)) decode(shard[w], tiers);
      }
    }
    this.postings[key] = tiers;
    return tiers;
  };

  Engine.prototype.foldedName = function (b) {
    if (b.foldedName === null) b.foldedName = fold(b.name);
    return b.foldedName;
  };

  // foldedMeta returns the name, slogan and concept of brand b folded; its
  // lead block must be loaded.
  Engine.prototype.foldedMeta = function (b) {
    if (!b.folded) b.folded = [this.foldedName(b), fold(b.slogan), fold(b.concept)];
    return b.folded;
  };

  // hanOnlyRe matches a term of Chinese characters only. Folding neither
  // changes a Chinese character nor makes one, so such a term is found
  // in the text as it is, without folding it first.
  var hanOnlyRe = /^\p{Script=Han}+$/u;

  // matcher prepares a term for find, once per search rather than once
  // per brand: whether the text can be searched unfolded (raw), and
  // whether the term must start a word (search.contains, which looks at
  // the term's first character).
  function matcher(term) {
    return {
      term: term,
      raw: hanOnlyRe.test(term),
      needStart: classify(String.fromCodePoint(term.codePointAt(0))) === WORD,
    };
  }

  // verifyMeta finds the best tier in which brand d holds the term of m
  // among its name, its slogan and concept, and its unit's name; null
  // when the text blocks must be read, or the lead block first.
  Engine.prototype.verifyMeta = function (d, m) {
    // A term of Chinese characters looks at the name as it is, without
    // making a record for every candidate.
    if (find(m.raw ? this.names.get(d) : this.foldedName(this.record(d)), m) >= 0) return NAME;
    if (!this.hasLead(d)) return null;
    var b = this.record(d);
    if (m.raw) {
      if (find(b.slogan, m) >= 0 || find(b.concept, m) >= 0) return LEAD;
    } else {
      var f = this.foldedMeta(b);
      if (find(f[1], m) >= 0 || find(f[2], m) >= 0) return LEAD;
    }
    if (find(this.foldedUnit(this.meta.unit[d]), m) >= 0) return DETAIL;
    return null;
  };

  // verifyBlock finds the tier in which brand d holds the term of m in
  // its text block, which must be loaded; -1 for none.
  Engine.prototype.verifyBlock = function (d, m) {
    var texts = m.raw ? this.blockRow(d) : this.blockTexts(d);
    for (var i = 0; i < texts.length; i++) {
      if (find(texts[i], m) >= 0) return i === texts.length - 1 ? BODY : DETAIL;
    }
    return -1;
  };

  // blockRow returns the texts of brand d from its loaded text block.
  Engine.prototype.blockRow = function (d) {
    var k = Math.floor(d / this.meta.block);
    return registered["d/" + k][d - k * this.meta.block];
  };

  // blockTexts returns the texts of brand d folded.
  Engine.prototype.blockTexts = function (d) {
    var b = this.record(d);
    if (!b.block) b.block = this.blockRow(d).map(fold);
    return b.block;
  };

  // score ranks a match in tier of the term of matcher m
  // (search.Index.score). Folding keeps a Chinese character and the
  // length of a name, and makes no Chinese character, so a term of
  // Chinese characters compares with the name as it is.
  Engine.prototype.score = function (d, m, tier) {
    if (tier !== NAME) return tier * 3;
    var term = m.term, name = m.raw ? this.names.get(d) : this.foldedName(this.record(d));
    if (name === term) return 0;
    return name.startsWith(term) ? 1 : 2;
  };

  // PAGE is how many hits the first page shows.
  var PAGE = 20;

  // search finds the brands holding every term of query, ranked, with
  // counts by stage, status and unit (each counted under the other two
  // filters), and returns a promise of the complete result, or of null
  // once stale (when given) returns true.
  //
  // A term the token shards do not decide alone is checked against the
  // brands' text, and for a common phrase that means reading most text
  // blocks, seconds of work. So the search first settles only the
  // candidates the first page needs, best first, and calls progress
  // (when given) with that page and bounds of the count (lo, hi), equal
  // when the count is exact. The rest are checked afterwards (once the
  // promise progress returns, of the page being shown, settles), a few
  // blocks at a time in tasks of their own so the page stays responsive,
  // and the complete result follows.
  Engine.prototype.search = function (query, filter, progress, stale) {
    var self = this, ts = terms(query), plans = ts.map(plan);
    var want = this.wanted(filter || {});
    if (!ts.length) return Promise.resolve(new Run(this, query, ts, [], want).result());
    var shards = {}, loads = queryShards(query, this.bits).map(function (k) {
      return self.shard(k).then(function (data) { shards[k] = data; });
    });
    if (ts.some(isPinyin)) loads.push(this.loadPinyin());
    return Promise.all(loads).then(function () {
      var scores = ts.map(function (term, i) { return self.termScores(term, plans[i], shards); });
      var run = new Run(self, query, ts, scores, want);
      // The decided hits ahead of the first open candidate are final:
      // the page may show them while the rest of its page is checked.
      var ahead = progress && function (hits) {
        if (!(stale && stale())) progress(run.partial(hits), true);
      };
      return run.firstPage(ahead).then(function (page) {
        if (stale && stale()) return null;
        if (!progress) return run.settleAll(null, stale);
        // The rest waits until the first page is on screen: its text
        // blocks would otherwise take the main thread from the page's
        // snippets and drawing.
        var settle = function () {
          if (stale && stale()) return null;
          return run.settleAll(function () { progress(run.partial(page)); }, stale);
        };
        return Promise.resolve(progress(run.partial(page))).then(settle, settle);
      });
    });
  };

  // Run is one search once the term scores are known. Each candidate
  // brand has a rank key, (worst score of a term) * span + (sum of the
  // scores), lower first, brands of one key in site order. A candidate
  // is decided when every term's score is known, open while a term still
  // needs its text block, its key then a bound the final key is not
  // below.
  function Run(engine, query, ts, scores, want) {
    var n = engine.n;
    this.engine = engine;
    this.query = query;
    this.ts = ts;
    this.matchers = ts.map(matcher);
    this.scores = scores;
    this.want = want;
    this.span = 9 * ts.length + 1;
    this.state = new Uint8Array(n); // NONE, DECIDED, OPEN
    this.key = new Int32Array(n);
    this.pass = new Uint8Array(n); // 1 where the filters keep the brand
    this.lo = this.hi = 0; // decided, and decided or open, the filters keep
    this.checked = this.held = 0; // open ones the filters keep checked, and found
    if (!ts.length) return;
    var all = want.every(function (w) { return w === ANY; });
    var first = scores[0], state = this.state, pass = this.pass;
    for (var d = 0; d < n; d++) {
      if (first[d] === -1) continue;
      this.rank(d);
      if (state[d] !== NONE && (all || engine.missed(d, want) < 0)) {
        pass[d] = 1;
        this.hi++;
        if (state[d] === DECIDED) this.lo++;
      }
    }
  }

  var NONE = 0, DECIDED = 1, OPEN = 2;

  // rank sets the state and key of brand d from the term scores.
  Run.prototype.rank = function (d) {
    var worst = 0, sum = 0, open = false, scores = this.scores;
    for (var t = 0; t < scores.length; t++) {
      var s = scores[t][d];
      if (s === -1) {
        this.state[d] = NONE;
        return;
      }
      if (s < -1) {
        open = true;
        s = -s - 2;
      }
      if (s > worst) worst = s;
      sum += s;
    }
    this.state[d] = open ? OPEN : DECIDED;
    this.key[d] = worst * this.span + sum;
  };

  // verify checks open brand d against its lead block and, when that
  // does not tell, its text block, which must be loaded (loadBlocks), and
  // ranks it again.
  Run.prototype.verify = function (d) {
    var e = this.engine, scores = this.scores;
    if (this.pass[d]) this.hi--;
    for (var t = 0; t < scores.length; t++) {
      if (scores[t][d] < -1) {
        var m = this.matchers[t], tier = e.verifyMeta(d, m);
        if (tier === null) tier = e.verifyBlock(d, m);
        scores[t][d] = tier < 0 ? -1 : e.score(d, m, tier);
      }
    }
    this.rank(d);
    if (this.pass[d]) this.checked++;
    if (this.pass[d] && this.state[d] === DECIDED) {
      this.lo++;
      this.hi++;
      this.held++;
    }
  };

  // loadBlocks loads what verify needs of open brands ds: their lead
  // blocks, then the text blocks of those the lead blocks do not settle.
  Run.prototype.loadBlocks = function (ds) {
    var self = this, e = this.engine;
    return e.leads(ds).then(function () {
      return e.blocks(ds.filter(function (d) { return self.needsText(d); }));
    });
  };

  // needsText reports whether open brand d, its lead block loaded, needs
  // its text block to be settled.
  Run.prototype.needsText = function (d) {
    for (var t = 0; t < this.scores.length; t++) {
      if (this.scores[t][d] < -1 && this.engine.verifyMeta(d, this.matchers[t]) === null) return true;
    }
    return false;
  };

  // order returns the candidates the filters keep, decided and open (by
  // their bound), in rank order: a counting sort by key, site order
  // within a key.
  Run.prototype.order = function () {
    var n = this.engine.n, keys = 10 * this.span, starts = new Int32Array(keys + 1), d;
    var state = this.state, pass = this.pass, key = this.key;
    for (d = 0; d < n; d++) {
      if (pass[d] && state[d] !== NONE) starts[key[d] + 1]++;
    }
    for (var k = 0; k < keys; k++) starts[k + 1] += starts[k];
    var out = new Int32Array(starts[keys]);
    for (d = 0; d < n; d++) {
      if (pass[d] && state[d] !== NONE) out[starts[key[d]]++] = d;
    }
    return out;
  };

  // firstPage returns a promise of the first PAGE hits, final. It walks
  // the candidates in rank order (an open one by its bound, which its
  // final key is not below) and, at an open one, checks it and the next
  // few open ones (settle), and no others; then it walks again in the
  // new order, until the page is made of decided brands. The decided
  // brands ahead of the first open one keep their places (an open one
  // ends at its bound or below it, and a tie goes by site order), so
  // ahead, when given, is called with them once, before the first check.
  Run.prototype.firstPage = function (ahead) {
    var self = this, state = this.state, rounds = 0;
    function walk() {
      var order = self.order(), page = [];
      for (var at = 0; at < order.length && page.length < PAGE; at++) {
        if (state[order[at]] === DECIDED) {
          page.push(order[at]);
          continue;
        }
        if (ahead && page.length) ahead(page.slice());
        ahead = null;
        // Check a few more than the page still needs, and twice as many
        // each round: a phrase may be missing from most candidates.
        var ds = [], batch = Math.min((PAGE - page.length + 4) << rounds++, 512);
        for (var j = at; j < order.length && ds.length < batch; j++) {
          if (state[order[j]] === OPEN) ds.push(order[j]);
        }
        return self.settle(ds).then(walk);
      }
      return Promise.resolve(page);
    }
    return walk();
  };

  // settle checks open brands ds for the first page: against their lead
  // blocks first, which settle a term found in a slogan or concept and
  // bound the others by the text blocks' tiers; then against their text
  // blocks, only those whose bound the lead blocks could not move.
  Run.prototype.settle = function (ds) {
    var self = this, e = this.engine;
    return e.leads(ds).then(function () {
      var rest = ds.filter(function (d) { return self.refine(d); });
      return e.blocks(rest).then(function () {
        rest.forEach(function (d) { self.verify(d); });
      });
    });
  };

  // refine checks open brand d against its lead block, which must be
  // loaded, and ranks it again: a term found there is decided, one not
  // found is bounded by the tier of the text blocks. It reports whether
  // d needs its text block, because the lead block did not move a bound.
  Run.prototype.refine = function (d) {
    var e = this.engine, scores = this.scores, text = false;
    for (var t = 0; t < scores.length; t++) {
      var s = scores[t][d];
      if (s >= -1) continue;
      var m = this.matchers[t], tier = e.verifyMeta(d, m);
      if (tier !== null) scores[t][d] = e.score(d, m, tier);
      else if (-s - 2 < DETAIL * 3) scores[t][d] = -2 - DETAIL * 3;
      else text = true;
    }
    this.rank(d);
    if (this.pass[d] && this.state[d] === DECIDED) {
      this.lo++;
      this.checked++;
      this.held++;
    }
    return text;
  };

  // settleAll checks every open candidate, loading the lead blocks that
  // hold them in order, a few at a time, with the text blocks each needs
  // (loadBlocks), each checked when they arrive; then it returns the
  // complete result, or null once stale returns true. It starts in a
  // task of its own, after the first page and the document's load event,
  // and calls counted (when given) every so often as the bounds of the
  // count narrow.
  Run.prototype.settleAll = function (counted, stale) {
    var self = this, e = this.engine, size = e.meta.lead, blocks = [];
    for (var d = 0; d < e.n; d++) {
      var k = Math.floor(d / size);
      if (this.state[d] === OPEN && blocks[blocks.length - 1] !== k) blocks.push(k);
    }
    // open returns the brands of lead block k still open.
    function open(k) {
      var ds = [];
      for (var d = k * size; d < Math.min((k + 1) * size, e.n); d++) {
        if (self.state[d] === OPEN) ds.push(d);
      }
      return ds;
    }
    return new Promise(function (resolve, reject) {
      var next = 0, busy = 0, over = false, told = performance.now();
      function check(ds) {
        ds.forEach(function (d) {
          if (self.state[d] === OPEN) self.verify(d);
        });
      }
      function more() {
        if (over) return;
        if (stale && stale()) {
          over = true;
          resolve(null);
          return;
        }
        while (busy < INFLIGHT && next < blocks.length) {
          var ds = open(blocks[next++]);
          busy++;
          self.loadBlocks(ds).then(check.bind(null, ds)).then(function () {
            busy--;
            more();
          }, function (err) {
            over = true;
            reject(err);
          });
        }
        if (!busy && next >= blocks.length) {
          over = true;
          resolve(self.result());
        } else if (counted && performance.now() - told > COUNTED) {
          told = performance.now();
          counted();
        }
      }
      afterLoad(more);
    });
  };

  // afterLoad calls fn in a task of its own once the document has
  // loaded: scripts added before the load event hold it back, and the
  // text blocks of a long check would keep the page loading for seconds.
  function afterLoad(fn) {
    if (typeof document.readyState !== "string" || document.readyState === "complete") {
      setTimeout(fn, 0);
      return;
    }
    window.addEventListener("load", function () { setTimeout(fn, 0); }, { once: true });
  }

  // INFLIGHT is how many lead blocks settleAll loads at once (each with
  // up to eight text blocks), COUNTED how many milliseconds it leaves
  // between reports of the count.
  var INFLIGHT = 2, COUNTED = 250;

  // partial describes the first page before every candidate is decided
  // and counted: done is false, the number of hits is between lo and hi
  // (equal once known), about estimate going by the share of the open
  // candidates checked so far that held the query (null before any is),
  // and there are no facets yet.
  Run.prototype.partial = function (page) {
    var estimate = this.lo === this.hi ? this.lo : null;
    if (estimate === null && this.checked) {
      estimate = this.lo + Math.round((this.hi - this.lo) * this.held / this.checked);
    }
    return {
      query: this.query, terms: this.ts, done: false, all: null, facets: null,
      lo: this.lo, hi: this.hi, estimate: estimate, hits: this.hits(page),
    };
  };

  // result describes the complete result, every candidate decided: the
  // hits in rank order, the count, and the facets.
  Run.prototype.result = function () {
    var e = this.engine, n = e.n;
    // Counts by the number of a stage, status or unit; the last for none.
    var counts = DIMS.map(function (k, i) { return new Int32Array(e.lists[i].length + 1); });
    var all = 0, d, filtered = !this.want.every(function (w) { return w === ANY; });
    for (d = 0; d < n; d++) {
      if (this.state[d] !== DECIDED) continue;
      all++;
      var miss = filtered ? e.missed(d, this.want) : -1;
      for (var i = 0; i < DIMS.length; i++) {
        if (miss >= 0 && miss !== i) continue;
        var g = e.groups[i][d];
        counts[i][g >= 0 ? g : counts[i].length - 1]++;
      }
    }
    var facets = {};
    DIMS.forEach(function (k, i) {
      var f = facets[k] = {}, c = counts[i], list = e.lists[i];
      for (var g = 0; g < c.length; g++) {
        if (c[g]) f[g < list.length ? list[g][0] : ""] = c[g];
      }
    });
    var order = Array.from(this.order()), count = order.length;
    return {
      query: this.query, terms: this.ts, done: true, all: all, facets: facets,
      lo: count, hi: count, hits: this.hits(order),
    };
  };

  // hits describes brands ds, which are decided.
  Run.prototype.hits = function (ds) {
    var self = this, e = this.engine;
    return ds.map(function (d) {
      var worst = Math.floor(self.key[d] / self.span);
      return { doc: d, id: e.ids.get(d), name: e.names.get(d), score: worst, tier: Math.floor(worst / 3) };
    });
  };

  // termScores scores every brand for one term: -1 where it is not found,
  // and -2 less the best score it could reach where only the text blocks
  // can tell.
  Engine.prototype.termScores = function (term, p, shards) {
    var self = this, n = this.n, scores = new Int16Array(n).fill(-1), m = matcher(term);
    var lists = p.tokens.map(function (tok) { return self.lookup(shards[self.shardOf(tok)], tok, false); });
    if (p.prefix) lists.push(this.lookup(shards[this.shardOf(p.prefix)], p.prefix, true));
    for (var d = 0; d < n; d++) {
      var tier = 0;
      for (var l = 0; l < lists.length; l++) {
        var t = lists[l][d];
        if (!t) {
          tier = 0;
          break;
        }
        if (t > tier) tier = t;
      }
      if (!tier) continue;
      tier--;
      if (p.exact) {
        scores[d] = tier === NAME ? this.score(d, m, tier) : tier * 3;
        continue;
      }
      // The tokens' tiers bound the term's from below but do not place
      // it: a term whose characters all occur in the name may still be
      // found only in the body. A term is in no field of a better tier
      // than its tokens, so where they are only in bodies, meta.js cannot
      // hold it.
      // Until its lead block is loaded, a brand may still hold the term
      // in its slogan or concept.
      var found = tier < BODY ? this.verifyMeta(d, m) : null;
      var bound = this.hasLead(d) ? DETAIL : LEAD;
      scores[d] = found !== null ? this.score(d, m, found) : -2 - Math.max(tier, bound) * 3;
    }
    if (isPinyin(term)) this.pinyinScores(term, scores);
    return scores;
  };

  // pinyinScores scores the brands whose name, or their unit's, term
  // spells in pinyin.
  Engine.prototype.pinyinScores = function (term, scores) {
    var need = termMask(term), lead = letterBit(term.charCodeAt(0)), py = this.pinyin;
    var units = new Uint8Array(this.meta.units.length);
    for (var u = 0; u < units.length; u++) {
      units[u] = (py.unitFirst[u] & lead) !== 0 && !(need & ~py.unitAll[u]) &&
        matchPinyin(parsePinyin(py.units.get(u)), term) !== null ? 1 : 0;
    }
    var unitOf = this.meta.unit;
    for (var d = 0; d < this.n; d++) {
      var s = -1;
      var m = (py.first[d] & lead) && !(need & ~py.all[d]) ? matchPinyin(this.syllables(d), term) : null;
      if (m) s = m.start === 0 ? 1 : 2;
      else if (units[unitOf[d]]) s = DETAIL * 3;
      // A pinyin match scores at most 6, no more than any text match
      // still open, so it settles the term.
      if (s >= 0 && (scores[d] < 0 || s < scores[d])) scores[d] = s;
    }
  };

  // syllables returns the pinyin of brand d's name, parsed when first
  // needed; none before p.js is loaded, which every search with a term
  // that can be pinyin waits for.
  Engine.prototype.syllables = function (d) {
    if (!this.pinyin) return [];
    var b = this.record(d);
    if (!b.syllables) b.syllables = parsePinyin(this.pinyin.brands.get(d));
    return b.syllables;
  };

  // wanted turns a filter of ids into numbers of stages, statuses and
  // units, in the order of DIMS; ANY where the filter is empty.
  Engine.prototype.wanted = function (filter) {
    var lists = this.lists;
    return DIMS.map(function (k, i) {
      var id = filter[k], list = lists[i];
      if (!id) return ANY;
      for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
      return -2;
    });
  };

  var DIMS = ["stage", "status", "unit"], ANY = -3;

  // missed returns the filter brand d fails, by its number in DIMS: -1
  // for none, DIMS.length for more than one.
  Engine.prototype.missed = function (d, want) {
    var out = -1;
    for (var i = 0; i < DIMS.length; i++) {
      if (want[i] !== ANY && this.groups[i][d] !== want[i]) {
        if (out >= 0) return DIMS.length;
        out = i;
      }
    }
    return out;
  };

  // describe returns a promise of what the page shows of each hit: the
  // name, unit, stage and status, and a snippet around the first term
  // found, each as parts of text marked where a term matched.
  Engine.prototype.describe = function (hits, ts) {
    var self = this, all = hits.map(function (h) { return h.doc; });
    var texts = hits.filter(function (h) { return h.tier >= DETAIL; }).map(function (h) { return h.doc; });
    return Promise.all([this.leads(all), this.blocks(texts)]).then(function () {
      return hits.map(function (h) { return self.view(h, ts); });
    });
  };

  // outline returns at once what the page shows of each hit but the
  // snippet: what meta.js holds (and p.js, which a search with a pinyin
  // term has loaded). The page shows the hits so, and their snippets
  // when describe has loaded the lead and text blocks they are cut from.
  Engine.prototype.outline = function (hits, ts) {
    var self = this;
    return hits.map(function (h) { return self.head(h.doc, ts); });
  };

  // head describes brand d but its snippet.
  Engine.prototype.head = function (d, ts) {
    var b = this.record(d), meta = this.meta;
    var unit = meta.unit[d], stage = meta.stage[d], status = meta.status[d];
    return {
      id: this.ids.get(d),
      name: parts(b.name, marks(this.foldedName(b), ts).concat(this.pinyinMarks(b.name, this.syllables(d), ts))),
      unit: parts(meta.units[unit][1], marks(this.foldedUnit(unit), ts)),
      stage: stage >= 0 ? { id: meta.stages[stage][0], name: meta.stages[stage][1] } : null,
      status: status >= 0 ? { id: meta.statuses[status][0], name: meta.statuses[status][1] } : null,
    };
  };

  Engine.prototype.view = function (h, ts) {
    var d = h.doc, b = this.record(d), meta = this.meta;
    var f = this.foldedMeta(b);
    var fields = [["品牌口号", b.slogan, f[1]], ["品牌理念", b.concept, f[2]]];
    if (h.tier >= DETAIL) {
      // Terms of Chinese characters only are found at the same offsets
      // in the text as it is: no need to fold a whole body for them.
      var raw = this.blockRow(h.doc);
      var texts = ts.every(function (t) { return hanOnlyRe.test(t); }) ? raw : this.blockTexts(h.doc);
      meta.labels.forEach(function (label, i) { fields.push([label, raw[i], texts[i]]); });
    }
    var snippet = null;
    for (var i = 0; i < fields.length && !snippet; i++) {
      snippet = cut(fields[i], ts);
    }
    if (!snippet) snippet = cut(["品牌理念", b.concept, f[2]], null);
    var v = this.head(d, ts);
    v.snippet = snippet;
    return v;
  };

  // pinyinMarks marks the characters of a name that a pinyin term spelled.
  Engine.prototype.pinyinMarks = function (name, syl, ts) {
    var spans = [], pos = 0, inWord = false;
    Array.from(name).forEach(function (ch) {
      var c = fold(ch), k = classify(c);
      if (k === HAN) spans.push([pos, pos + ch.length]);
      else if (k === WORD && inWord) spans[spans.length - 1][1] = pos + ch.length;
      else if (k === WORD) spans.push([pos, pos + ch.length]);
      inWord = k === WORD;
      pos += ch.length;
    });
    var out = [];
    ts.forEach(function (t) {
      var m = isPinyin(t) && matchPinyin(syl, t);
      if (m && spans.length === syl.length) out.push([spans[m.start][0], spans[m.start + m.count - 1][1]]);
    });
    return out;
  };

  // marks returns the ranges of text where a term occurs.
  function marks(folded, ts, from, to) {
    var out = [];
    from = from || 0;
    to = to === undefined ? folded.length : to;
    (ts || []).forEach(function (t) {
      for (var i = folded.indexOf(t, from); i >= 0 && i < to; i = folded.indexOf(t, i + t.length)) {
        out.push([i, Math.min(i + t.length, to)]);
      }
    });
    return out;
  }

  // parts splits text[from:to] into runs, marked where a range covers it.
  function parts(text, ranges, from, to) {
    from = from || 0;
    to = to === undefined ? text.length : to;
    var marked = new Uint8Array(to - from);
    ranges.forEach(function (r) {
      for (var i = Math.max(r[0], from); i < Math.min(r[1], to); i++) marked[i - from] = 1;
    });
    var out = [];
    for (var i = from; i < to;) {
      var j = i;
      while (j < to && marked[j - from] === marked[i - from]) j++;
      out.push({ text: text.slice(i, j).replace(/\s+/g, " "), mark: marked[i - from] === 1 });
      i = j;
    }
    return out;
  }

  var BEFORE = 24, LENGTH = 96;

  // cut returns a snippet of a field around the first term it holds, or
  // null; with no terms, the field's start.
  function cut(field, ts) {
    var label = field[0], text = field[1] || "", folded = field[2] || "";
    if (!text) return null;
    var at = -1;
    (ts || []).forEach(function (t) {
      var i = folded.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    if (ts && at < 0) return null;
    var from = Math.max(0, at - BEFORE), to = Math.min(text.length, from + LENGTH);
    if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from])) from--;
    if (to < text.length && /[\uD800-\uDBFF]/.test(text[to - 1])) to--;
    return {
      label: label,
      before: from > 0,
      after: to < text.length,
      parts: parts(text, marks(folded, ts, from, to), from, to),
    };
  }

  var engines = {};

  // The index files call these; open is for the page.
  window.showcaseSearch = {
    meta: function (m) { registered.meta = m; },
    shard: function (k, data) { registered["t/" + k] = data; },
    block: function (k, rows) { registered["d/" + k] = rows; },
    lead: function (k, data) { registered["l/" + k] = data; },
    pinyin: function (data) { registered.p = data; },
    // open loads the index whose meta.js is at url and returns a promise
    // of its Engine. Given the query the page opens with and the number
    // of token shards of the index, it starts loading what that search
    // will need besides meta.js at once: the query's token shards and,
    // for a query that can be pinyin, p.js. They would otherwise wait
    // for meta.js to load and run. own, when given, is the page's own
    // script element for meta.js, still to run: it is waited for, not
    // loaded again.
    open: function (url, query, shards, own) {
      if (!engines[url]) {
        var base = url.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
        var meta = loadScript(url, "meta", own);
        if (query && shards > 0) {
          var v = url.replace(/^[^?]*\??/, "").split("&").filter(function (p) { return p.startsWith("v="); })[0] || "";
          var file = function (f) { return base + f + (v ? "?" + v : ""); };
          queryShards(query, Math.round(Math.log2(shards))).forEach(function (k) {
            loadScript(file("t/" + k + ".js"), "t/" + k).catch(function () { /* the search reports it */ });
          });
          if (terms(query).some(isPinyin)) loadScript(file("p.js"), "p").catch(function () { /* the search reports it */ });
        }
        engines[url] = meta.then(function (m) { return new Engine(m, base); });
      }
      return engines[url];
    },
    terms: terms,
    fold: fold,
  };

  // The search page (pages/search.html) loads its meta.js itself, as the
  // deferred script after this one, and names it and its token shards
  // on its [data-search] element. Its search is started here, while
  // that script still loads and before the page's own script runs: the
  // query's shards are requested now, and meta.js is awaited through the
  // page's element (whose load or error event is still to come, as it
  // runs after this script) rather than loaded again. js/search.js opens
  // the same index and gets the same promise.
  var page = document.querySelector("[data-search][data-index]");
  if (page) {
    var url = page.getAttribute("data-index"), me = document.currentScript, own = null;
    Array.prototype.forEach.call(document.scripts, function (s) {
      if (me && me.defer && s.defer && s.getAttribute("src") === url &&
        me.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) own = s;
    });
    window.showcaseSearch.open(url, new URLSearchParams(window.location.search).get("q") || "", +page.getAttribute("data-shards"), own);
  }
})();
