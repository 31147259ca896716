# opening.sh (sourced): wait_for_opening RUSH_OUTPUT MS_BEFORE waits for the opening the rush prints ("registration
# opens at ...") and then until MS_BEFORE ms before it; OPENS is the opening in epoch seconds.
wait_for_opening() {
    while ! grep -q "registration opens at" "$1" 2>/dev/null; do sleep 0.2; done
    OPENS=$(date -d $(grep -o "opens at [0-9T:-]*Z" "$1" | awk '{print $3}') +%s)
    while [ $(date +%s.%N | cut -c1-14 | tr -d .) -lt $(( OPENS * 1000 - $2 )) ]; do sleep 0.02; done
}
