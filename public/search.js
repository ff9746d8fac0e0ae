// Type-ahead for the search field (progressive enhancement: the search page works without it).
// Fills a <datalist> from GET /api/v1/search/suggest as the reader types, so the browser shows the
// suggestions natively — reachable by keyboard and announced by screen readers.
(function () {
  'use strict';
  var input = document.querySelector('input[data-suggest]');
  if (!input || !window.fetch) return;
  var list = document.createElement('datalist');
  list.id = 'search-suggestions';
  list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || '');
  input.parentNode.appendChild(list);
  input.setAttribute('list', list.id);
  var timer = 0;
  var latest = '';
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) {
      list.textContent = '';
      return;
    }
    timer = window.setTimeout(function () {
      latest = q;
      fetch(input.getAttribute('data-suggest') + '&q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
        .then(function (response) {
          return response.ok ? response.json() : { items: [] };
        })
        .then(function (answer) {
          if (latest !== q) return;
          list.textContent = '';
          answer.items.forEach(function (title) {
            var option = document.createElement('option');
            option.value = title;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
