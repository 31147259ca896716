// The tote's pages: countdowns to race starts, and confirmation of irreversible operator commands.
//
// <span data-countdown="2026-05-01T11:50:00Z"> shows the time left (h:mm:ss), updated every second.
// <form data-confirm="Stop betting on R1C1?"> asks before posting.
(() => {
  const pad = (n) => String(n).padStart(2, '0');
  const tick = () => {
    const now = Date.now();
    document.querySelectorAll('[data-countdown]').forEach((el) => {
      const left = Math.max(0, Math.floor((Date.parse(el.dataset.countdown) - now) / 1000));
      const h = Math.floor(left / 3600);
      const m = Math.floor((left % 3600) / 60);
      el.textContent = (h > 0 ? h + ':' + pad(m) : m) + ':' + pad(left % 60);
    });
  };
  document.addEventListener('DOMContentLoaded', () => {
    tick();
    setInterval(tick, 1000);
    document.addEventListener('submit', (e) => {
      const message = e.target.dataset && e.target.dataset.confirm;
      if (message && !window.confirm(message)) {
        e.preventDefault();
      }
    });
  });
})();
