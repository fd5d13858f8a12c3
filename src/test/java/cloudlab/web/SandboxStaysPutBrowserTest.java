package cloudlab.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;


import static cloudlab.web.SandboxBrowserTest.answers;
import static cloudlab.web.SandboxBrowserTest.js;
import static cloudlab.web.SandboxBrowserTest.openCard;
import static cloudlab.web.SandboxBrowserTest.fill;
import static cloudlab.web.SandboxBrowserTest.row;
import static cloudlab.web.SandboxBrowserTest.waitForAnswer;
import static cloudlab.web.SandboxBrowserTest.waitForHtmx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox stays where the learner is: after adding a VM, failing a zone, undoing and redoing
 * (by keyboard, Ctrl+Z and Ctrl+Shift+Z), at a desktop and a phone size, the page's scroll position
 * moves by less than 50 px, and the page was never reloaded.
 */
class SandboxStaysPutBrowserTest {
    static final int MOST_MOVE = 50;
    @RegisterExtension
    static final BrowserLab lab = BrowserLab.withScripts();

    @BeforeEach
    void aFreshLearner() {
        lab.driver().get(lab.server().url("/healthz"));
        lab.driver().manage().deleteAllCookies();
    }

    private static long scrollY() {
        return ((Number) js(lab.driver(), "return Math.round(window.scrollY);")).longValue();
    }

    /** What has the focus: its tag, name and value, or "page" when nothing does. */
    private static String focused() {
        return (String) js(lab.driver(), "const e = document.activeElement; return !e || e === document.body ? 'page' : e.tagName + ' ' + e.name + ' ' + e.value;");
    }

    /** Brings the element to the middle of the window, as a learner scrolls to it, and returns the scroll position then. */
    private static long scrollTo(WebElement e) {
        js(lab.driver(), "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus && arguments[0].focus();", e);
        return scrollY();
    }

    /** Does something that htmx answers, and asserts the page stayed within {@link #MOST_MOVE} px of where it was. */
    private static void staysPut(String what, long at, Runnable action) {
        long before = answers(lab.driver());
        String focused = focused();
        action.run();
        waitForAnswer(lab.driver(), before);
        long moved = Math.abs(scrollY() - at);
        assertTrue(moved < MOST_MOVE, what + " moved the page by " + moved + " px");
        assertEquals(focused, focused(), what + ": the focus stays on the control used (or its twin in the part swapped in)");
    }

    /** Presses Ctrl (and Shift, if asked) with the key, as a learner does. */
    private static void chord(boolean shift, String key) {
        Actions a = new Actions(lab.driver()).keyDown(Keys.CONTROL);
        if (shift) a = a.keyDown(Keys.SHIFT);
        a = a.sendKeys(key);
        if (shift) a = a.keyUp(Keys.SHIFT);
        a.keyUp(Keys.CONTROL).perform();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280,900", "390,844"})
    void addingAVmFailingAZoneUndoingAndRedoingKeepThePageWhereItWas(int width, int height) {
        lab.driver().manage().window().setSize(new Dimension(width, height));
        String path = SandboxBrowserTest.importAs(lab.server(), lab.driver(), SandboxBrowserTest.TWO_ZONES);
        lab.driver().get(lab.server().url(path));
        waitForHtmx(lab.driver());

        WebElement add = openCard(lab.driver(), "form-add-vm");
        fill(add, "id", "web-3", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1", "host", "h1");
        WebElement addButton = add.findElement(By.cssSelector("button[type=submit]"));
        staysPut("adding a VM", scrollTo(addButton), addButton::click);
        assertTrue(row(lab.driver(), "web-3").getText().contains("1 vCPU"), row(lab.driver(), "web-3").getText());

        WebElement failForm = lab.driver().findElement(By.id("form-fail"));
        new org.openqa.selenium.support.ui.Select(failForm.findElement(By.name("id"))).selectByValue("az1");
        WebElement fail = failForm.findElement(By.cssSelector("button[value=fail]"));
        staysPut("failing a zone", scrollTo(fail), fail::click);
        assertEquals("failed", row(lab.driver(), "az1").findElement(By.cssSelector("td.status")).getText());

        // from the table, with the keyboard: focus on the page, not in a field
        long at = scrollTo(row(lab.driver(), "az1"));
        js(lab.driver(), "document.activeElement && document.activeElement.blur();");
        staysPut("Ctrl+Z", at, () -> chord(false, "z"));
        assertEquals("up", row(lab.driver(), "az1").findElement(By.cssSelector("td.status")).getText(), "the failure was undone");
        staysPut("Ctrl+Shift+Z", scrollY(), () -> chord(true, "z"));
        assertEquals("failed", row(lab.driver(), "az1").findElement(By.cssSelector("td.status")).getText(), "and redone");
        assertTrue(SandboxBrowserTest.samePage(lab.driver()), "no reload");
    }
}
