# ticks.py file.ticks t0 span attempts: server JVM and PostgreSQL CPU-s over [t0, t0+span], linearly interpolated
import sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
t0, span, n = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
def at(t, i):
    for a, b in zip(rows, rows[1:]):
        if a[0] <= t <= b[0]:
            return a[i] + (b[i] - a[i]) * (t - a[0]) / (b[0] - a[0])
    raise SystemExit('no samples around %.2f' % t)
srv = (at(t0 + span, 1) - at(t0, 1)) / 100; pg = (at(t0 + span, 2) - at(t0, 2)) / 100
print('%.0f s: server %.2f CPU-s (%.0f%% of 2 cores), PostgreSQL %.2f CPU-s (%.0f%%); per attempt (%d): server %.3f ms, PG %.3f ms, both %.3f ms'
      % (span, srv, 50 * srv / span, pg, 50 * pg / span, n, 1000 * srv / n, 1000 * pg / n, 1000 * (srv + pg) / n))
