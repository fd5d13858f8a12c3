package cloudlab.access;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A client cannot pick the address it is counted under. */
class AddressesTest {
    @Test
    void theClientAddressIsTheNearestHopNoTrustedProxyVouchesFor() {
        Set<String> trusted = Set.of("10.0.0.1", "10.0.0.2");
        assertEquals("192.0.2.1", Addresses.client("192.0.2.1", "198.51.100.1", trusted), "an untrusted peer's header is ignored");
        assertEquals("198.51.100.1", Addresses.client("10.0.0.1", "198.51.100.1", trusted));
        assertEquals("198.51.100.1", Addresses.client("10.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", trusted),
                "what the client wrote itself (the left) is not believed");
        assertEquals("10.0.0.1", Addresses.client("10.0.0.1", "not-an-address", trusted));
        assertEquals("10.0.0.1", Addresses.client("10.0.0.1", null, trusted));
    }

    @Test
    void onlyIpLiteralsAreRead() {
        assertEquals("0:0:0:0:0:0:0:1", Addresses.ipLiteral("[::1]"));
        assertEquals("192.0.2.1", Addresses.ipLiteral(" 192.0.2.1 "));
        assertNull(Addresses.ipLiteral("localhost"), "names are not looked up");
        assertNull(Addresses.ipLiteral(null));
    }
}
