// htmx requests carry the CSRF token of the page (Spring Security checks it on every state-changing request).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A form with data-confirm asks before it records an outcome; {0} becomes the text of the chosen option of the
// select named in data-confirm-choice, so the officer confirms the outcome itself, not just "are you sure".
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.dataset || !form.dataset.confirm) {
    return;
  }
  var choice = form.dataset.confirmChoice ? form.querySelector('[name="' + form.dataset.confirmChoice + '"]') : null;
  var chosen = choice && choice.selectedIndex >= 0 && choice.value ? choice.options[choice.selectedIndex].text : null;
  if (choice && !chosen) {
    return; // nothing chosen yet: the server answers with the field error
  }
  if (!window.confirm(form.dataset.confirm.replace('{0}', chosen || ''))) {
    event.preventDefault();
  }
});

// Live parts of a page (data-live="on") are asked for when the server pushes a change over Server-Sent Events. While
// the push channel is down they are polled every 3 s instead, and once it is back they catch up on what was missed.
(function () {
  var POLL_MS = 3000;
  function startPolling(element) {
    if (element._poll) {
      return;
    }
    element._poll = window.setInterval(function () {
      if (!document.body.contains(element)) {
        window.clearInterval(element._poll);
        return;
      }
      window.htmx.trigger(element, 'poll');
    }, POLL_MS);
  }
  function stopPolling(element) {
    if (element._poll) {
      window.clearInterval(element._poll);
      element._poll = null;
    }
  }
  document.addEventListener('htmx:sseError', function (event) {
    if (event.target.dataset && event.target.dataset.live === 'on') {
      startPolling(event.target);
    }
  });
  document.addEventListener('htmx:sseOpen', function (event) {
    var element = event.target;
    if (element.dataset && element.dataset.live === 'on') {
      stopPolling(element);
      // Back after a break: catch up on what was missed (the first opening has nothing to catch up on).
      if (element._sseOpened) {
        window.htmx.trigger(element, 'poll');
      }
      element._sseOpened = true;
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    // No EventSource in this browser: poll from the start.
    document.querySelectorAll('[data-live="on"]').forEach(function (element) {
      if (!window.EventSource) {
        startPolling(element);
      }
    });
  });
})();

// The folded menu on phones: one button opens and closes it.
document.addEventListener('click', function (event) {
  var toggle = event.target.closest ? event.target.closest('#menu-toggle') : null;
  if (!toggle) {
    return;
  }
  var nav = toggle.closest('nav');
  var open = nav.classList.toggle('open');
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
});

// A refused form's error summary takes the focus, so keyboard and screen-reader users start from the list of what
// to correct; its links lead to the fields.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('correction-summary');
  if (summary) {
    summary.focus();
  }
});
