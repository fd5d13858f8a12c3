package cloudlab.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static cloudlab.web.SandboxBrowserTest.appBadge;
import static cloudlab.web.SandboxBrowserTest.click;
import static cloudlab.web.SandboxBrowserTest.submit;
import static cloudlab.web.SandboxBrowserTest.swap;
import static cloudlab.web.SandboxBrowserTest.vmHosts;
import static cloudlab.web.SandboxBrowserTest.waitForHtmx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each lesson sandbox's "Try it", followed in Chromium exactly as its steps are written: the
 * learner opens the sandbox from the lesson page, does each step with the page's own forms, and
 * sees the lab tick the checklist to the end and the result the lesson states. One browser for
 * all of them.
 */
class LessonTasksBrowserTest {
    @RegisterExtension
    static final BrowserLab lab = BrowserLab.withScripts();

    /** The lesson page, then its sandbox's "Open in a sandbox": the learner's own copy, htmx loaded. */
    static void openSandboxOf(String slug) {
        lab.driver().get(lab.server().url("/lessons/" + slug));
        click(lab.driver(), lab.driver().findElement(By.cssSelector(".block--sandbox form button[type=submit]")));
        SandboxBrowserTest.waiting(lab.driver()).until(x -> x.getCurrentUrl().contains("/sandboxes/"));
        waitForHtmx(lab.driver());
        assertEquals(0, done(), "a fresh sandbox has no step ticked");
    }

    static long done() {
        return lab.driver().findElements(By.cssSelector("#task li[data-done='true']")).size();
    }

    static int steps() {
        return lab.driver().findElements(By.cssSelector("#task li[data-step]")).size();
    }

    /** Ticked steps so far, checked after each step of the task. */
    static void ticked(int n) {
        assertEquals(n, done(), "steps ticked: " + lab.driver().findElement(By.id("task")).getText());
    }

    static void allDone() {
        assertEquals(steps(), done(), lab.driver().findElement(By.id("task")).getText());
        assertEquals("All " + steps() + " steps done.", lab.driver().findElement(By.id("task-status")).getText());
        WebElement finding = lab.driver().findElement(By.id("task-finding"));
        click(lab.driver(), finding.findElement(By.tagName("summary")));
        assertTrue(finding.getText().length() > 40, "the finding shows: " + finding.getText());
    }

    static void addVm(String id, String vcpus, String memory, String disk, String... more) {
        String[] pairs = new String[8 + more.length];
        String[] base = {"id", id, "vcpus", vcpus, "memoryGiB", memory, "diskGiB", disk};
        System.arraycopy(base, 0, pairs, 0, 8);
        System.arraycopy(more, 0, pairs, 8, more.length);
        submit(lab.driver(), "form-add-vm", pairs);
    }

    static String refusal(String formId) {
        List<WebElement> e = lab.driver().findElements(By.cssSelector("#" + formId + " .field-error"));
        return e.isEmpty() ? "" : e.get(0).getText();
    }

    /** Picks the node in "Break things" and presses Fail it or Restore it. */
    static void breakThing(String id, String op) {
        WebElement form = lab.driver().findElement(By.id("form-fail"));
        new Select(form.findElement(By.name("id"))).selectByValue(id);
        swap(lab.driver(), form.findElement(By.cssSelector("button[value='" + op + "']")));
    }

    /** A button of the table's row, by its label ("Delete i-x", "Stop led-3"). */
    static void rowAction(String label) {
        swap(lab.driver(), lab.driver().findElement(By.cssSelector(".tree-table button[aria-label='" + label + "']")));
    }

    static String rtt() {
        return lab.driver().findElement(By.cssSelector(".rtt-table")).getText();
    }

    static long vmsOn(String host) {
        return vmHosts(lab.driver()).values().stream().filter(host::equals).count();
    }

