# jit.py FILE.ticks OPENING: the server JVM's CPU split between its JIT compiler threads and the rest (session 13),
# from cpu.py's samples (its fourth column: the compiler threads' ticks). Per second from OPENING-12 to OPENING+15
# (OPENING: epoch seconds or 2026-11-22T22:09:31): compiler ticks / other ticks, then the first 10 s.
# Ticks are 1/100 s of CPU (utime + stime from /proc); 100 a second = one core.
import sys, time, calendar
path, opening = sys.argv[1], sys.argv[2]
o = float(opening) if opening.replace('.', '').isdigit() else calendar.timegm(time.strptime(opening.rstrip('Z'), '%Y-%m-%dT%H:%M:%S'))
prev = None; first = [0, 0]; line = []
for l in open(path):
    p = l.split()
    if len(p) < 4: continue
    t, server, jit = float(p[0]), int(p[1]), int(p[3])
    if prev and o - 12 <= t < o + 16:
        d = (jit - prev[0], server - jit - prev[1]); line.append('%d:%d/%d' % (int(t - o), d[0], d[1]))
        if 0 <= t - o < 10: first[0] += d[0]; first[1] += d[1]
    prev = (jit, server - jit)
print(' '.join(line))
print('first 10 s: compilers %d ticks, other threads %d (compilers %.0f%% of the JVM)' % (first[0], first[1], 100.0 * first[0] / max(1, sum(first))))
