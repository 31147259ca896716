package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests the catalogue's door counts. */
class PublicReadsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "/events,                                   true",
            "/events/zurich-marathon,                   true",
            "/events/zurich-marathon/participants,      true",
            "/api/events,                               true",
            "/api/events/zurich-marathon,               true",
            "/api/events/zurich-marathon/participants,  true",
            "/events/zurich-marathon/marathon/register, false",
            "/api/events/races/3f2a/registrations,      false",
            "/api/events/organizer/events/3f2a/stats,   false",
    })
    void onlyThePublicReadsAreCounted(String path, boolean counted) {
        assertThat(CatalogConfiguration.PUBLIC_READS.matcher(path).matches()).isEqualTo(counted);
    }
}
