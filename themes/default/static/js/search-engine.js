// showcase search engine. The build writes the index to search/ as
// scripts: meta.js (every brand's name, pinyin, unit, stage, status,
// slogan, concept), t/N.js (token shards: which brands hold a token, by
// the rank of the field) and d/N.js (text blocks: the rest of the text of
// a few brands). Each calls showcaseSearch.meta, .shard or .block. They
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
  // spells, or null (search.MatchPinyin). Every match starts with the
  // first letter of a reading, so letters, the first letters of all
  // readings, rules most names out at once.
  function matchPinyin(syl, q, letters) {
    if (!q || (letters !== undefined && letters.indexOf(q[0]) < 0)) return null;
    for (var i = 0; i < syl.length; i++) {
      var n = spell(syl, i, q, 0);
      if (n >= 0) return { start: i, count: n };
    }
    return null;
  }

  function firstLetters(syl) {
    var out = "";
    syl.forEach(function (alts) { alts.forEach(function (s) { out += s[0]; }); });
    return out;
  }

  function parsePinyin(s) {
    return s ? s.split(" ").map(function (x) { return x.split("/"); }) : [];
  }

  // codePointBefore returns the character that ends at offset i of s.
  function charBefore(s, i) {
    var c = s.charCodeAt(i - 1);
    if (c >= 0xDC00 && c <= 0xDFFF && i >= 2) return s.slice(i - 2, i);
    return s[i - 1];
  }

  // find returns where term is in text from offset from where a word may
  // start, or -1, as search.contains does.
  function find(text, term, from) {
    var needStart = classify(term) === WORD;
    for (var i = text.indexOf(term, from || 0); i >= 0; i = text.indexOf(term, i + 1)) {
      if (!needStart || i === 0 || classify(charBefore(text, i)) !== WORD) return i;
    }
    return -1;
  }

  // Scripts: every index file registers its data under a name, read when
  // the script's load event fires.
  var registered = {};
  var loading = {};

  function loadScript(url, name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = url;
        s.async = true;
        s.onload = function () {
          s.remove();
          if (name in registered) resolve(registered[name]);
          else reject(new Error(url + " holds no search data"));
        };
        s.onerror = function () {
          s.remove();
          delete loading[name];
          reject(new Error("cannot load " + url));
        };
        document.head.appendChild(s);
      });
    }
    return loading[name];
  }

  // Engine searches one index.
  function Engine(meta, base) {
    this.meta = meta;
    this.base = base;
    this.n = meta.brands.length;
    this.bits = Math.round(Math.log2(meta.shards));
    this.postings = {}; // token -> Uint8Array, tier+1 per brand
    this.brands = meta.brands.map(function (b) {
      return {
        id: b[0], name: b[1], unit: b[2], stage: b[3], status: b[4],
        pinyin: parsePinyin(b[5]), letters: null, slogan: b[6], concept: b[7], folded: null, block: null,
      };
    });
    this.units = meta.units.map(function (u) {
      return { id: u[0], name: u[1], pinyin: parsePinyin(u[2]), folded: fold(u[1]) };
    });
  }

  // shardOf returns the token shard of a token: a hash of both
  // characters of a bigram, of the first character of anything else
  // (search.Index.shardOf). "| 0" and Math.imul wrap as Go's uint32 does.
  Engine.prototype.shardOf = function (tok) {
    if (this.bits === 0) return 0;
    var cps = Array.from(tok), a = cps[0].codePointAt(0), b = 0;
    if (cps.length === 2 && classify(cps[0]) === HAN) b = cps[1].codePointAt(0);
    return Math.imul((Math.imul(a, 0x9E3779B1) + b) | 0, 0x85EBCA6B) >>> (32 - this.bits);
  };

  Engine.prototype.url = function (file) {
    return this.base + file + "?v=" + this.meta.v;
  };

  Engine.prototype.shard = function (k) {
    return loadScript(this.url("t/" + k + ".js"), "t/" + k);
  };

  Engine.prototype.block = function (k) {
    return loadScript(this.url("d/" + k + ".js"), "d/" + k);
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

  Engine.prototype.foldedMeta = function (b) {
    if (!b.folded) b.folded = [fold(b.name), fold(b.slogan), fold(b.concept)];
    return b.folded;
  };

  // hanOnly reports whether term is Chinese characters only. Folding
  // neither changes a Chinese character nor makes one, so such a term is
  // found in the text as it is, without folding it first.
  var hanOnlyRe = /^\p{Script=Han}+$/u;
  function hanOnly(term) {
    return hanOnlyRe.test(term);
  }

  // verifyMeta finds the best tier in which brand d holds term among the
  // texts of meta.js; null when the text blocks must be read.
  Engine.prototype.verifyMeta = function (d, term) {
    var b = this.brands[d], f = hanOnly(term) ? [b.name, b.slogan, b.concept] : this.foldedMeta(b);
    if (find(f[0], term) >= 0) return NAME;
    if (find(f[1], term) >= 0 || find(f[2], term) >= 0) return LEAD;
    if (find(this.units[b.unit].folded, term) >= 0) return DETAIL;
    return null;
  };

  // verifyBlock finds the tier in which brand d holds term in its text
  // block, which must be loaded; -1 for none.
  Engine.prototype.verifyBlock = function (d, term) {
    var texts = hanOnly(term) ? this.blockRow(d) : this.blockTexts(d);
    for (var i = 0; i < texts.length; i++) {
      if (find(texts[i], term) >= 0) return i === texts.length - 1 ? BODY : DETAIL;
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
    var b = this.brands[d];
    if (!b.block) b.block = this.blockRow(d).map(fold);
    return b.block;
  };

  // score ranks a match of term in tier (search.Index.score).
  Engine.prototype.score = function (d, term, tier) {
    if (tier !== NAME) return tier * 3;
    var name = this.foldedMeta(this.brands[d])[0];
    if (name === term) return 0;
    return name.startsWith(term) ? 1 : 2;
  };

  // search finds the brands holding every term of query, ranked, with
  // counts by stage, status and unit (each counted under the other two
  // filters), and returns a promise of the complete result. A term that
  // the token shards do not decide alone is checked against the brands'
  // text, and for a common phrase that can mean reading most text blocks;
  // so the check goes a few blocks at a time, best candidates first, and
  // calls progress (when given) with the hits known to be final so far:
  // the first page can show long before the count is complete.
  Engine.prototype.search = function (query, filter, progress) {
    var self = this, ts = terms(query), plans = ts.map(plan);
    var want = this.wanted(filter || {});
    if (!ts.length) return Promise.resolve(this.result(query, ts, [], []));
    var shards = {};
    plans.forEach(function (p) {
      p.tokens.concat(p.prefix ? [p.prefix] : []).forEach(function (tok) {
        shards[self.shardOf(tok)] = true;
      });
    });
    return Promise.all(Object.keys(shards).map(function (k) {
      return self.shard(k).then(function (data) { shards[k] = data; });
    })).then(function () {
      var scores = ts.map(function (term, i) { return self.termScores(term, plans[i], shards); });
      var decided = [], pending = [];
      for (var d = 0; d < self.n; d++) {
        var it = self.combine(d, scores);
        if (!it) continue;
        it.pass = self.missed(d, want) === null;
        (it.open ? pending : decided).push(it);
      }
      // Candidates the filters keep come first: they make the page.
      pending.sort(function (a, b) { return (b.pass - a.pass) || a.key - b.key; });
      return self.settle(query, ts, scores, decided, pending, want, progress);
    });
  };

  // A hit's rank as one number: the worst score of a term, then their
  // sum, then site order.
  function rankKey(worst, sum, d) {
    return (worst * 4096 + sum) * 1048576 + d;
  }

  function byKey(a, b) {
    return a.key - b.key;
  }

  // combine ranks brand d from the scores of every term: null when a term
  // is not found; open when a term still needs the text blocks, the key
  // then being the best the brand can reach.
  Engine.prototype.combine = function (d, scores) {
    var worst = 0, sum = 0, open = false;
    for (var t = 0; t < scores.length; t++) {
      var s = scores[t][d];
      if (s === -1) return null;
      if (s < -1) {
        open = true;
        s = -s - 2;
      }
      worst = Math.max(worst, s);
      sum += s;
    }
    return { d: d, key: rankKey(worst, sum, d), worst: worst, open: open };
  };

  // settle checks the open candidates against the text blocks, a few
  // blocks at a time and more each round, until none is left.
  Engine.prototype.settle = function (query, ts, scores, decided, pending, want, progress) {
    var self = this, size = this.meta.block, round = 2;
    function step() {
      var hits = decided.filter(function (it) { return it.pass; }).sort(byKey);
      if (!pending.length) return Promise.resolve(self.result(query, ts, hits, decided, want));
      if (progress) {
        var bound = pending[0].pass ? pending[0].key : Infinity, final = 0;
        while (final < hits.length && hits[final].key < bound) final++;
        progress(self.result(query, ts, hits.slice(0, final), null, want));
      }
      var blocks = {}, count = 0;
      for (var i = 0; i < pending.length && count < round; i++) {
        var k = Math.floor(pending[i].d / size);
        if (!blocks[k]) {
          blocks[k] = true;
          count++;
        }
      }
      round = Math.min(round * 2, 64);
      return Promise.all(Object.keys(blocks).map(function (k) { return self.block(k); })).then(function () {
        pending = pending.filter(function (it) {
          if (!blocks[Math.floor(it.d / size)]) return true;
          for (var t = 0; t < ts.length; t++) {
            if (scores[t][it.d] < -1) {
              var tier = self.verifyBlock(it.d, ts[t]);
              scores[t][it.d] = tier < 0 ? -1 : self.score(it.d, ts[t], tier);
            }
          }
          var done = self.combine(it.d, scores);
          if (done) {
            done.pass = it.pass;
            decided.push(done);
          }
          return false;
        });
        return step();
      });
    }
    return step();
  };

  // termScores scores every brand for one term: -1 where it is not found,
  // and -2 less the best score it could reach where only the text blocks
  // can tell.
  Engine.prototype.termScores = function (term, p, shards) {
    var self = this, n = this.n, scores = new Int16Array(n).fill(-1);
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
        tier = Math.max(tier, t);
      }
      if (!tier) continue;
      tier--;
      if (p.exact) {
        scores[d] = this.score(d, term, tier);
        continue;
      }
      // The tokens' tiers bound the term's from below but do not place
      // it: a term whose characters all occur in the name may still be
      // found only in the body.
      var found = this.verifyMeta(d, term);
      scores[d] = found !== null ? this.score(d, term, found) : -2 - Math.max(tier, DETAIL) * 3;
    }
    if (isPinyin(term)) {
      var units = this.units.map(function (u) { return matchPinyin(u.pinyin, term) !== null; });
      for (d = 0; d < n; d++) {
        var b = this.brands[d];
        if (b.letters === null) b.letters = firstLetters(b.pinyin);
        var m = matchPinyin(b.pinyin, term, b.letters), s = -1;
        if (m) s = m.start === 0 ? 1 : 2;
        else if (units[b.unit]) s = DETAIL * 3;
        // A pinyin match scores at most 6, no more than any text match
        // still open, so it settles the term.
        if (s >= 0 && (scores[d] < 0 || s < scores[d])) scores[d] = s;
      }
    }
    return scores;
  };

  // wanted turns a filter of ids into numbers of stages, statuses and
  // units; null where the filter is empty.
  Engine.prototype.wanted = function (filter) {
    function find(list, id) {
      if (!id) return null;
      for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
      return -2;
    }
    return {
      stage: find(this.meta.stages, filter.stage),
      status: find(this.meta.statuses, filter.status),
      unit: find(this.meta.units, filter.unit),
    };
  };

  var DIMS = ["stage", "status", "unit"];

  // missed returns the filter brand d fails: null for none, a name of
  // DIMS for one, "" for more.
  Engine.prototype.missed = function (d, want) {
    var b = this.brands[d], out = null;
    for (var i = 0; i < DIMS.length; i++) {
      var k = DIMS[i];
      if (want[k] !== null && b[k] !== want[k]) {
        if (out !== null) return "";
        out = k;
      }
    }
    return out;
  };

  // result describes hits; matched (every brand found, whatever the
  // filters) gives the counts, and is null while the search goes on.
  Engine.prototype.result = function (query, ts, hits, matched, want) {
    var self = this, meta = this.meta, facets = null;
    if (matched) {
      facets = { stage: {}, status: {}, unit: {} };
      var lists = { stage: meta.stages, status: meta.statuses, unit: meta.units };
      matched.forEach(function (it) {
        var miss = want ? self.missed(it.d, want) : null, b = self.brands[it.d];
        for (var i = 0; i < DIMS.length; i++) {
          var k = DIMS[i];
          if (miss !== null && miss !== k) continue;
          var id = b[k] >= 0 ? lists[k][b[k]][0] : "";
          facets[k][id] = (facets[k][id] || 0) + 1;
        }
      });
    }
    return {
      query: query,
      terms: ts,
      done: matched !== null,
      all: matched ? matched.length : null,
      facets: facets,
      hits: hits.map(function (it) {
        var b = self.brands[it.d];
        return { doc: it.d, id: b.id, name: b.name, score: it.worst, tier: Math.floor(it.worst / 3) };
      }),
    };
  };

  // describe returns a promise of what the page shows of each hit: the
  // name, unit, stage and status, and a snippet around the first term
  // found, each as parts of text marked where a term matched.
  Engine.prototype.describe = function (hits, ts) {
    var self = this, blocks = {};
    hits.forEach(function (h) {
      if (h.tier >= DETAIL) blocks[Math.floor(h.doc / self.meta.block)] = true;
    });
    return Promise.all(Object.keys(blocks).map(function (k) { return self.block(k); })).then(function () {
      return hits.map(function (h) { return self.view(h, ts); });
    });
  };

  Engine.prototype.view = function (h, ts) {
    var b = this.brands[h.doc], meta = this.meta;
    var f = this.foldedMeta(b);
    var fields = [["品牌口号", b.slogan, f[1]], ["品牌理念", b.concept, f[2]]];
    if (h.tier >= DETAIL) {
      var texts = this.blockTexts(h.doc), raw = this.blockRow(h.doc);
      meta.labels.forEach(function (label, i) { fields.push([label, raw[i], texts[i]]); });
    }
    var snippet = null;
    for (var i = 0; i < fields.length && !snippet; i++) {
      snippet = cut(fields[i], ts);
    }
    if (!snippet) snippet = cut(["品牌理念", b.concept, f[2]], null);
    var unit = this.units[b.unit];
    return {
      id: b.id,
      name: parts(b.name, marks(f[0], ts).concat(this.pinyinMarks(b.name, b.pinyin, ts))),
      unit: parts(unit.name, marks(unit.folded, ts)),
      stage: b.stage >= 0 ? { id: meta.stages[b.stage][0], name: meta.stages[b.stage][1] } : null,
      status: b.status >= 0 ? { id: meta.statuses[b.status][0], name: meta.statuses[b.status][1] } : null,
      snippet: snippet,
    };
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
    // open loads the index whose meta.js is at url and returns a promise
    // of its Engine.
    open: function (url) {
      if (!engines[url]) {
        engines[url] = loadScript(url, "meta").then(function (meta) {
          return new Engine(meta, url.replace(/[?#].*$/, "").replace(/[^/]*$/, ""));
        });
      }
      return engines[url];
    },
    terms: terms,
    fold: fold,
  };
})();
