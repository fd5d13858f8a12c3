package cloudlab.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static cloudlab.web.SandboxBrowserTest.importAs;
import static cloudlab.web.SandboxBrowserTest.js;
import static cloudlab.web.SandboxBrowserTest.row;
import static cloudlab.web.SandboxBrowserTest.samePage;
import static cloudlab.web.SandboxBrowserTest.waitForHtmx;
import static cloudlab.web.SandboxBrowserTest.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox for people who do not use a mouse or who use a screen reader: every control is
 * reached with Tab, Enter submits, and axe finds nothing serious or critical on the sandbox page,
 * the sandbox list or a lesson page.
 */
class SandboxAccessibilityTest {
    static final String LAYOUT = """
            name: keyboard lab
            apps:
              - {name: shop, minRunning: 1}
            regions:
              - code: eu-west-1
                zones:
                  - id: az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - id: h1
                            hypervisor: type1
                            cores: 8
                            memoryGiB: 32
                            storageGiB: 500
                            vms:
                              - {id: web-1, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}
                  - id: az2
                    datacenters:
                      - id: dc2
            failed: [az2]
            users:
              - {name: dublin, lat: 53.35, lon: -6.26}
            """;

    @RegisterExtension
    static final BrowserLab lab = BrowserLab.withScripts();

    static String open(String yaml) {
        String path = importAs(lab.server(), lab.driver(), yaml);
        lab.driver().get(lab.server().url(path));
        waitForHtmx(lab.driver());
        return path;
    }

    /** The focused element's mark (set by {@link #markControls}), or its tag when unmarked. */
    static String focused() {
        return String.valueOf(js(lab.driver(), "const e = document.activeElement; return e ? (e.dataset.kb || e.tagName) : null;"));
    }

    static void tab() {
        new Actions(lab.driver()).sendKeys(Keys.TAB).perform();
    }

    /** Marks every visible, enabled control with data-kb; returns a description of each by mark. */
    @SuppressWarnings("unchecked")
    static List<String> markControls() {
        return (List<String>) js(lab.driver(), """
                const sel = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]),'
                  + ' textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
                const out = [];
                document.querySelectorAll(sel).forEach(e => {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 && r.height === 0) return;
                  if (getComputedStyle(e).visibility === 'hidden') return;
                  e.dataset.kb = String(out.length);
                  out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.getAttribute('aria-label') || e.name || e.innerText || '').trim().slice(0, 40));
                });
                return out;
                """);
    }

