package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Run page as a learner of lesson 4 uses it, in Chromium: from the lesson's sandbox to its Run
 * page, the noisy neighbour's limit changed there, the table, the timeline and the task's checklist
 * following, Undo taking it back on the same page, and Play stepping through the seconds.
 */
class RunPageBrowserTest {
    @TempDir
    static Path folder;
    static TestServer server;
    static Browsers.Browser browser;
    static WebDriver d;

    @BeforeAll
    static void start() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Browsers.available(), "needs " + Browsers.CHROMIUM + " and " + Browsers.CHROMEDRIVER);
        server = TestServer.startIn(folder);
        browser = Browsers.open(true);
        d = browser.driver;
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            if (server != null) server.close();
        }
    }

    /** What web-1 got at the chosen second, as the table says. */
    private static String got(String vm) {
        return d.findElement(By.cssSelector("#run-table tr[data-id='" + vm + "'] td:nth-of-type(2)")).getText();
    }

    /** The timeline's tooltip for web-1 at second 20 (the chart is drawn again with every answer). */
    private static String chartAt20(String vm) {
        return (String) Browsers.js(d, "const g = document.querySelector(\"#run-chart g.vm[data-id='" + vm + "']\");"
                + " return [...g.querySelectorAll('g.sample > title')].map(t => t.textContent).find(t => t.startsWith('second 20:'));");
    }

    private static void act(Runnable action) {
        long before = SandboxBrowserTest.answers(d);
        action.run();
        SandboxBrowserTest.waitForAnswer(d, before);
    }

    @Test
    void aLoadChangedOnTheRunPageShowsInTheTableTimelineAndTaskAndUndoTakesItBack() {
        d.get(server.url("/lessons/sharing-a-host-fairly"));
        Browsers.click(d, By.cssSelector("form[action='/lessons/sharing-a-host-fairly/sandboxes/0'] button[type=submit]"));
        Browsers.click(d, Browsers.waiting(d, Browsers.WAIT).until(ExpectedConditions.elementToBeClickable(By.id("run-link"))));
        Browsers.waiting(d, Browsers.WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("run-table")));
        Browsers.waitForHtmx(d);
        assertTrue(d.findElement(By.id("task-status")).getText().startsWith("0 of 2 steps done"), "the lesson's checklist is on the Run page");
        Browsers.js(d, "window.__kept = 'kept';");

        // the slider to second 20, where the sale starts and web-1 wants 3 cores
        act(() -> Browsers.js(d, "const s = document.getElementById('run-second'); s.value = '20';"
                + " s.dispatchEvent(new Event('input', {bubbles: true}));"));
        assertEquals("Host host-1 at second 20", d.findElement(By.id("run-h")).getText());
        assertEquals("2", got("web-1"));
        assertTrue(chartAt20("web-1").contains("wanted 3, got 2 cores"), chartAt20("web-1"));

        WebElement limit = d.findElement(By.cssSelector("#load-batch input[name=limit]"));
        limit.clear();
        limit.sendKeys("2");
        act(() -> Browsers.click(d, By.id("load-batch-set")));
        assertEquals("3", got("web-1"), "with batch held to 2 cores, web-1 gets the 3 it wants");
        assertTrue(chartAt20("web-1").contains("wanted 3, got 3 cores"), chartAt20("web-1"));
        assertTrue(d.findElement(By.id("task-status")).getText().startsWith("1 of 2 steps done"), d.findElement(By.id("task-status")).getText());
        assertEquals("Host host-1 at second 20", d.findElement(By.id("run-h")).getText(), "the answer keeps the second chosen");

        act(() -> Browsers.click(d, By.id("undo")));
        assertTrue(d.findElement(By.id("run-message")).getText().startsWith("Undone: Set VM batch"), d.findElement(By.id("run-message")).getText());
        assertEquals("2", got("web-1"), "undone: web-1 waits again");
        assertTrue(chartAt20("web-1").contains("wanted 3, got 2 cores"), chartAt20("web-1"));
        assertEquals("8", d.findElement(By.cssSelector("#load-batch input[name=limit]")).getAttribute("value"));
        assertTrue(d.findElement(By.id("task-status")).getText().startsWith("0 of 2 steps done"));

        // the keys: Ctrl+Shift+Z brings the limit back, Ctrl+Z takes it away again, as on the sandbox page
        act(() -> new Actions(d).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys("z").keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform());
        assertTrue(d.findElement(By.id("run-message")).getText().startsWith("Redone: Set VM batch"), d.findElement(By.id("run-message")).getText());
        assertEquals("3", got("web-1"), "redone: batch is held to 2 cores again");
        act(() -> new Actions(d).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform());
        assertTrue(d.findElement(By.id("run-message")).getText().startsWith("Undone: Set VM batch"), d.findElement(By.id("run-message")).getText());
        assertEquals("2", got("web-1"));
        assertEquals("kept", Browsers.js(d, "return window.__kept || null"), "every answer came in place: the page was never reloaded");
    }

    @Test
    void playStepsThroughTheSecondsAndPauseStops() {
        d.get(server.url("/lessons/sharing-a-host-fairly"));
        Browsers.click(d, By.cssSelector("form[action='/lessons/sharing-a-host-fairly/sandboxes/0'] button[type=submit]"));
        Browsers.click(d, Browsers.waiting(d, Browsers.WAIT).until(ExpectedConditions.elementToBeClickable(By.id("run-link"))));
        WebElement play = Browsers.waiting(d, Browsers.WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("run-play")));
        assertEquals("false", play.getAttribute("aria-pressed"));
        Browsers.click(d, play);
        Browsers.waiting(d, Browsers.WAIT).until(ExpectedConditions.textToBe(By.id("run-h"), "Host host-1 at second 2"));
        WebElement pause = d.findElement(By.id("run-play"));
        assertEquals("true", pause.getAttribute("aria-pressed"));
        assertEquals("run-play", Browsers.js(d, "return document.activeElement.id"), "the focus stays on the button while it plays");
        Browsers.click(d, pause);
        Browsers.waiting(d, Browsers.WAIT).until(x -> "false".equals(x.findElement(By.id("run-play")).getAttribute("aria-pressed"))
                && Boolean.TRUE.equals(Browsers.js(x, "return !document.querySelector('.htmx-request')")));
        String stoppedAt = d.findElement(By.id("run-h")).getText();
        assertEquals("▶ Play", d.findElement(By.id("run-play")).getText());
        assertFalse(stoppedAt.endsWith("second 0"), stoppedAt);
    }
}
