package cloudlab.sim.document;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpellingTest {
    private static final List<String> HOST = List.of("id", "hypervisor", "cores", "memoryGiB", "storageGiB", "cpuOvercommit", "vms");

    @Test
    void aTypoIsMatchedToTheKnownNameItWasMeantToBe() {
        assertEquals(Optional.of("memoryGiB"), Spelling.nearest("memmoryGiB", HOST));
        assertEquals(Optional.of("memoryGiB"), Spelling.nearest("memorygib", HOST), "case is ignored");
        assertEquals(Optional.of("hosts"), Spelling.nearest("hosst", List.of("id", "hosts")), "two letters swapped is one edit");
        assertEquals(Optional.of("vcpus"), Spelling.nearest("vcpu", List.of("id", "vcpus", "memoryGiB")));
    }

    @Test
    void aNameFarFromEveryKnownOneHasNoGuess() {
        assertEquals(Optional.empty(), Spelling.nearest("colour", HOST));
        assertEquals(Optional.empty(), Spelling.nearest("ab", HOST), "a short name needs to be within one edit");
        assertEquals(Optional.empty(), Spelling.nearest("x".repeat(100_000), HOST), "a long name is not compared letter by letter");
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, Spelling.distance("cores", "cores"));
        assertEquals(1, Spelling.distance("cores", "core"));
        assertEquals(1, Spelling.distance("cores", "corse"));
        assertEquals(2, Spelling.distance("cores", "cXrse"));
        assertEquals(3, Spelling.distance("", "abc"));
    }
}
