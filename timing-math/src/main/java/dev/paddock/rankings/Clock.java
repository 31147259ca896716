package dev.paddock.rankings;

/**
 * Which time ranks: GUN from the race's (or wave's) start signal, NET (chip) from the athlete's own
 * crossing of the start line. Athletics rules rank on gun time; many mass races (Boston) on net time.
 */
public enum Clock {
    GUN, NET
}
