# cpu.py OUT [JAR_PREFIX]: every second, epoch, server JVM ticks and its postgres descendants' ticks (utime+stime, 100/s),
# then (since session 13) the ticks of the server's JIT compiler threads (read by jit.py)
# PostgreSQL is the postmaster on the server's --paddock.db.embedded.port, or every postgres when none matches.
# The server is the java process whose -jar argument starts with JAR_PREFIX: by default the bench's extracted layout
# (/tmp/paddock-bench-app-*, session 10's --start-app); give the jar's own path when it runs whole.
import os, sys, time
PREFIX = '/tmp/paddock-bench-app-'
def is_server(c, prefix=PREFIX):
    # c: the command line, arguments separated by spaces (machine.py imports this)
    a = c.split()
    return bool(a) and a[0].endswith('/java') and '-jar' in a and a.index('-jar') + 1 < len(a) and a[a.index('-jar') + 1].startswith(prefix)
def procs():
    out = {}
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            st = open('/proc/%s/stat' % p).read()
            rest = st[st.rindex(')') + 2:].split()
            cmd = open('/proc/%s/cmdline' % p, 'rb').read().replace(b'\0', b' ').decode(errors='replace')
            out[int(p)] = (int(rest[1]), int(rest[11]) + int(rest[12]), cmd)
        except Exception:
            pass
    return out
def compilers(pid):
    total = 0
    for t in os.listdir('/proc/%d/task' % pid):
        try:
            st = open('/proc/%d/task/%s/stat' % (pid, t)).read()
            if 'Compiler' in st[st.index('(') + 1:st.rindex(')')]:
                rest = st[st.rindex(')') + 2:].split()
                total += int(rest[11]) + int(rest[12])
        except Exception:
            pass
    return total
def main():
    prefix = sys.argv[2] if len(sys.argv) > 2 else PREFIX
    with open(sys.argv[1], 'w') as w:
        while True:
            ps = procs()
            server = [p for p, (pp, t, c) in ps.items() if is_server(c, prefix)]
            if server:
                s = server[0]
                port = [x.split('=')[1] for x in ps[s][2].split() if x.startswith('--paddock.db.embedded.port=')]
                roots = [p for p, (pp, t, c) in ps.items() if port and '/bin/postgres' in c and ('-p ' + port[0] + ' ') in c]
                if not roots:  # not found by its port: every postgres of the machine
                    roots = [p for p, (pp, t, c) in ps.items() if '/bin/postgres' in c]
                kids = set([s] + roots); changed = True
                while changed:
                    changed = False
                    for p, (pp, t, c) in ps.items():
                        if pp in kids and p not in kids:
                            kids.add(p); changed = True
                pg = sum(ps[p][1] for p in kids if p != s)
                w.write('%.2f %d %d %d\n' % (time.time(), ps[s][1], pg, compilers(s))); w.flush()
            time.sleep(1)
if __name__ == '__main__':
    main()