    @Test
    void whyVirtualizeSevenVmsFitAndMemoryRunsOutFirst() {
        openSandboxOf("why-virtualize");
        addVm("vm-1", "1", "4", "20", "host", "host-1");
        ticked(1);
        addVm("vm-2", "1", "4", "20", "host", "host-1");
        addVm("vm-3", "1", "4", "20", "host", "host-1");
        addVm("vm-4", "1", "4", "20", "host", "host-1");
        addVm("vm-5", "1", "4", "20", "host", "host-1");
        assertTrue(refusal("form-add-vm").contains("memory"), refusal("form-add-vm"));
        allDone();
        assertEquals(7, vmsOn("host-1"), "seven VMs fit, as the lesson says");
    }

    @Test
    void hypervisorTypesTheBareMetalLaptopHoldsOneMoreVm() {
        openSandboxOf("hypervisor-types");
        for (int i = 1; i <= 6; i++) addVm("vm-" + i, "1", "2", "20", "host", "laptop");
        assertTrue(refusal("form-add-vm").contains("GiB free"), "memory runs out first: " + refusal("form-add-vm"));
        assertEquals(6, vmsOn("laptop"), "six VMs as type 2");
        ticked(1);
        submit(lab.driver(), "form-change-host", "hypervisor", "type1");
        ticked(2);
        addVm("vm-7", "1", "2", "20", "host", "laptop");
        addVm("vm-8", "1", "2", "20", "host", "laptop");
        allDone();
        assertEquals(7, vmsOn("laptop"), "seven as type 1");
    }

    @Test
    void theHypervisorOvercommitMovesTheLimitToMemory() {
        openSandboxOf("the-hypervisor");
        addVm("vm-5", "2", "4", "40", "host", "host-1");
        assertTrue(refusal("form-add-vm").contains("vCPU"), refusal("form-add-vm"));
        submit(lab.driver(), "form-change-host", "cpuOvercommit", "2.0");
        ticked(1);
        for (int i = 5; i <= 8; i++) addVm("vm-" + i, "2", "4", "40", "host", "host-1");
        assertTrue(refusal("form-add-vm").contains("memory"), "stuck at seven on memory: " + refusal("form-add-vm"));
        assertEquals(7, vmsOn("host-1"));
        ticked(2);
        submit(lab.driver(), "form-change-host", "memoryOvercommit", "1.5");
        ticked(3);
        addVm("vm-8", "2", "4", "40", "host", "host-1");
        allDone();
        assertEquals(8, vmsOn("host-1"), "the eighth VM fits at memoryOvercommit 1.5");
    }

