package cloudlab.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The region catalog's AZ ids, partition and date read (shared/reference/aws-regions.tsv, read 2026-12). */
class RegionCatalogZonesTest {
    static final RegionCatalog CATALOG = RegionCatalog.builtIn();

    @Test
    void eachRegionListsItsZonesAsAwsDoes() {
        assertEquals(List.of("use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"), CATALOG.find("us-east-1").azIds());
        assertEquals(List.of("cac1-az1", "cac1-az2", "cac1-az4"), CATALOG.find("ca-central-1").azIds());
        assertEquals(List.of("euw2-az1", "euw2-az2", "euw2-az3", "euw2-az4"), CATALOG.find("eu-west-2").azIds());
        assertEquals(4, CATALOG.find("eu-west-2").azs());
    }

    @Test
    void countsDateAndPartitionAsRead() {
        assertEquals(34, CATALOG.regionCount());
        assertEquals(109, CATALOG.zoneCount());
        assertEquals("2026-12", CATALOG.read());
        assertEquals(List.of("aws"), CATALOG.partitions());
    }

    @Test
    void everyZoneIdIsNamedAfterItsRegion() {
        for (RegionCatalog.Entry e : CATALOG.entries()) {
            String[] p = e.code().split("-");
            String prefix = p[0] + p[1].replace("north", "n").replace("south", "s").replace("east", "e").replace("west", "w")
                    .replace("central", "c") + p[2] + "-az";
            for (String id : e.azIds()) assertTrue(id.startsWith(prefix) && id.substring(prefix.length()).matches("[1-9][0-9]*"), id);
            assertTrue(e.azs() >= 3, e.code());
        }
    }

    @Test
    void aZoneProblemNamesTheZoneTheRegionAndWhatAwsLists() {
        assertNull(CATALOG.zoneProblem("eu-west-1", "euw1-az1"));
        assertNull(CATALOG.zoneProblem("lab-north", "north-a"));
        assertEquals("zone use1-az1 is not an availability zone of eu-west-1: AWS lists euw1-az1, euw1-az2, euw1-az3"
                + " (region catalog, read 2026-12)", CATALOG.zoneProblem("eu-west-1", "use1-az1"));
    }
}
