package dev.paddock.events.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * An event's refund policy ({@code events.events.refund_policy}): a cancellation made at least
 * {@code daysBefore} calendar days (in the event's zone) before the day of the event's first race gets
 * {@code percent} of what was paid back; the step with the largest {@code daysBefore} that applies wins;
 * none applies, or the first race has started: nothing back. Amounts are rounded down to the cent, so a
 * refund never exceeds the percentage.
 */
record RefundPolicy(List<Step> steps) {

    record Step(int daysBefore, int percent) {

        Step {
            if (daysBefore < 0 || percent < 0 || percent > 100) {
                throw new IllegalArgumentException("A refund step has daysBefore >= 0 and a percent in 0..100");
            }
        }
    }

    RefundPolicy {
        steps = steps.stream().sorted(Comparator.comparingInt(Step::daysBefore).reversed()).toList();
    }

    /** The percent given back for a cancellation at {@code now} of an event whose first race starts at {@code firstStart}. */
    int percentAt(Instant now, Instant firstStart, ZoneId zone) {
        if (!now.isBefore(firstStart)) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), LocalDate.ofInstant(firstStart, zone));
        return steps.stream().filter(step -> days >= step.daysBefore()).findFirst().map(Step::percent).orElse(0);
    }

    /** What {@code percent} of {@code paidCents} gives back, rounded down to the cent. */
    static long refundCents(long paidCents, int percent) {
        return Math.multiplyExact(paidCents, percent) / 100;
    }
}