    /** On the Run page, one VM's "Set load" with these fields changed; the panel answers in place. */
    static void setLoad(String vm, String... pairs) {
        WebElement form = lab.driver().findElement(By.cssSelector("#run-loads form[data-id='" + vm + "']"));
        for (int i = 0; i < pairs.length; i += 2) {
            WebElement input = form.findElement(By.name(pairs[i]));
            input.clear();
            input.sendKeys(pairs[i + 1]);
        }
        swap(lab.driver(), form.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(lab.driver().findElements(By.id("run-error")).isEmpty(), lab.driver().findElement(By.id("run-panel")).getText());
    }

    /** The Run page at second 20 on host-1: each VM's "got (cores)". */
    static String gotAt20() {
        lab.driver().get(lab.driver().getCurrentUrl().replaceAll("/run.*", "/run?host=host-1&second=20"));
        return lab.driver().findElement(By.id("run-table")).getText();
    }

    @Test
    void sharingAHostALimitThenSharesGiveTheShopItsThreeCores() {
        openSandboxOf("sharing-a-host-fairly");
        String sandbox = lab.driver().getCurrentUrl();
        lab.driver().get(sandbox + "/run");
        assertTrue(gotAt20().contains("web-1 3 2"), "web-1 wants 3 cores and gets 2: " + lab.driver().findElement(By.id("run-table")).getText());
        setLoad("batch", "limit", "2");
        assertTrue(gotAt20().contains("batch 8 2"), "batch keeps 2 of its 8: " + lab.driver().findElement(By.id("run-table")).getText());
        lab.driver().get(sandbox);
        waitForHtmx(lab.driver());
        ticked(1);
        lab.driver().get(sandbox + "/run");
        setLoad("batch", "limit", "8");
        setLoad("web-1", "shares", "12000");
        setLoad("web-2", "shares", "12000");
        assertTrue(gotAt20().contains("web-1 3 3"), lab.driver().findElement(By.id("run-table")).getText());
        lab.driver().get(sandbox);
        waitForHtmx(lab.driver());
        allDone();
    }

    @Test
    void dataCentersRentForThePeakAndGiveItBack() {
        openSandboxOf("data-centers");
        assertTrue(lab.driver().findElement(By.id("task-bill")).getText().contains("$1888"), lab.driver().findElement(By.id("task-bill")).getText());
        for (int i = 7; i <= 9; i++) addVm("shop-" + i, "4", "8", "50", "app", "shop");
        assertEquals(8, vmsHostedBy("server-a", "server-b"), "two of the four fit");
        ticked(1);
        submit(lab.driver(), "form-add-host", "id", "rented-1", "datacenter", "euc1-az1-dc1", "hypervisor", "type1", "cores", "16", "memoryGiB", "64");
        addVm("shop-9", "4", "8", "50", "app", "shop");
        addVm("shop-10", "4", "8", "50", "app", "shop");
        ticked(2);
        assertTrue(lab.driver().findElement(By.id("task-bill")).getText().contains("$2832"), lab.driver().findElement(By.id("task-bill")).getText());
        rowAction("Remove rented-1");
        ticked(3);
        assertTrue(lab.driver().findElement(By.id("task-bill")).getText().contains("$1888"), lab.driver().findElement(By.id("task-bill")).getText());
        breakThing("own-dc1", "fail");
        allDone();
        assertTrue(appBadge(lab.driver(), "shop").getText().contains("DOWN"), appBadge(lab.driver(), "shop").getText());
    }

    static long vmsHostedBy(String... hosts) {
        return vmHosts(lab.driver()).values().stream().filter(h -> List.of(hosts).contains(h)).count();
    }

    @Test
    void regionsBuenosAiresGetsCloserAndBothUsersSurviveARegionFailure() {
        openSandboxOf("regions");
        assertTrue(rtt().contains("us-east-1 (128.3 ms)"), rtt());
        submit(lab.driver(), "form-add-region", "code", "sa-east-1");
        submit(lab.driver(), "form-add-zone", "region", "sa-east-1", "id", "sae1-az1");
        submit(lab.driver(), "form-add-datacenter", "zone", "sae1-az1", "id", "sae1-az1-dc1");
        submit(lab.driver(), "form-add-host", "id", "sae1-host1", "datacenter", "sae1-az1-dc1", "hypervisor", "type1");
        ticked(1);
        addVm("shop-sa-1", "4", "8", "50", "app", "shop", "host", "sae1-host1");
        ticked(2);
        assertTrue(rtt().contains("sa-east-1 (27.1 ms)") && rtt().contains("us-east-1 (93.7 ms)"), rtt());
        breakThing("us-east-1", "fail");
        ticked(3);
        assertTrue(rtt().contains("sa-east-1 (27.1 ms)") && rtt().contains("sa-east-1 (127.8 ms)"), "both still served: " + rtt());
        breakThing("us-east-1", "restore");
        allDone();
    }

    @Test
    void availabilityZonesNotesSurvivesEitherZone() {
        openSandboxOf("availability-zones");
        breakThing("use1-az1", "fail");
        ticked(1);
        breakThing("use1-az1", "restore");
        ticked(2);
        submit(lab.driver(), "form-add-datacenter", "zone", "use1-az2", "id", "use1-az2-dc1");
        submit(lab.driver(), "form-add-host", "id", "host-b", "datacenter", "use1-az2-dc1", "hypervisor", "type1");
        ticked(3);
        submit(lab.driver(), "form-migrate-vm", "id", "notes-3", "host", "host-b");
        addVm("notes-4", "4", "8", "50", "app", "notes", "host", "host-b");
        ticked(4);
        breakThing("use1-az1", "fail");
        assertTrue(appBadge(lab.driver(), "notes").getText().contains("available"), appBadge(lab.driver(), "notes").getText());
        breakThing("use1-az1", "restore");
        breakThing("use1-az2", "fail");
        allDone();
        assertEquals(4, vmHosts(lab.driver()).size(), "two in each zone, four in all");
    }

    @Test
    void puttingItTogetherFiveVmsSpreadTwoTwoOne() {
        openSandboxOf("putting-it-together");
        breakThing("use1-az1", "fail");
        breakThing("use1-az1", "restore");
        breakThing("use1-az2", "fail");
        breakThing("use1-az2", "restore");
        breakThing("use1-az3", "fail");
        ticked(3);
        breakThing("use1-az1", "fail");
        ticked(4);
        assertTrue(appBadge(lab.driver(), "api").getText().contains("DOWN"), "two zones at once: " + appBadge(lab.driver(), "api").getText());
        breakThing("use1-az1", "restore");
        breakThing("use1-az3", "restore");
        submit(lab.driver(), "form-min-running", "app", "api", "minRunning", "3");
        ticked(5);
        addVm("api-4", "4", "8", "40", "app", "api", "host", "api-host-1");
        addVm("api-5", "4", "8", "40", "app", "api", "host", "api-host-2");
        allDone();
        assertEquals(5, vmHosts(lab.driver()).size(), "five VMs, 2 + 2 + 1");
    }

    @Test
    void fromVmToEc2InstanceLargeThenSmall() {
        openSandboxOf("from-vm-to-ec2-instance");
        addVm("big-1", "16", "64", "20", "host", "graviton-host");
        addVm("big-2", "16", "64", "20", "host", "graviton-host");
        addVm("big-3", "16", "64", "20", "host", "graviton-host");
        assertTrue(refusal("form-add-vm").contains("vCPU") || refusal("form-add-vm").contains("memory"), refusal("form-add-vm"));
        ticked(1);
        rowAction("Delete big-2");
        for (int i = 1; i <= 5; i++) addVm("small-" + i, "4", "16", "20", "host", "graviton-host");
        assertTrue(refusal("form-add-vm").contains("memory"), "memory runs out first: " + refusal("form-add-vm"));
        allDone();
        assertEquals(8, vmsOn("graviton-host"), "four small instances fit");
    }

    @Test
    void movingAndCopyingTheBigVmMovesFirst() {
        openSandboxOf("moving-and-copying-machines");
        submit(lab.driver(), "form-migrate-vm", "id", "web-2", "host", "host-c");
        ticked(1);
        submit(lab.driver(), "form-migrate-vm", "id", "report-1", "host", "host-c");
        assertTrue(refusal("form-migrate-vm").contains("vCPU"), refusal("form-migrate-vm"));
        submit(lab.driver(), "form-migrate-vm", "id", "web-2", "host", "host-b");
        ticked(2);
        submit(lab.driver(), "form-migrate-vm", "id", "report-1", "host", "host-c");
        submit(lab.driver(), "form-migrate-vm", "id", "web-2", "host", "host-a");
        ticked(3);
        breakThing("euc1-az2", "fail");
        allDone();
        assertTrue(appBadge(lab.driver(), "web").getText().contains("available"), appBadge(lab.driver(), "web").getText());
        assertTrue(appBadge(lab.driver(), "reports").getText().contains("DOWN"), appBadge(lab.driver(), "reports").getText());
    }

    @Test
    void failureDomainsFromPilotLightToNoOneStartingAnything() {
        openSandboxOf("failure-domains-and-cost");
        breakThing("eu-west-1", "fail");
        ticked(1);
        rowAction("Start led-3");
        rowAction("Start led-4");
        ticked(2);
        assertTrue(appBadge(lab.driver(), "ledger").getText().contains("available"), appBadge(lab.driver(), "ledger").getText());
        breakThing("eu-west-1", "restore");
        rowAction("Stop led-3");
        breakThing("eu-west-1", "fail");
        ticked(4);
        assertTrue(appBadge(lab.driver(), "ledger").getText().contains("DOWN"), appBadge(lab.driver(), "ledger").getText());
        breakThing("eu-west-1", "restore");
        rowAction("Start led-3");
        allDone();
    }
}
