/* chrono timeline page: details on click or Enter, jumps between conflicting entries,
   filters by source and by period. The entries are already in the HTML; the filter index
   (interval and source numbers of each entry) is the JSON in #chrono-data. No network. */
(function () {
  'use strict';

  var index = JSON.parse(document.getElementById('chrono-data').textContent);
  var form = document.getElementById('filters');
  var counter = document.getElementById('count');
  var main = document.getElementById('timeline');

  // id -> {el, start, end, sources}: one pass over the DOM, one over the index.
  var byId = new Map();
  main.querySelectorAll('li[data-entry]').forEach(function (el) {
    byId.set(el.getAttribute('data-entry'), { el: el });
  });
  index.entries.forEach(function (e) {
    var item = byId.get(e.id);
    if (item) { item.start = e.start; item.end = e.end; item.sources = e.sources; }
  });
  var items = Array.from(byId.values());
  var sections = Array.from(main.querySelectorAll('section, ol.entries'));

  // The Arabic noun after a number: 1 حدث واحد, 2 حدثان, 3–10 أحداث, 11–99 حدثاً, 100 حدث.
  function arabicCount(n, forms) {
    if (n === 1) { return forms[0]; }
    if (n === 2) { return forms[1]; }
    var rest = n % 100;
    if (rest >= 3 && rest <= 10) { return n + ' ' + forms[2]; }
    if (rest >= 11) { return n + ' ' + forms[3]; }
    return n + ' ' + forms[4];
  }
  var EVENTS = ['حدث واحد', 'حدثان', 'أحداث', 'حدثاً', 'حدث'];

  function setExpanded(item, open) {
    var button = item.el.querySelector('button.head');
    var details = item.el.querySelector('.details');
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    details.hidden = !open;
    item.el.classList.toggle('open-details', open);
  }

  // Period bounds as ISO day strings; a missing month means the whole year.
  function lastDay(year, month) {
    return new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  }
  function readBound(which) {
    var year = document.getElementById(which + '-year').value;
    var month = document.getElementById(which + '-month').value;
    if (!year) { return null; }
    if (which === 'from') { return year + '-' + (month || '01') + '-01'; }
    var m = month || '12';
    return year + '-' + m + '-' + String(lastDay(year, m)).padStart(2, '0');
  }

  function applyFilters() {
    var chosen = new Set();
    form.querySelectorAll('input[name=source]:checked').forEach(function (box) {
      chosen.add(Number(box.value));
    });
    var from = readBound('from');
    var to = readBound('to');
    var shown = 0;
    items.forEach(function (item) {
      var bySource = (item.sources || []).some(function (s) { return chosen.has(s); });
      var byPeriod = true;
      if (from || to) {
        byPeriod = Boolean(item.start) && (!to || item.start <= to) && (!from || item.end >= from);
      }
      var visible = bySource && byPeriod;
      item.el.hidden = !visible;
      if (visible) { shown += 1; }
    });
    // Innermost first, so a year hides when all its months are hidden.
    for (var i = sections.length - 1; i >= 0; i -= 1) {
      var section = sections[i];
      section.hidden = !section.querySelector('li[data-entry]:not([hidden])');
    }
    counter.textContent = 'يظهر ' + shown + ' من أصل ' + arabicCount(items.length, EVENTS);
  }

  function resetFilters() {
    form.querySelectorAll('input[name=source]').forEach(function (box) { box.checked = true; });
    form.querySelectorAll('select').forEach(function (select) { select.value = ''; });
    applyFilters();
  }

  function jumpTo(id) {
    var item = byId.get(id);
    if (!item) { return; }
    if (item.el.hidden) { resetFilters(); }
    setExpanded(item, true);
    item.el.scrollIntoView({ block: 'center' });
    item.el.querySelector('button.head').focus({ preventScroll: true });
    item.el.classList.remove('flash');
    void item.el.offsetWidth; // restart the highlight animation
    item.el.classList.add('flash');
  }

  main.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-jump]');
    if (link) {
      event.preventDefault();
      jumpTo(link.getAttribute('data-jump'));
      return;
    }
    var button = event.target.closest('button.head');
    if (button) {
      var item = byId.get(button.closest('li[data-entry]').getAttribute('data-entry'));
      setExpanded(item, button.getAttribute('aria-expanded') !== 'true');
    }
  });

  form.addEventListener('change', applyFilters);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-sources]');
    if (button) {
      var all = button.getAttribute('data-sources') === 'all';
      form.querySelectorAll('input[name=source]').forEach(function (box) { box.checked = all; });
      applyFilters();
    } else if (event.target.id === 'reset-filters') {
      resetFilters();
    }
  });

  // On a phone the filters start folded, so the timeline is what one sees first.
  if (window.matchMedia('(max-width: 52rem)').matches) {
    document.getElementById('filters-box').open = false;
  }
  applyFilters();
  // A link to one entry (timeline.html#entry-e7) opens it; a malformed hash is ignored.
  if (location.hash.indexOf('#entry-') === 0) {
    try {
      var wanted = decodeURIComponent(location.hash.slice('#entry-'.length));
      if (byId.has(wanted)) { jumpTo(wanted); }
    } catch (ignored) { /* not percent-encoded text: nothing to open */ }
  }
  document.documentElement.classList.add('js');
}());
