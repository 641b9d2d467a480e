/* chrono timeline page. The chronology is the JSON in #chrono-data (built by
   chrono/export/html.py: page order, Arabic dates, sentences stored once); this script draws
   only what is near the screen, month by month in blocks of entries, and redraws on search or
   filter. No network: everything is in the page. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('chrono-data').textContent);
  var E = data.entries;      // [id, date text, start, end, label, flags, sources, mentions, conflicts, value, trigger, machine date]
  var S = data.sources;      // [id, newspaper index or -1, title, published]
  var SENTENCES = data.sentences;
  var PAPERS = data.papers;
  var MONTHS = data.months;
  var AXIS = data.axis;      // [first year, last year] or null
  var monthly = AXIS ? AXIS[1] - AXIS[0] < 25 : true;  // the strip: a bar a month, or a year
  var ID = 0, WHEN = 1, START = 2, END = 3, LABEL = 4, FLAGS = 5, SOURCES = 6, MENTIONS = 7,
    CONFLICTS = 8, VALUE = 9, TRIGGER = 10, MACHINE = 11;
  var APPROXIMATE = 1, OPEN_ENDED = 2, IN_CONFLICT = 4, PERIOD = 8;
  var NO_PAPER = PAPERS.length;   // the filter's group of sources without a newspaper name
  var BLOCK = 40;                 // entries drawn together when they come near the screen
  var EAGER = 300;                // a timeline this small is drawn whole at once
  var FOLDED_OUTLIERS = 20;       // "earlier"/"later" start folded when they hold more

  var main = document.getElementById('timeline');
  var form = document.getElementById('filters');
  var counter = document.getElementById('count');
  var searchBox = document.getElementById('search');
  var strip = document.getElementById('strip');
  var toolbar = document.getElementById('toolbar');
  var sourceSearch = document.getElementById('source-search');
  var sourceResults = document.getElementById('source-results');
  var onlyDocNote = document.getElementById('only-doc');

  var EVENTS = ['حدث واحد', 'حدثان', 'أحداث', 'حدثاً', 'حدث'];
  var ARTICLES = ['مقال واحد', 'مقالان', 'مقالات', 'مقالاً', 'مقال'];
  var MENTION_FORMS = ['ذكر واحد', 'ذكران', 'مواضع ذكر', 'موضع ذكر', 'موضع ذكر'];

  // The Arabic noun after a number: 1 حدث واحد, 2 حدثان, 3–10 أحداث, 11–99 حدثاً, 100 حدث.
  function arabicCount(n, forms) {
    if (n === 1) { return forms[0]; }
    if (n === 2) { return forms[1]; }
    var rest = n % 100;
    if (rest >= 3 && rest <= 10) { return n + ' ' + forms[2]; }
    if (rest >= 11) { return n + ' ' + forms[3]; }
    return n + ' ' + forms[4];
  }

  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  function attr(text) { return esc(text).replace(/"/g, '&quot;'); }

  // --- Arabic folding: what chrono.normalize.fold does to what people type ----------------
  // Diacritics, tatweel and bidi controls go; hamza seats, ta marbuta, alef maqsura and
  // Persian letters become their plain forms; digits of every script become ASCII.
  var DROPPED = /[\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/;
  var DROPPED_ALL = new RegExp(DROPPED.source, 'g');
  var REPLACED = {
    'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ئ': 'ي',
    'ۍ': 'ي', 'ې': 'ي', 'ؤ': 'و', 'ة': 'ه', 'ۀ': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ک': 'ك', 'گ': 'ك',
    'ڤ': 'ف', 'پ': 'ب', 'چ': 'ج', 'ژ': 'ز'
  };
  for (var d = 0; d < 10; d += 1) {
    REPLACED[String.fromCharCode(0x660 + d)] = String(d);
    REPLACED[String.fromCharCode(0x6F0 + d)] = String(d);
  }
  var REPLACED_ALL = new RegExp('[' + Object.keys(REPLACED).join('') + ']', 'g');

  function fold(text) {
    return text.replace(DROPPED_ALL, '').replace(REPLACED_ALL, function (c) { return REPLACED[c]; })
      .toLowerCase();
  }
  // The folded text and, for each of its characters, where it was in `text` (for marking).
  function foldWithMap(text) {
    var out = '', at = [];
    for (var k = 0; k < text.length; k += 1) {
      var c = text[k];
      if (DROPPED.test(c)) { continue; }
      var r = REPLACED[c] || c.toLowerCase();
      if (r.length !== 1) { r = c; }
      out += r;
      at.push(k);
    }
    return { text: out, at: at };
  }

  // --- state ---------------------------------------------------------------------------------

  var state = {
    terms: [], query: '',
    papers: new Uint8Array(PAPERS.length + 1).fill(1),
    onlyDoc: -1, from: null, to: null,
    open: { earlier: false, later: false }
  };
  var byId = new Map();
  var keyOf = E.map(function (e, i) { byId.set(e[ID], i); return groupKey(e); });
  var docEvents = new Int32Array(S.length);
  E.forEach(function (e) { e[SOURCES].forEach(function (s) { docEvents[s] += 1; }); });
  var outlierCount = { earlier: 0, later: 0 };
  keyOf.forEach(function (k) { if (k in outlierCount) { outlierCount[k] += 1; } });
  state.open.earlier = outlierCount.earlier <= FOLDED_OUTLIERS;
  state.open.later = outlierCount.later <= FOLDED_OUTLIERS;

  function groupKey(e) {
    if (!e[START]) { return 'undated'; }
    var year = Number(e[START].slice(0, 4));
    if (AXIS && year < AXIS[0]) { return 'earlier'; }
    if (AXIS && year > AXIS[1]) { return 'later'; }
    return e[START].slice(0, 7);
  }
  function paperOf(source) { var p = S[source][1]; return p < 0 ? NO_PAPER : p; }

  // --- search --------------------------------------------------------------------------------

  var folded = null;  // built on the first search: labels, sentences, sources folded once
  function ensureFolded() {
    if (folded) { return; }
    folded = {
      labels: E.map(function (e) { return fold(e[LABEL]); }),
      sentences: SENTENCES.map(fold),
      sources: S.map(function (s) {
        return fold([s[0], s[1] >= 0 ? PAPERS[s[1]] : '', s[2]].join(' '));
      })
    };
  }

  // Every word of the query must occur in the entry: in its label, one of its sentences or
  // one of its sources (newspaper, title, id).
  function searchTest() {
    if (!state.terms.length) { return null; }
    ensureFolded();
    var perTerm = state.terms.map(function (term) {
      var inSentence = new Uint8Array(SENTENCES.length), inSource = new Uint8Array(S.length);
      folded.sentences.forEach(function (text, k) { if (text.indexOf(term) >= 0) { inSentence[k] = 1; } });
      folded.sources.forEach(function (text, k) { if (text.indexOf(term) >= 0) { inSource[k] = 1; } });
      return { term: term, inSentence: inSentence, inSource: inSource };
    });
    return function (i) {
      var e = E[i];
      return perTerm.every(function (t) {
        if (folded.labels[i].indexOf(t.term) >= 0) { return true; }
        for (var m = 0; m < e[MENTIONS].length; m += 1) { if (t.inSentence[e[MENTIONS][m][1]]) { return true; } }
        for (var s = 0; s < e[SOURCES].length; s += 1) { if (t.inSource[e[SOURCES][s]]) { return true; } }
        return false;
      });
    };
  }

  // `text` as HTML with the query's words marked (class "hit") and the temporal expression
  // `timex`, where it occurs verbatim, marked too (class "timex").
  function marked(text, timex) {
    var style = null;
    if (timex) {
      var at = text.indexOf(timex);
      if (at >= 0) {
        style = new Uint8Array(text.length);
        style.fill(1, at, at + timex.length);
      }
    }
    if (state.terms.length) {
      var f = foldWithMap(text);
      state.terms.forEach(function (term) {
        for (var k = f.text.indexOf(term); k >= 0; k = f.text.indexOf(term, k + term.length)) {
          var from = f.at[k], to = k + term.length < f.at.length ? f.at[k + term.length] : text.length;
          style = style || new Uint8Array(text.length);
          for (var c = from; c < to; c += 1) { style[c] |= 2; }
        }
      });
    }
    if (!style) { return esc(text); }
    var html = '', run = 0;
    for (var k = 1; k <= text.length; k += 1) {
      if (k === text.length || style[k] !== style[run]) {
        var piece = esc(text.slice(run, k));
        if (style[run] === 0) { html += piece; } else if (style[run] === 1) {
          html += '<mark class="timex">' + piece + '</mark>';
        } else {
          html += '<mark class="hit' + (style[run] & 1 ? ' timex' : '') + '">' + piece + '</mark>';
        }
        run = k;
      }
    }
    return html;
  }

  // Where the search matched when the label did not: a window of the sentence around the hit,
  // or the title of the article it came from.
  function snippet(i) {
    if (!state.terms.length) { return ''; }
    var label = folded.labels[i];
    var missing = state.terms.filter(function (t) { return label.indexOf(t) < 0; });
    if (!missing.length) { return ''; }
    var mentions = E[i][MENTIONS];
    for (var m = 0; m < mentions.length; m += 1) {
      var sentence = SENTENCES[mentions[m][1]];
      var f = folded.sentences[mentions[m][1]];
      for (var t = 0; t < missing.length; t += 1) {
        var k = f.indexOf(missing[t]);
        if (k < 0) { continue; }
        var hit = foldWithMap(sentence).at[k] || 0;
        var from = Math.max(0, sentence.lastIndexOf(' ', Math.max(0, hit - 70)));
        var to = sentence.indexOf(' ', Math.min(sentence.length, hit + 110));
        to = to < 0 ? sentence.length : to;
        return '<p class="snippet">' + (from > 0 ? '… ' : '') + marked(sentence.slice(from, to).trim()) +
          (to < sentence.length ? ' …' : '') + '</p>';
      }
    }
    var sources = E[i][SOURCES];
    for (var s = 0; s < sources.length; s += 1) {
      var text = folded.sources[sources[s]];
      if (missing.some(function (word) { return text.indexOf(word) >= 0; })) {
        return '<p class="snippet">' + sourceChip(sources[s]) + ' ' + marked(S[sources[s]][2] || S[sources[s]][0]) + '</p>';
      }
    }
    return '';
  }

  // --- filtering -----------------------------------------------------------------------------

  function passesSources(e) {
    var sources = e[SOURCES];
    for (var k = 0; k < sources.length; k += 1) {
      if (state.onlyDoc >= 0 ? sources[k] === state.onlyDoc : state.papers[paperOf(sources[k])]) { return true; }
    }
    return false;
  }
  // An entry passes when its interval meets the period (an outlier too: "2017–2021" meets 2021).
  function passesPeriod(e) {
    if (!state.from && !state.to) { return true; }
    if (!e[START]) { return false; }
    return (!state.to || e[START] <= state.to) && (!state.from || e[END] >= state.from);
  }

  var visible = [];                                  // entry indices shown, in page order
  var positionOf = new Int32Array(E.length);         // entry index -> position in `visible`, -1
  function computeVisible() {
    var test = searchTest();
    visible = [];
    positionOf.fill(-1);
    for (var i = 0; i < E.length; i += 1) {
      var e = E[i];
      if (passesSources(e) && passesPeriod(e) && (!test || test(i))) {
        positionOf[i] = visible.length;
        visible.push(i);
      }
    }
  }

  // --- drawing: groups (months, earlier, later, undated) of blocks drawn when near the screen

  var groups = [];   // {key, from, to, section, blocks: [...], folded}
  var blocks = [];   // {from, to, el, drawn, group}
  var rowHeight = 96;
  var measured = false;
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (seen) {
    seen.forEach(function (item) {
      if (item.isIntersecting) { drawBlock(blocks[Number(item.target.getAttribute('data-block'))]); }
    });
  }, { rootMargin: '1200px 0px' }) : null;

  function monthTitle(key) { return MONTHS[Number(key.slice(5, 7)) - 1] + ' ' + key.slice(0, 4); }

  function outlierHeading(key, count, from, to) {
    var years = E[visible[from]][START].slice(0, 4) + '–' + E[visible[to - 1]][START].slice(0, 4);
    var name = key === 'earlier' ? 'قبل ' + AXIS[0] : 'بعد ' + AXIS[1];
    return '<h2 id="h-' + key + '">' + name + '</h2><p class="span">' + arabicCount(count, EVENTS) + ' · ' +
      years.replace(/^0+/, '') + '</p><button type="button" class="unfold" data-unfold="' + key +
      '" aria-expanded="' + (state.open[key] ? 'true' : 'false') + '">' +
      (state.open[key] ? 'إخفاء' : 'عرض') + '</button>';
  }

  function build() {
    if (observer) { observer.disconnect(); }
    groups = [];
    blocks = [];
    if (!E.length) { return; }
    var html = [], year = null;
    for (var p = 0; p < visible.length;) {
      var key = keyOf[visible[p]], q = p;
      while (q < visible.length && keyOf[visible[q]] === key) { q += 1; }
      var group = { key: key, from: p, to: q, blocks: [], folded: (key === 'earlier' || key === 'later') && !state.open[key] };
      var isMonth = /^\d{4}-\d{2}$/.test(key);
      if (year !== null && (!isMonth || key.slice(0, 4) !== year)) { html.push('</section>'); year = null; }
      if (isMonth && year === null) {
        year = key.slice(0, 4);
        html.push('<section class="year" id="' + year + '" aria-labelledby="h-' + year + '"><h2 id="h-' + year + '">' + year.replace(/^0+/, '') + '</h2>');
      }
      var heading = isMonth
        ? '<h3 id="h-' + key + '">' + monthTitle(key) + ' <span class="n">' + arabicCount(q - p, EVENTS) + '</span></h3>'
        : key === 'undated' ? '<h2 id="h-undated">تاريخ غير محدد</h2>' : outlierHeading(key, q - p, p, q);
      html.push('<section class="' + (isMonth ? 'month' : 'outliers') + '" id="' + key + '" aria-labelledby="h-' + key + '">' + heading);
      for (var b = p; b < q; b += BLOCK) {
        var block = { from: b, to: Math.min(b + BLOCK, q), el: null, drawn: false, group: groups.length };
        html.push('<ol class="entries" data-block="' + blocks.length + '"' + (group.folded ? ' hidden' : '') + '></ol>');
        group.blocks.push(blocks.length);
        blocks.push(block);
      }
      html.push('</section>');
      groups.push(group);
      p = q;
    }
    if (year !== null) { html.push('</section>'); }
    if (!visible.length) { html.push('<p class="empty">لا أحداث تطابق البحث والتصفية.</p>'); }
    main.innerHTML = html.join('');
    var lists = main.querySelectorAll('ol[data-block]');
    groups.forEach(function (group) { group.section = document.getElementById(group.key); });
    blocks.forEach(function (block, k) {
      block.el = lists[k];
      // Heights through the CSSOM: the page's Content-Security-Policy forbids style attributes.
      block.el.style.height = Math.round((block.to - block.from) * rowHeight) + 'px';
    });
    blocks.forEach(function (block) {
      if (visible.length > EAGER && observer) { observer.observe(block.el); } else { drawBlock(block); }
    });
  }

  function drawBlock(block) {
    if (!block || block.drawn) { return; }
    block.drawn = true;
    if (observer) { observer.unobserve(block.el); }
    var html = '';
    for (var p = block.from; p < block.to; p += 1) { html += row(visible[p]); }
    block.el.innerHTML = html;
    block.el.style.height = '';
    if (!measured && block.to - block.from >= 10 && block.el.offsetHeight) {
      measured = true;
      rowHeight = block.el.offsetHeight / (block.to - block.from);
      blocks.forEach(function (other) {
        if (!other.drawn) { other.el.style.height = Math.round((other.to - other.from) * rowHeight) + 'px'; }
      });
    }
  }

  function badges(e) {
    var papers = new Map(), loose = [];
    e[SOURCES].forEach(function (s) {
      var p = S[s][1];
      if (p < 0) { loose.push(s); } else { papers.set(p, (papers.get(p) || 0) + 1); }
    });
    var html = '', shown = 0, limit = 5;
    papers.forEach(function (n, p) {
      shown += 1;
      if (shown <= limit) {
        html += '<span class="chip c' + (p % 12) + '" title="' + attr(arabicCount(n, ARTICLES) + ' من ' + PAPERS[p]) + '">' +
          esc(PAPERS[p]) + (n > 1 ? ' <small>×' + n + '</small>' : '') + '</span>';
      }
    });
    loose.forEach(function (s) {
      shown += 1;
      if (shown <= limit) {
        html += '<span class="badge c' + (s % 12) + '" title="' + attr([S[s][0], S[s][2], S[s][3]].filter(Boolean).join(' · ')) + '">' + (s + 1) + '</span>';
      }
    });
    if (shown > limit) { html += '<span class="more">+' + (shown - limit) + '</span>'; }
    return html;
  }

  function row(i) {
    var e = E[i], flags = e[FLAGS], id = attr(e[ID]);
    var classes = 'entry' + (flags & APPROXIMATE ? ' approx' : '') + (flags & OPEN_ENDED ? ' open' : '') +
      (flags & IN_CONFLICT ? ' conflict' : '') + (flags & PERIOD ? ' period' : '');
    var tags = (flags & APPROXIMATE ? '<span class="tag approx-tag">تقريبي</span>' : '') +
      (flags & IN_CONFLICT ? '<span class="tag conflict-tag">⚠ تعارض</span>' : '');
    var time = '<time' + (e[MACHINE] ? ' datetime="' + attr(e[MACHINE]) + '"' : '') + '>' + esc(e[WHEN]) + '</time>';
    return '<li class="' + classes + '" id="entry-' + id + '" data-entry="' + id + '" data-i="' + i + '">' +
      '<button type="button" class="head" aria-expanded="false" aria-controls="details-' + id + '">' +
      '<span class="when">' + time + tags + '</span><span class="label">' + marked(e[LABEL]) + '</span>' +
      '<span class="badges" aria-label="المصادر">' + badges(e) + '</span></button>' + snippet(i) +
      '<div class="details" id="details-' + id + '" hidden></div></li>';
  }

  // --- an entry's details, drawn when it is opened ---------------------------------------------

  function sourceChip(s) {
    var p = S[s][1];
    return p >= 0 ? '<span class="chip c' + (p % 12) + '">' + esc(PAPERS[p]) + '</span>'
      : '<span class="badge c' + (s % 12) + '">' + (s + 1) + '</span>';
  }
  function sourceName(s) {
    var title = S[s][2] ? '<bdi class="doc-title">' + esc(S[s][2]) + '</bdi>' : '';
    var second = [S[s][3]].filter(Boolean).join(' · ');
    return '<span class="source-name">' + title + '<span class="source-line"><bdi dir="ltr" class="doc-id">' + esc(S[s][0]) +
      '</bdi>' + (second ? '<span class="published">' + esc(second) + '</span>' : '') + '</span></span>';
  }
  function entryLink(id, text) {
    return '<a href="#entry-' + attr(encodeURIComponent(id)) + '" data-jump="' + attr(id) + '">' + text + '</a>';
  }

  function details(i) {
    var e = E[i], html = '';
    if (e[CONFLICTS].length) {
      html += '<h4>تعارض مع</h4><ul class="conflicts">' + e[CONFLICTS].map(function (c) {
        var target = c[0] >= 0 ? entryLink(c[2], esc(E[c[0]][WHEN]) + ': ' + esc(E[c[0]][LABEL])) : '<bdi>' + esc(c[2]) + '</bdi>';
        return '<li>' + target + '<bdi class="reason">' + esc(c[1]) + '</bdi></li>';
      }).join('') + '</ul>';
    }
    html += '<h4>' + arabicCount(e[MENTIONS].length, MENTION_FORMS) + '</h4><ul class="mentions">' +
      e[MENTIONS].map(function (m) {
        var notes = [S[m[0]][2] ? '<bdi>' + esc(S[m[0]][2]) + '</bdi>' : '', '<bdi dir="ltr" class="doc-id">' + esc(S[m[0]][0]) + '</bdi>'];
        if (m[4]) { notes.push('ضمن كلام منقول'); }
        if (m[3]) { notes.push('تاريخه هنا: ' + esc(m[3])); }
        return '<li class="mention">' + sourceChip(m[0]) + '<blockquote>' + marked(SENTENCES[m[1]], m[2]) +
          '</blockquote><p class="cite">' + notes.filter(Boolean).join(' · ') + '</p></li>';
      }).join('') + '</ul>';
    html += '<h4>المصادر</h4><ul class="sources">' + e[SOURCES].map(function (s) {
      return '<li>' + sourceChip(s) + sourceName(s) + '<button type="button" class="only" data-doc="' + s +
        '">أحداث هذا المقال فقط</button></li>';
    }).join('') + '</ul>';
    var meta = ['القيمة: <code dir="ltr">' + esc(e[VALUE]) + '</code>'];
    if (e[TRIGGER]) { meta.push('الفعل: ' + esc(e[TRIGGER])); }
    meta.push('<a class="permalink" href="#entry-' + attr(encodeURIComponent(e[ID])) + '">رابط هذا الحدث</a>');
    return html + '<p class="meta">' + meta.join(' · ') + '</p>';
  }

  function setExpanded(li, open) {
    var box = li.querySelector('.details');
    if (open && !box.hasAttribute('data-drawn')) {
      box.innerHTML = details(Number(li.getAttribute('data-i')));
      box.setAttribute('data-drawn', '');
    }
    li.querySelector('button.head').setAttribute('aria-expanded', open ? 'true' : 'false');
    box.hidden = !open;
    li.classList.toggle('open-details', open);
  }

  // --- the strip: entries per month across the axis, to jump through -----------------------

  function drawStrip() {
    if (!AXIS) { strip.hidden = true; return; }
    var counts = new Map();
    visible.forEach(function (i) {
      var key = keyOf[i];
      if (/^\d{4}-\d{2}$/.test(key) && !monthly) { key = key.slice(0, 4); }
      counts.set(key, (counts.get(key) || 0) + 1);
    });
    var most = 1;
    counts.forEach(function (n, key) { if (key !== 'earlier' && key !== 'later' && key !== 'undated') { most = Math.max(most, n); } });
    function bar(key, title) {
      var n = counts.get(key) || 0;
      var height = n ? (0.12 + 0.88 * Math.sqrt(n / most)).toFixed(3) : 0;
      var label = title + ': ' + arabicCount(n, EVENTS);
      return '<button type="button" class="bar" data-go="' + key + '" data-h="' + height + '" title="' + attr(label) +
        '" aria-label="' + attr(label) + '"' + (n ? '' : ' disabled') + '></button>';
    }
    function outlier(key, words) {
      var n = counts.get(key) || 0;
      if (!outlierCount[key]) { return ''; }
      return '<button type="button" class="out" data-go="' + key + '"' + (n ? '' : ' disabled') + '>' + words +
        '<span>' + n + '</span></button>';
    }
    var years = '';
    for (var y = AXIS[0]; y <= AXIS[1]; y += 1) {
      var bars = '';
      if (monthly) {
        for (var m = 1; m <= 12; m += 1) {
          var key = String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0');
          bars += bar(key, monthTitle(key));
        }
      } else {
        bars = bar(String(y).padStart(4, '0'), String(y));
      }
      years += '<div class="yr"><div class="bars">' + bars + '</div><span class="y">' + y + '</span></div>';
    }
    strip.innerHTML = outlier('earlier', 'قبل ' + AXIS[0]) + '<div class="years">' + years + '</div>' +
      outlier('later', 'بعد ' + AXIS[1]);
    strip.querySelectorAll('.bar').forEach(function (el) { el.style.setProperty('--h', el.getAttribute('data-h')); });
    markCurrent(true);
  }
  // The month at the top of the screen, marked on the strip as one scrolls.
  var current = null, scheduled = false;
  function sectionAtTop() {
    var top = toolbar.getBoundingClientRect().bottom + 12;
    for (var g = 0; g < groups.length; g += 1) {
      var box = groups[g].section.getBoundingClientRect();
      if (box.bottom > top) { return groups[g]; }
    }
    return null;
  }
  function markCurrent(force) {
    var group = sectionAtTop();
    var key = group ? group.key : null;
    if (key && !monthly && /^\d{4}-\d{2}$/.test(key)) { key = key.slice(0, 4); }
    if (key === current && !force) { return; }
    current = key;
    var old = strip.querySelector('.current');
    if (old) { old.classList.remove('current'); }
    var now = key && strip.querySelector('[data-go="' + key + '"]');
    if (now) { now.classList.add('current'); }
  }
  window.addEventListener('scroll', function () {
    if (scheduled) { return; }
    scheduled = true;
    requestAnimationFrame(function () { scheduled = false; markCurrent(false); });
  }, { passive: true });

  // --- moving around: months, entries, links ---------------------------------------------------

  function groupOfPosition(p) {
    for (var g = 0; g < groups.length; g += 1) { if (p < groups[g].to) { return groups[g]; } }
    return null;
  }
  function blockOfPosition(p) {
    var lo = 0, hi = blocks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (blocks[mid].from <= p) { lo = mid; } else { hi = mid - 1; }
    }
    return blocks[lo];
  }
  function unfold(key, open) {
    state.open[key] = open;
    groups.forEach(function (group) {
      if (group.key !== key) { return; }
      group.folded = !open;
      group.blocks.forEach(function (b) { blocks[b].el.hidden = !open; });
      var button = group.section.querySelector('[data-unfold]');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      button.textContent = open ? 'إخفاء' : 'عرض';
    });
  }
  // The element of the entry at position p, drawn (and its group unfolded) if need be.
  function elementAt(p) {
    var group = groupOfPosition(p);
    if (group && group.folded) { unfold(group.key, true); }
    drawBlock(blockOfPosition(p));
    return document.getElementById('entry-' + E[visible[p]][ID]);
  }

  function jumpTo(i) {
    if (positionOf[i] < 0) { resetFilters(); }
    if (positionOf[i] < 0) { return; }
    var li = elementAt(positionOf[i]);
    setExpanded(li, true);
    li.scrollIntoView({ block: 'center' });
    li.querySelector('button.head').focus({ preventScroll: true });
    li.classList.remove('flash');
    void li.offsetWidth; // restart the highlight animation
    li.classList.add('flash');
  }

  function goTo(key) {
    if (AXIS && /^\d{4}$/.test(key) && Number(key) < AXIS[0]) { key = 'earlier'; }
    if (AXIS && /^\d{4}$/.test(key) && Number(key) > AXIS[1]) { key = 'later'; }
    if (key === 'earlier' || key === 'later') { unfold(key, true); }
    var target = document.getElementById(key);
    if (!target && /^\d{4}-\d{2}$/.test(key)) {  // no entry that month: the next month that has one
      var later = groups.filter(function (g) { return /^\d{4}-\d{2}$/.test(g.key) && g.key > key; })[0];
      target = later && later.section;
    }
    if (!target) { return; }
    target.scrollIntoView({ block: 'start' });
    var heading = target.querySelector('h2, h3');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: true }); }
    markCurrent(true);
  }

  function goToHash() {
    var wanted = location.hash.slice(1);
    if (!wanted) { return; }
    try { wanted = decodeURIComponent(wanted); } catch (ignored) { return; } // not percent-encoded text
    if (wanted.indexOf('entry-') === 0) {
      if (byId.has(wanted.slice(6))) { jumpTo(byId.get(wanted.slice(6))); }
    } else if (/^(\d{4}(-\d{2})?|earlier|later|undated)$/.test(wanted)) {
      goTo(wanted);
    }
  }

  // j/k: the next or previous entry, from the focused one or the first on screen.
  function step(direction, li) {
    if (!visible.length) { return; }
    var p;
    if (li) {
      p = positionOf[Number(li.getAttribute('data-i'))] + direction;
    } else {
      var top = toolbar.getBoundingClientRect().bottom;
      var shown = Array.prototype.filter.call(main.querySelectorAll('li[data-entry]'), function (el) {
        return el.getBoundingClientRect().bottom > top;
      });
      p = shown.length ? positionOf[Number(shown[0].getAttribute('data-i'))] : 0;
    }
    p = Math.max(0, Math.min(visible.length - 1, p));
    var el = elementAt(p);
    el.querySelector('button.head').focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }
  // n/p: the next or previous month (or earlier/later group).
  function stepMonth(direction) {
    var group = sectionAtTop();
    var g = group ? groups.indexOf(group) + direction : 0;
    if (g < 0 || g >= groups.length) { return; }
    goTo(groups[g].key);
  }

  // --- filters ---------------------------------------------------------------------------------

  function lastDay(year, month) { return new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate(); }
  function readBound(which) {
    var year = document.getElementById(which + '-year').value;
    var month = document.getElementById(which + '-month').value;
    if (!year) { return null; }
    if (which === 'from') { return year + '-' + (month || '01') + '-01'; }
    var m = month || '12';
    return year + '-' + m + '-' + String(lastDay(year, m)).padStart(2, '0');
  }
  function readForm() {
    form.querySelectorAll('input[name=paper]').forEach(function (box) {
      state.papers[Number(box.value)] = box.checked ? 1 : 0;
    });
    state.from = readBound('from');
    state.to = readBound('to');
  }

  function refresh(keepPlace) {
    computeVisible();
    build();
    drawStrip();
    var total = arabicCount(E.length, EVENTS);
    counter.textContent = visible.length === E.length ? total : 'يظهر ' + visible.length + ' من أصل ' + total;
    if (!keepPlace && main.getBoundingClientRect().top < 0) { main.scrollIntoView({ block: 'start' }); }
  }

  function setOnlyDoc(source) {
    state.onlyDoc = source;
    if (source >= 0) {
      onlyDocNote.innerHTML = 'أحداث مقال واحد: ' + sourceChip(source) + ' <bdi>' + esc(S[source][2] || S[source][0]) +
        '</bdi> <button type="button" id="all-docs" aria-label="كل المقالات">✕</button>';
    }
    onlyDocNote.hidden = source < 0;
    refresh(false);
  }

  function resetFilters() {
    form.querySelectorAll('input[name=paper]').forEach(function (box) { box.checked = true; });
    form.querySelectorAll('select').forEach(function (select) { select.value = ''; });
    searchBox.value = '';
    state.terms = [];
    state.query = '';
    state.onlyDoc = -1;
    onlyDocNote.hidden = true;
    readForm();
    refresh(true);
  }

  function articleItem(s) {
    return '<li><button type="button" data-doc="' + s + '">' + sourceChip(s) + '<span class="article">' +
      esc(S[s][2] || S[s][0]) + '</span></button><span class="published">' +
      esc([S[s][3], arabicCount(docEvents[s], EVENTS)].filter(Boolean).join(' · ')) + '</span></li>';
  }
  function toggleArticles(button) {
    var list = button.nextElementSibling;
    var open = button.getAttribute('aria-expanded') !== 'true';
    if (open && !list.hasAttribute('data-drawn')) {
      var paper = Number(button.getAttribute('data-paper'));
      var mine = [];
      S.forEach(function (s, k) { if (paperOf(k) === paper) { mine.push(k); } });
      list.innerHTML = mine.map(articleItem).join('');
      list.setAttribute('data-drawn', '');
    }
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    list.hidden = !open;
  }
  // Sources by newspaper name, title or id: the articles found, each a filter button.
  function searchSources() {
    var words = fold(sourceSearch.value).split(/\s+/).filter(Boolean);
    if (!words.length) { sourceResults.hidden = true; sourceResults.innerHTML = ''; return; }
    ensureFolded();
    var found = [];
    for (var k = 0; k < S.length && found.length < 101; k += 1) {
      var text = folded.sources[k];
      if (words.every(function (w) { return text.indexOf(w) >= 0; })) { found.push(k); }
    }
    sourceResults.innerHTML = found.length
      ? found.slice(0, 100).map(articleItem).join('') + (found.length > 100 ? '<li class="more">…</li>' : '')
      : '<li class="none">لا مصدر بهذا الاسم</li>';
    sourceResults.hidden = false;
  }

  // --- events ----------------------------------------------------------------------------------

  var typing = null;
  searchBox.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      state.query = searchBox.value;
      state.terms = fold(searchBox.value).split(/\s+/).filter(Boolean);
      refresh(false);
    }, 150);
  });
  sourceSearch.addEventListener('input', searchSources);
  form.addEventListener('change', function (event) {
    if (event.target === sourceSearch) { return; }
    readForm();
    refresh(false);
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); });

  document.addEventListener('click', function (event) {
    var target = event.target;
    var jump = target.closest('a[data-jump]');
    if (jump) {
      event.preventDefault();
      var i = byId.get(jump.getAttribute('data-jump'));
      if (i !== undefined) { jumpTo(i); }
      return;
    }
    var doc = target.closest('button[data-doc]');
    if (doc) { setOnlyDoc(Number(doc.getAttribute('data-doc'))); return; }
    if (target.closest('#all-docs')) { setOnlyDoc(-1); return; }
    var go = target.closest('button[data-go]');
    if (go) {
      goTo(go.getAttribute('data-go'));
      history.replaceState(null, '', '#' + go.getAttribute('data-go'));
      return;
    }
    var folder = target.closest('button[data-unfold]');
    if (folder) { unfold(folder.getAttribute('data-unfold'), folder.getAttribute('aria-expanded') !== 'true'); return; }
    var sources = target.closest('button[data-sources]');
    if (sources) {
      var all = sources.getAttribute('data-sources') === 'all';
      form.querySelectorAll('input[name=paper]').forEach(function (box) { box.checked = all; });
      readForm();
      refresh(false);
      return;
    }
    var articles = target.closest('button.articles-toggle');
    if (articles) { toggleArticles(articles); return; }
    if (target.id === 'reset-filters') { resetFilters(); return; }
    var head = target.closest('button.head');
    if (head) {
      var li = head.closest('li[data-entry]');
      setExpanded(li, head.getAttribute('aria-expanded') !== 'true');
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target.matches && target.matches('input, select, textarea')) {
      if (target === searchBox && event.key === 'Escape' && searchBox.value) {
        searchBox.value = '';
        state.terms = [];
        refresh(false);
      } else if (target === searchBox && event.key === 'ArrowDown') {
        event.preventDefault();
        step(0, null);
      }
      return;
    }
    var li = target.closest ? target.closest('li[data-entry]') : null;
    var onHead = li && target.matches('button.head');
    switch (event.key) {
      case '/': event.preventDefault(); searchBox.focus(); searchBox.select(); break;
      case 'j': event.preventDefault(); step(1, onHead ? li : null); break;
      case 'k': event.preventDefault(); step(-1, onHead ? li : null); break;
      case 'ArrowDown': if (onHead) { event.preventDefault(); step(1, li); } break;
      case 'ArrowUp': if (onHead) { event.preventDefault(); step(-1, li); } break;
      case 'n': event.preventDefault(); stepMonth(1); break;
      case 'p': event.preventDefault(); stepMonth(-1); break;
      default: break;
    }
  });

  // Printing: everything that passes the filters, unfolded and drawn.
  window.addEventListener('beforeprint', function () {
    unfold('earlier', true);
    unfold('later', true);
    blocks.forEach(drawBlock);
  });
  window.addEventListener('hashchange', goToHash);

  // The sticky toolbar's height, for headings and jumps to stop below it.
  function noteToolbar() {
    document.documentElement.style.setProperty('--toolbar-h', toolbar.offsetHeight + 'px');
  }
  if ('ResizeObserver' in window) { new ResizeObserver(noteToolbar).observe(toolbar); }
  noteToolbar();

  // On a phone the filters start folded, so the timeline is what one sees first.
  if (window.matchMedia('(max-width: 52rem)').matches) {
    document.getElementById('filters-box').open = false;
  }
  readForm();
  refresh(true);
  goToHash();
  document.documentElement.classList.add('js');
}());
