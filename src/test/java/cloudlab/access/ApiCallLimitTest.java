package cloudlab.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quiz answers checked through the API without a token are limited per address, by the minute. */
class ApiCallLimitTest {
    @Test
    void oneAddressGetsItsMinutesShareAndNoMoreWhileAnotherAddressIsUntouched() {
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        Limits limits = new Limits(Clock.fixed(start, ZoneOffset.UTC));
        for (int i = 0; i < Limits.API_CALLS_PER_MINUTE; i++) assertTrue(limits.anonymousApiCall("203.0.113.5"), "call " + i);
        assertFalse(limits.anonymousApiCall("203.0.113.5"), "one more in the same minute is refused");
        assertTrue(limits.anonymousApiCall("198.51.100.7"), "another address has its own share");
    }
}
