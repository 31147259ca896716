package dev.paddock.tote.programme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens races {@code open-before} their start and gives the stop signal at their start time, every
 * {@code tick} (200 ms by default) on every node: each pass is one indexed conditional update per state,
 * so two nodes never move the same race twice and the close lands within a tick of the start.
 */
@Component
class AutoStartStop {

    private static final Logger log = LoggerFactory.getLogger(AutoStartStop.class);

    private final ProgrammeDesk desk;

    AutoStartStop(ProgrammeDesk desk) {
        this.desk = desk;
    }

    @Scheduled(fixedDelayString = "${paddock.tote.programme.tick:200ms}", initialDelayString = "${paddock.tote.programme.tick:200ms}")
    void tick() {
        try {
            int closed = desk.closeDue();
            int opened = desk.openDue();
            if (closed > 0 || opened > 0) {
                log.info("Stop signal given to {} race(s), {} race(s) opened", closed, opened);
            }
        } catch (RuntimeException e) {
            log.warn("Automatic opening and stop signal failed; retrying at the next tick", e);
        }
    }
}
