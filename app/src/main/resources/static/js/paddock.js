// Paddock's page script: CSRF for htmx requests, and the live channel.
//
// Live channel: an element with data-live="/live/stream" opens one Server-Sent Events stream; each event
// named N is re-dispatched on <body> as "live:N" with the event's JSON as detail, so a fragment refreshes
// itself with hx-trigger="live:N from:body". The browser reconnects by itself after a drop.
// A fragment that swaps itself (hx-swap="outerHTML") also needs hx-sync="this:replace": htmx queues an event
// that comes while the fragment's request is in flight on the old element, and drops it once that element
// is swapped out, so the page would keep the older of two quick updates (LiveFragmentsTest checks it).
// It also needs an id: htmx only starts listening on the new element once it settles, so an event that lands
// between the swap and the settle reaches nobody. The page counts the events of each name, notes the counts
// when a fragment asks the server, and when the fragment with that id has settled, fires again any event it
// listens for that arrived in between. After a dropped stream reconnects, every event is fired once, since
// pushes sent while it was down are lost.
document.addEventListener('DOMContentLoaded', () => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    document.body.addEventListener('htmx:configRequest', (e) => {
      e.detail.headers[header.content] = token.content;
    });
  }
  const arrived = {};
  const countsWhenAsked = new Map();
  const fire = (name, detail) => document.body.dispatchEvent(new CustomEvent('live:' + name, { detail }));
  document.body.addEventListener('htmx:beforeRequest', (e) => {
    if (e.detail.elt.id) countsWhenAsked.set(e.detail.elt.id, { ...arrived });
  });
  document.body.addEventListener('htmx:load', (e) => {
    const elt = e.detail.elt;
    const asked = elt.id && countsWhenAsked.get(elt.id);
    if (!asked) return;
    countsWhenAsked.delete(elt.id);
    const listensFor = [...(elt.getAttribute('hx-trigger') || '').matchAll(/live:([\w-]+)/g)].map((m) => m[1]);
    listensFor.filter((name) => (arrived[name] || 0) > (asked[name] || 0)).forEach((name) => fire(name, {}));
  });
  document.querySelectorAll('[data-live]').forEach((el) => {
    const source = new EventSource(el.dataset.live);
    const names = (el.dataset.liveEvents || '').split(',').map((n) => n.trim()).filter(Boolean);
    names.forEach((name) => source.addEventListener(name, (e) => {
      let detail = {};
      try { detail = JSON.parse(e.data); } catch (ignored) { detail = { raw: e.data }; }
      arrived[name] = (arrived[name] || 0) + 1;
      fire(name, detail);
    }));
    let opened = false;
    source.addEventListener('open', () => {
      if (opened) names.forEach((name) => fire(name, { reconnected: true }));
      opened = true;
      el.setAttribute('data-live-state', 'open');
    });
    source.addEventListener('error', () => el.setAttribute('data-live-state', 'reconnecting'));
  });
});
