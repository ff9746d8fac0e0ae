// The import run page without reloading it (progressive enhancement: the page works without it,
// through its Update link). While the run is queued or running, asks the run's status URL every
// five seconds and, when the status changes, puts the server's sentence into the page's
// role="status" region, so screen readers announce it. It never reloads the page or moves focus
// (WCAG 2.2.1), announces only changes of status (not every count), and stops when the run is over
// or after half an hour.
(function () {
  'use strict';
  var region = document.getElementById('import-status');
  var link = document.getElementById('import-update');
  if (!region || !link || !window.fetch) return;
  var url = link.getAttribute('data-status-url');
  var status = region.getAttribute('data-status');
  var polls = 0;

  function later() {
    if (++polls <= 360) window.setTimeout(poll, 5000);
  }

  function poll() {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (!answer) return later();
        if (answer.status !== status) {
          status = answer.status;
          region.setAttribute('data-status', status);
          region.className = 'notice notice-' + (status === 'failed' ? 'warning' : 'info');
          var line = document.createElement('p');
          var strong = document.createElement('strong');
          strong.textContent = answer.message;
          line.appendChild(strong);
          region.textContent = '';
          region.appendChild(line);
        }
        if (!answer.finished) later();
      })
      .catch(later);
  }

  later();
})();
