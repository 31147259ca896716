package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineTest {

    static final LocalDateTime NINE = LocalDateTime.of(2027, 1, 10, 9, 0);

    @ParameterizedTest
    @CsvSource({"0,HOUR", "71,HOUR", "72,HOUR", "73,DAY", "2000,DAY"})
    void hoursForARushDaysBeyondThreeDays(int hours, Timeline.Unit unit) {
        assertThat(Timeline.unitFor(NINE, NINE.plusHours(hours))).isEqualTo(unit);
    }

    @Test
    void fillsEmptyBucketsWithZero() {
        Map<LocalDateTime, Long> counts = new LinkedHashMap<>();
        counts.put(NINE, 5L);
        counts.put(NINE.plusHours(3), 2L);
        assertThat(Timeline.fill(counts, Timeline.Unit.HOUR)).extracting(Timeline.Point::registrations)
                .containsExactly(5L, 0L, 0L, 2L);
        assertThat(Timeline.fill(Map.of(), Timeline.Unit.DAY)).isEmpty();
    }

    @Test
    void keepsTheLatestBucketsWhenTheSpanIsLong() {
        Map<LocalDateTime, Long> counts = Map.of(NINE, 1L, NINE.plusDays(1000), 4L);
        List<Timeline.Point> points = Timeline.fill(counts, Timeline.Unit.DAY);
        assertThat(points).hasSize(Timeline.MAX_BUCKETS);
        assertThat(points.getLast()).isEqualTo(new Timeline.Point(NINE.plusDays(1000), 4));
    }

    @ParameterizedTest
    @CsvSource({"0,10,0", "10,10,100", "5,10,50", "1,1000,1", "1,3,33.3", "2,3,66.7", "3,0,0"})
    void barsScaleToTheLargest(long value, long max, double percent) {
        assertThat(Bars.percent(value, max)).isEqualTo(percent);
    }
}
