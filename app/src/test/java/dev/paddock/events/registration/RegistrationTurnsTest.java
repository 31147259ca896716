package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Registration requests compute a few at a time, in line; one that only waits for its batch lets the next one go. */
class RegistrationTurnsTest {

    private static final String PATH = "/api/events/races/3f2a/registrations";

    private static RegistrationTurns turns(int count) {
        return new RegistrationTurns(request -> "POST".equals(request.getMethod())
                && RegistrationConfiguration.RUSH_PATHS.matcher(request.getRequestURI()).matches(), count);
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }

    @ParameterizedTest(name = "{0} {1}: takes a turn {2}")
    @CsvSource({
            "POST, /api/events/races/3f2a/registrations, true",
            "POST, /api/events/teams/join,               true",
            "GET,  /api/events/races/3f2a/registrations, false",
            "GET,  /api/events/zurich-marathon,          false",
            "POST, /api/events/registrations/9b1c/cancel, false",
    })
    void onlyRegistrationsTakeATurn(String method, String path, boolean takes) throws Exception {
        RegistrationTurns turns = turns(3);
        int[] freeInside = new int[1];
        turns.doFilter(request(method, path), new MockHttpServletResponse(),
                (req, res) -> freeInside[0] = turns.free());

        assertThat(freeInside[0]).isEqualTo(takes ? 2 : 3);
        assertThat(turns.free()).isEqualTo(3);
    }

    @Test
    void aRequestThatPassesGivesItsTurnBackOnceAndTheFilterDoesNotGiveItAgain() throws Exception {
        RegistrationTurns turns = turns(2);
        int[] free = new int[2];
        turns.doFilter(request("POST", PATH), new MockHttpServletResponse(), (req, res) -> {
            turns.pass();
            free[0] = turns.free();
            turns.pass();
            free[1] = turns.free();
        });

        assertThat(free).containsExactly(2, 2);
        assertThat(turns.free()).isEqualTo(2);
    }

    @Test
    void passingWithoutATurnGivesNothing() {
        RegistrationTurns turns = turns(2);
        turns.pass();
        assertThat(turns.free()).isEqualTo(2);
    }

    @Test
    void theNextRequestWaitsInLineUntilTheOneComputingPasses() throws Exception {
        RegistrationTurns turns = turns(1);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch firstMayPass = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        FilterChain first = (req, res) -> {
            firstInside.countDown();
            await(firstMayPass);
            turns.pass();
            // still in the request (waiting for its batch) while the next one computes
            await(new CountDownLatch(0));
        };
        Thread one = Thread.ofPlatform().start(() -> filter(turns, first));
        await(firstInside);
        Thread two = Thread.ofPlatform().start(() -> filter(turns, (req, res) -> secondRan.set(true)));
        while (turns.waiting() == 0 && two.isAlive()) {
            Thread.onSpinWait();
        }

        assertThat(secondRan).isFalse();
        firstMayPass.countDown();
        two.join();
        one.join();
        assertThat(secondRan).isTrue();
        assertThat(turns.free()).isEqualTo(1);
    }

    private static void filter(RegistrationTurns turns, FilterChain chain) {
        try {
            turns.doFilter(request("POST", PATH), new MockHttpServletResponse(), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
