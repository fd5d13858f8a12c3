package cloudlab.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static cloudlab.web.SandboxBrowserTest.counts;
import static cloudlab.web.SandboxBrowserTest.fieldError;
import static cloudlab.web.SandboxBrowserTest.notice;
import static cloudlab.web.SandboxBrowserTest.row;
import static cloudlab.web.SandboxBrowserTest.rows;
import static cloudlab.web.SandboxBrowserTest.scripts;
import static cloudlab.web.SandboxBrowserTest.vmHosts;
import static cloudlab.web.SandboxBrowserTest.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox with JavaScript off in headless Chromium: every form is a plain post that comes
 * back as a page, refusals included, and history and sharing work the same way.
 */
class SandboxNoScriptTest {
    @RegisterExtension
    static final BrowserLab lab = BrowserLab.withoutScripts();

    /** Fills the form's fields and presses its first submit button; the browser loads the answer as a page. */
    static void post(String formId, String... pairs) {
        WebElement form = lab.driver().findElement(By.id(formId));
        List<WebElement> card = lab.driver().findElements(By.xpath("//form[@id='" + formId + "']/ancestor::details[1]"));
        if (!card.isEmpty() && card.get(0).getAttribute("open") == null) card.get(0).findElement(By.tagName("summary")).click();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            WebElement field = form.findElement(By.name(pairs[i]));
            if (field.getTagName().equals("select")) {
                new Select(field).selectByValue(pairs[i + 1]);
            } else {
                field.clear();
                field.sendKeys(pairs[i + 1]);
            }
        }
        press(form.findElement(By.cssSelector("button[type=submit]")));
    }

    /** Clicks a button and waits for the new page to replace this one. */
    static void press(WebElement button) {
        WebElement html = lab.driver().findElement(By.tagName("html"));
        button.click();
        waiting(lab.driver()).until(x -> Browsers.isGone(html));
        waiting(lab.driver()).until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
    }

    @Test
    void withoutJavaScriptAddingAHostIsRefusedWithItsReasonThenAddedAndUndone() {
        lab.driver().get(lab.server().url("/sandboxes"));
        assertFalse(scripts(lab.driver()), "JavaScript is off: htmx never loads");

        // import through the page's own form (multipart, no script)
        lab.driver().findElement(By.id("layout")).sendKeys("""
                name: no script
                regions:
                  - code: eu-west-1
                    zones:
                      - id: az1
                        datacenters:
                          - id: dc1
                """);
        press(lab.driver().findElement(By.xpath("//section[@id='import']//button[normalize-space()='Import']")));
        assertTrue(lab.driver().getCurrentUrl().matches(".*/sandboxes/s[a-z0-9]{12}$"), lab.driver().getCurrentUrl());
        String page = lab.driver().getCurrentUrl();
        assertEquals("no script", lab.driver().findElement(By.cssSelector("h1.ws-title")).getText());
        List<String> start = rows(lab.driver());
        assertTrue(lab.driver().findElement(By.id("form-add-host")).isDisplayed(), "with a data center and no host, the add-host card is open");

        // a type 2 host of 1 core leaves nothing for VMs
        post("form-add-host", "id", "h1", "hypervisor", "type2", "cores", "1", "memoryGiB", "16", "storageGiB", "500");
        assertEquals(lab.server().url(page.substring(lab.server().base().length()) + "/do"), lab.driver().getCurrentUrl(), "the form posted as a page");
        assertEquals("h1: cores must be more than the 1 core a type2 hypervisor keeps for itself (got 1)", fieldError(lab.driver(), "form-add-host"));
        assertEquals(start, rows(lab.driver()));
        assertTrue(lab.driver().findElement(By.id("undo")).getAttribute("disabled") != null, "nothing was stored");

        post("form-add-host", "id", "h1", "hypervisor", "type2", "cores", "8", "memoryGiB", "16", "storageGiB", "500");
        assertEquals(page + "#part-f-add-host", lab.driver().getCurrentUrl(), "an accepted post comes back to the sandbox page, at the form used");
        assertTrue(row(lab.driver(), "h1").getText().contains("type2 · 8 cores · 16 GiB"), row(lab.driver(), "h1").getText());

        // the VM that type 1 would hold
        post("form-add-vm", "id", "big", "vcpus", "2", "memoryGiB", "14", "diskGiB", "20", "host", "h1");
        assertEquals("type 2 keeps 4 GiB for the host OS: h1 has 12 GiB free, this VM needs 14", fieldError(lab.driver(), "form-add-vm"));
        assertTrue(counts(lab.driver()).endsWith("1 host · 0 VMs"), counts(lab.driver()));

        post("form-add-vm", "id", "small", "vcpus", "2", "memoryGiB", "12", "diskGiB", "20", "host", "h1");
        assertEquals(page + "#part-f-add-vm", lab.driver().getCurrentUrl());
        assertEquals("h1", vmHosts(lab.driver()).get("small"));

        // the break form's two buttons send their own op without script
        WebElement breakForm = lab.driver().findElement(By.id("form-fail"));
        new Select(breakForm.findElement(By.name("id"))).selectByValue("az1");
        press(breakForm.findElement(By.cssSelector("button[value=fail]")));
        assertEquals("failed", row(lab.driver(), "az1").findElement(By.cssSelector("td.status")).getText());
        assertTrue(row(lab.driver(), "small").getAttribute("class").contains("is-down"));

        // undo all the way back
        int undos = 0;
        while (lab.driver().findElement(By.id("undo")).getAttribute("disabled") == null) {
            press(lab.driver().findElement(By.id("undo")));
            assertEquals(page + "#part-head", lab.driver().getCurrentUrl(), "back at the undo button");
            undos++;
            assertTrue(undos <= 3);
        }
        assertEquals(3, undos);
        assertEquals(start, rows(lab.driver()));
        press(lab.driver().findElement(By.id("redo")));
        assertNotNull(row(lab.driver(), "h1"));
        press(lab.driver().findElement(By.cssSelector("button[aria-label='Go here: step 3']")));
        assertEquals("failed", row(lab.driver(), "az1").findElement(By.cssSelector("td.status")).getText());
        assertEquals(null, notice(lab.driver()), "a plain post comes back to the page; the notice is only for htmx");
    }

    @Test
    void withoutJavaScriptAShareLinkIsMadeAndOpensACopy() {
        lab.driver().get(lab.server().url("/sandboxes"));
        lab.driver().findElement(By.id("title")).sendKeys("to share");
        press(lab.driver().findElement(By.xpath("//button[normalize-space()='New empty sandbox']")));
        String page = lab.driver().getCurrentUrl();
        post("form-add-region", "code", "eu-west-1");
        List<String> rows = rows(lab.driver());
        assertEquals(1, rows.size());

        press(lab.driver().findElement(By.cssSelector("#share button[type=submit]")));
        assertTrue(lab.driver().getCurrentUrl().matches(".*\\?shared=[a-z0-9]{24}#share$"), lab.driver().getCurrentUrl());
        WebElement link = lab.driver().findElement(By.id("share-link"));
        String href = link.getAttribute("href");
        lab.driver().get(href);
        press(lab.driver().findElement(By.id("open-copy")));
        assertTrue(lab.driver().getCurrentUrl().matches(".*/sandboxes/s[a-z0-9]{12}$"));
        assertFalse(lab.driver().getCurrentUrl().equals(page), "a copy, not the original");
        assertEquals("Copy of to share", lab.driver().findElement(By.cssSelector("h1.ws-title")).getText());
        assertEquals(rows, rows(lab.driver()));
    }
}
