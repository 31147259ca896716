/**
 * Timing: race day for the events module. A race's course (timing points, waves, the official clock),
 * passings from the main and backup timing lines (judged by {@code dev.paddock.passings.PassingJudge}),
 * statuses and corrections by the timing operator, and live rankings computed from them
 * ({@code dev.paddock.rankings.Rankings}), published as snapshots. The schema is {@code timing}.
 * <ul>
 * <li>{@code course}: the timing setup of a race and its wave starts;</li>
 * <li>{@code intake}: passings in, single, batched or from a CSV file, idempotent per read;</li>
 * <li>{@code board}: each race's live state in memory and its rankings, recomputed after changes;</li>
 * <li>{@code results}: the public results API and pages, served from the board's snapshots.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timing")
package dev.paddock.timing;
