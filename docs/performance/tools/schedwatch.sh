#!/bin/bash
# schedwatch.sh RUSH_OUTPUT OUT [SECONDS=3]: from 200 ms before the opening the rush prints ("registration opens
# at ..."), perf sched record -a for SECONDS into OUT (read it with perf sched timehist -i OUT > OUT.timehist, then
# timehist.py). Start it with the rush; it waits for the line.
RUSH=$1; OUT=$2; SECS=${3:-3}
while ! grep -q "registration opens at" "$RUSH" 2>/dev/null; do sleep 0.2; done
OE=$(date -d $(grep -o "opens at [0-9T:-]*Z" "$RUSH" | awk '{print $3}') +%s)
while [ $(date +%s.%N | cut -c1-14 | tr -d .) -lt $(( OE * 1000 - 200 )) ]; do sleep 0.02; done
perf sched record -a -o "$OUT" -- sleep $SECS > "$OUT.log" 2>&1
