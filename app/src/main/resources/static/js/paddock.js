// Paddock's page script: CSRF for htmx requests, and the live channel.
//
// Live channel: an element with data-live="/live/stream" opens one Server-Sent Events stream; each event
// named N is re-dispatched on <body> as "live:N" with the event's JSON as detail, so a fragment refreshes
// itself with hx-trigger="live:N from:body". The browser reconnects by itself after a drop.
// A fragment that swaps itself (hx-swap="outerHTML") also needs hx-sync="this:replace": htmx queues an event
// that comes while the fragment's request is in flight on the old element, and drops it once that element
// is swapped out, so the page would keep the older of two quick updates (LiveFragmentsTest checks it).
document.addEventListener('DOMContentLoaded', () => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    document.body.addEventListener('htmx:configRequest', (e) => {
      e.detail.headers[header.content] = token.content;
    });
  }
  document.querySelectorAll('[data-live]').forEach((el) => {
    const source = new EventSource(el.dataset.live);
    const names = (el.dataset.liveEvents || '').split(',').map((n) => n.trim()).filter(Boolean);
    names.forEach((name) => source.addEventListener(name, (e) => {
      let detail = {};
      try { detail = JSON.parse(e.data); } catch (ignored) { detail = { raw: e.data }; }
      document.body.dispatchEvent(new CustomEvent('live:' + name, { detail }));
    }));
    source.addEventListener('open', () => el.setAttribute('data-live-state', 'open'));
    source.addEventListener('error', () => el.setAttribute('data-live-state', 'reconnecting'));
  });
});
