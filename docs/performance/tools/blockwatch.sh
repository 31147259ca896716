#!/bin/bash
# blockwatch.sh RUSH_OUTPUT OUT [SECONDS=3]: around the opening the rush prints, PgWatch (from 5 s before, every
# 10 ms, into OUT.pgw) and perf record of every context switch with its kernel stack (from 200 ms before, into
# OUT; read it with perf script -i OUT > OUT.script, then offcpu.py). Start it with the rush; it waits for the line.
RUSH=$1; OUT=$2; SECS=${3:-3}; TOOLS=$(dirname "$0")
. "$TOOLS/opening.sh"
wait_for_opening "$RUSH" 5000
PORT=$(ss -ltnp | grep postgres | grep -o '127.0.0.1:[0-9]*' | head -1 | cut -d: -f2)
java -cp $(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | tail -1) "$TOOLS/PgWatch.java" \
    jdbc:postgresql://localhost:$PORT/postgres $((SECS + 6)) > "$OUT.pgw" 2>&1 &
wait_for_opening "$RUSH" 200
perf record -e sched:sched_switch -g -a -o "$OUT" -- sleep $SECS > "$OUT.log" 2>&1
