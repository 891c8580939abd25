// Live updates for every page: one EventSource on /live. Regions marked data-live-src refetch their HTML when an
// event of one of their data-live-topics arrives (and, with data-live-order, only for that order); the ticker and
// the health indicators update in place. EventSource reconnects by itself; the indicator shows when it is trying.
(function () {
  'use strict';
  var indicator = document.getElementById('live-indicator');
  var ticker = document.getElementById('ticker');
  var template = document.getElementById('ticker-item');
  var pending = new Map();
  var MAX_TICKS = 25;

  function setIndicator(state, text) {
    if (!indicator) { return; }
    indicator.className = 'live-indicator ' + state;
    indicator.textContent = text;
  }

  // Never replace a region while someone is typing in it (a restock quantity, say): refresh when they leave it.
  function isBeingEdited(region) {
    var active = document.activeElement;
    return active && active !== document.body && region.contains(active)
      && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(active.tagName);
  }

  function refresh(region) {
    if (isBeingEdited(region)) {
      region.addEventListener('focusout', function () { schedule(region); }, { once: true });
      return;
    }
    fetch(region.dataset.liveSrc, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      // Redirected: the sign-in has ended (a staff page sent to /login); keep what is shown rather than the form.
      .then(function (response) {
        return !response.redirected && (response.ok || response.status === 404) ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) { return; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        region.replaceChildren.apply(region, Array.prototype.slice.call(doc.body.childNodes));
        region.dispatchEvent(new CustomEvent('live:refreshed', { bubbles: true }));
      })
      .catch(function () { /* the next event, or the reconnect, tries again */ });
  }

  // Several events arrive in a burst; refetch once shortly after, and once more a moment later because the audit
  // journal (the timeline) may record an event a few milliseconds after the UI heard of it.
  function schedule(region) {
    if (pending.has(region)) { return; }
    pending.set(region, true);
    setTimeout(function () { refresh(region); }, 250);
    setTimeout(function () { pending.delete(region); refresh(region); }, 1200);
  }

  function regionsFor(event) {
    return Array.prototype.filter.call(document.querySelectorAll('[data-live-src]'), function (region) {
      var topics = (region.dataset.liveTopics || '').split(' ');
      if (topics.indexOf(event.topic) < 0) { return false; }
      var order = region.dataset.liveOrder;
      return !order || order === event.orderId;
    });
  }

  function addTick(event) {
    if (!ticker || !template) { return; }
    var empty = ticker.querySelector('.ticker-empty');
    if (empty) { empty.remove(); }
    var item = template.content.firstElementChild.cloneNode(true);
    item.classList.add(event.valid ? 'tick-' + (event.topic || 'other').replace('shop.', '') : 'tick-invalid');
    item.classList.add('fresh');
    item.querySelector('.tick-type').textContent = event.valid ? event.type : 'invalid';
    item.querySelector('.tick-topic').textContent = event.topic || '';
    item.querySelector('.tick-summary').textContent = event.valid ? event.summary : (event.error || event.summary);
    ticker.insertBefore(item, ticker.firstChild);
    while (ticker.children.length > MAX_TICKS) { ticker.removeChild(ticker.lastChild); }
  }

  function updateHealth(event) {
    var item = document.querySelector('.health [data-service="' + event.source + '"]');
    if (!item) { return; }
    item.classList.remove('health-up', 'health-down', 'health-unknown');
    item.classList.add('health-' + String(event.status).toLowerCase());
    item.title = event.source + ': ' + event.status;
  }

  // An order's page also gets that order's status from orders-service's WatchOrder stream (event "status").
  function liveUrl() {
    var order = document.querySelector('[data-live-order]');
    return order ? '/live?order=' + encodeURIComponent(order.dataset.liveOrder) : '/live';
  }

  function regionsOfOrder(orderId) {
    return Array.prototype.filter.call(document.querySelectorAll('[data-live-order]'), function (region) {
      return region.dataset.liveOrder === orderId;
    });
  }

  function connect() {
    var source = new EventSource(liveUrl());
    // Whatever happened before the stream was (re)connected — between rendering this page and opening the stream,
    // or during a network blip — is caught up by refetching every live region once.
    source.addEventListener('open', function () {
      setIndicator('live', 'live');
      document.querySelectorAll('[data-live-src]').forEach(schedule);
    });
    source.addEventListener('error', function () {
      setIndicator('reconnecting', 'reconnecting…');
      // CLOSED means the browser gave up (e.g. an error status while web-ui restarts): start again ourselves.
      if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 2000); }
    });
    source.addEventListener('event', function (message) {
      var event = JSON.parse(message.data);
      addTick(event);
      regionsFor(event).forEach(schedule);
    });
    // Sales figures (shop.sales) redraw the regions that show them, without a line in the ticker.
    source.addEventListener('figures', function (message) { regionsFor(JSON.parse(message.data)).forEach(schedule); });
    source.addEventListener('health', function (message) { updateHealth(JSON.parse(message.data)); });
    source.addEventListener('status', function (message) {
      regionsOfOrder(JSON.parse(message.data).orderId).forEach(schedule);
    });
  }

  if (window.EventSource) { connect(); } else { setIndicator('reconnecting', 'no live updates'); }
})();
