#!/bin/bash
# schedwatch.sh RUSH_OUTPUT OUT [SECONDS=3]: from 200 ms before the opening the rush prints ("registration opens
# at ..."), perf sched record -a for SECONDS into OUT (read it with perf sched timehist -i OUT > OUT.timehist, then
# timehist.py). Start it with the rush; it waits for the line.
RUSH=$1; OUT=$2; SECS=${3:-3}
. "$(dirname "$0")/opening.sh"
wait_for_opening "$RUSH" 200
perf sched record -a -o "$OUT" -- sleep $SECS > "$OUT.log" 2>&1