    @Test
    void everyControlOfTheSandboxPageIsReachedWithTab() {
        open(LAYOUT);
        js(lab.driver(), "document.querySelectorAll('details').forEach(x => x.open = true);");
        List<String> controls = markControls();
        assertTrue(controls.size() > 60, "a full page: " + controls.size());

        js(lab.driver(), "window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
        Set<String> reached = new LinkedHashSet<>();
        for (int i = 0; i < controls.size() + 40; i++) {
            tab();
            String f = focused();
            if (!f.matches("\\d+")) continue;
            if (!reached.add(f)) break; // wrapped round to the start
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < controls.size(); i++) if (!reached.contains(String.valueOf(i))) missed.add(controls.get(i));
        assertEquals(List.of(), missed, "controls Tab never reaches");
        assertEquals("0", reached.iterator().next(), "the first Tab lands on the first control (the skip link)");
        assertTrue(controls.get(0).contains("Skip to content"), controls.get(0));
    }

    @Test
    void tabbingToAddHostAndPressingEnterAddsTheHost() {
        open("""
                name: keyboard only
                regions:
                  - code: eu-west-1
                    zones:
                      - id: az1
                        datacenters:
                          - id: dc1
                """);
        js(lab.driver(), "window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
        WebElement target = lab.driver().findElement(By.cssSelector("#form-add-host button[type=submit]"));
        int tabs = 0;
        while (!target.equals(lab.driver().switchTo().activeElement())) {
            tab();
            tabs++;
            assertTrue(tabs < 80, "the add-host button is reached with Tab");
        }
        // type into the focused form's fields with the keyboard too: Shift+Tab back to the cores field
        new Actions(lab.driver()).sendKeys(Keys.ENTER).perform();
        waiting(lab.driver()).until(x -> !x.findElements(By.cssSelector(".tree-table tr[data-id='h1']")).isEmpty());
        assertTrue(row(lab.driver(), "h1").getText().contains("type1 · 16 cores · 64 GiB"), row(lab.driver(), "h1").getText());
        assertTrue(samePage(lab.driver()), "Enter submitted through htmx, in place");

        // a card opens from the keyboard: Tab to "Add a VM", Enter opens it, its first field is next
        WebElement summary = lab.driver().findElement(By.xpath("//summary[normalize-space()='Add a VM']"));
        js(lab.driver(), "window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
        tabs = 0;
        while (!summary.equals(lab.driver().switchTo().activeElement())) {
            tab();
            assertTrue(++tabs < 200, "the Add a VM card is reached with Tab");
        }
        new Actions(lab.driver()).sendKeys(Keys.ENTER).perform();
        assertTrue(lab.driver().findElement(By.id("form-add-vm")).isDisplayed());
        tab();
        assertEquals("id", lab.driver().switchTo().activeElement().getAttribute("name"));
        new Actions(lab.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("kb-vm").perform();
        WebElement submit = lab.driver().findElement(By.cssSelector("#form-add-vm button[type=submit]"));
        while (!submit.equals(lab.driver().switchTo().activeElement())) {
            tab();
            assertTrue(++tabs < 300);
        }
        new Actions(lab.driver()).sendKeys(Keys.ENTER).perform();
        waiting(lab.driver()).until(x -> !x.findElements(By.cssSelector(".tree-table tr[data-id='kb-vm']")).isEmpty());
    }

    static List<String> seriousViolations(Results results) {
        assertFalse(results.isErrored(), results.getErrorMessage());
        assertTrue(results.getPasses().size() > 10, "axe ran its rules: " + results.getPasses().size() + " passed");
        for (Rule r : results.getViolations()) System.out.println("axe " + results.getUrl() + ": " + r.getImpact() + " " + r.getId() + " (" + r.getNodes().size() + ")");
        List<String> out = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
                out.add(r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " — "
                        + r.getNodes().stream().limit(5).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
            }
        }
        return out;
    }

    @Test
    void axeFindsNothingSeriousOnTheSandboxPageWithEveryCardOpenAndARefusalShown() {
        String path = open(LAYOUT);
        // a refusal in place, so that the error state is checked too
        lab.driver().findElement(By.xpath("//summary[normalize-space()='Add a VM']")).click();
        WebElement form = lab.driver().findElement(By.id("form-add-vm"));
        WebElement vcpus = form.findElement(By.name("vcpus"));
        vcpus.clear();
        vcpus.sendKeys("64");
        long before = SandboxBrowserTest.answers(lab.driver());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        SandboxBrowserTest.waitForAnswer(lab.driver(), before);
        js(lab.driver(), "document.querySelectorAll('details').forEach(x => x.open = true);");
        assertEquals(lab.server().url(path), lab.driver().getCurrentUrl());
        assertEquals(List.of(), seriousViolations(new AxeBuilder().analyze(lab.driver())));
    }

    @Test
    void axeFindsNothingSeriousOnTheSandboxListWithAnImportErrorOrOnASharedLink() {
        lab.driver().get(lab.server().url("/sandboxes"));
        lab.driver().findElement(By.id("layout")).sendKeys("regions: [");
        lab.driver().findElement(By.xpath("//section[@id='import']//button[normalize-space()='Import']")).click();
        waiting(lab.driver()).until(x -> !x.findElements(By.id("import-error")).isEmpty());
        assertEquals(List.of(), seriousViolations(new AxeBuilder().analyze(lab.driver())));

        String path = open(LAYOUT);
        lab.driver().findElement(By.cssSelector("#share button[type=submit]")).click();
        waiting(lab.driver()).until(x -> !x.findElements(By.id("share-link")).isEmpty());
        lab.driver().findElement(By.id("share-link")).click();
        waiting(lab.driver()).until(x -> !x.findElements(By.id("open-copy")).isEmpty());
        assertTrue(path.startsWith("/sandboxes/"));
        assertEquals(List.of(), seriousViolations(new AxeBuilder().analyze(lab.driver())));
    }

    @Test
    void axeFindsNothingSeriousOnALessonPage() {
        lab.driver().get(lab.server().url("/lessons/putting-it-together"));
        js(lab.driver(), "document.querySelectorAll('details').forEach(x => x.open = true);");
        assertEquals(List.of(), seriousViolations(new AxeBuilder().analyze(lab.driver())));
    }
}
