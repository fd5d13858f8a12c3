package cloudlab.web;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lab and, where the class shares one, a headless browser for a whole browser test class:
 * started before its first test in a temporary folder of its own, stopped and removed after its
 * last. The class is skipped where Chromium or chromedriver is missing (never on CI, see
 * {@link Browsers#available()}). Register it as
 * {@code @RegisterExtension static final BrowserLab lab = BrowserLab.withScripts();}.
 */
final class BrowserLab implements BeforeAllCallback, AfterAllCallback {
    private enum Kind { SCRIPTS, NO_SCRIPTS, SERVER_ONLY, WORKSHOPS }

    private final Kind kind;
    private Path folder;
    private TestServer server;
    private Browsers.Browser browser;

    private BrowserLab(Kind kind) {
        this.kind = kind;
    }

    /** The lab and one browser with JavaScript on. */
    static BrowserLab withScripts() {
        return new BrowserLab(Kind.SCRIPTS);
    }

    /** The lab and one browser with JavaScript off. */
    static BrowserLab withoutScripts() {
        return new BrowserLab(Kind.NO_SCRIPTS);
    }

    /** The lab only: each test opens the browsers it needs ({@link Browsers#open}). */
    static BrowserLab serverOnly() {
        return new BrowserLab(Kind.SERVER_ONLY);
    }

    /** The lab with the instructor ada ({@link WorkshopHttpTest#PASSWORD}); each test opens its browsers. */
    static BrowserLab forWorkshops() {
        return new BrowserLab(Kind.WORKSHOPS);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeTrue(Browsers.available(), "needs " + Browsers.CHROMIUM + " and " + Browsers.CHROMEDRIVER);
        folder = Files.createTempDirectory("cloudlab-browser-lab-");
        server = TestServer.startIn(folder);
        if (kind == Kind.WORKSHOPS) server.services().instructors().add("ada", WorkshopHttpTest.PASSWORD.toCharArray());
        if (kind == Kind.SCRIPTS || kind == Kind.NO_SCRIPTS) browser = Browsers.open(kind == Kind.SCRIPTS);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (browser != null) browser.close();
        } finally {
            try {
                if (server != null) server.close();
            } finally {
                if (folder != null) Browsers.deleteQuietly(folder);
            }
        }
    }

    TestServer server() {
        return server;
    }

    /** The class's browser; only for a lab made with or without scripts. */
    WebDriver driver() {
        if (browser == null) throw new IllegalStateException("this lab has no browser of its own: open one with Browsers.open");
        return browser.driver;
    }
}
