package cloudlab.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A layout's counts in words: "1 regions · 1 zones" read wrong on every lesson sandbox. */
class LayoutSummaryTest {
    @Test
    void oneOfAThingIsSingularAndMoreArePlural() {
        assertEquals("0 regions · 0 zones · 0 data centers · 0 hosts · 0 VMs", Layout.empty().summary());
        Layout one = Layouts.yaml(Layouts.oneHost("hypervisor: type1, cores: 16, memoryGiB: 64, storageGiB: 1000",
                "{id: web-1, vcpus: 2, memoryGiB: 4, diskGiB: 20}"));
        assertEquals("1 region · 1 zone · 1 data center · 1 host · 1 VM", one.summary());
        Layout two = Layouts.yaml(Layouts.oneHost("hypervisor: type1, cores: 16, memoryGiB: 64, storageGiB: 1000",
                "{id: web-1, vcpus: 2, memoryGiB: 4, diskGiB: 20}", "{id: web-2, vcpus: 2, memoryGiB: 4, diskGiB: 20}"));
        assertEquals("1 region · 1 zone · 1 data center · 1 host · 2 VMs", two.summary());
    }
}
