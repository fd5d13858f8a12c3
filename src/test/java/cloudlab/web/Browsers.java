package cloudlab.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Headless Debian Chromium driven by the installed chromedriver, each with a fresh profile, so
 * that Selenium Manager never looks anything up on the network.
 */
final class Browsers {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browsers() {
    }

    /** A browser and the profile folder it owns; quitting removes both. */
    static final class Browser implements AutoCloseable {
        final ChromeDriver driver;
        private final ChromeDriverService service;
        private final Path profile;

        private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
            this.driver = driver;
            this.service = service;
            this.profile = profile;
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                service.stop();
                deleteQuietly(profile);
            }
        }
    }

    static boolean available() {
        boolean ok = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        // a developer without a browser may skip these; CI may not, or the browser tests could pass by never running
        if (!ok && System.getenv("CI") != null) throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " (test.sh installs them)");
        return ok;
    }

    /** A new headless browser with a fresh user-data-dir; JavaScript on or off. */
    static Browser open(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("cloudlab-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return new Browser(driver, service, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    static void deleteQuietly(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a profile left in the temp folder is harmless
        }
    }

    /**
     * Whether the element left the page. Chromedriver sometimes answers a check on a node that is
     * being torn down with a plain WebDriverException ("does not belong to the document") rather
     * than a stale-element error; both mean the node is gone.
     */
    static boolean isGone(org.openqa.selenium.WebElement e) {
        try {
            e.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException tornDown) {
            return String.valueOf(tornDown.getMessage()).contains("does not belong to the document");
        }
    }

    /** How long a browser test waits for what it expects. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /** Signs ada in, creates a workshop of the given title from the two-zone layout through the form, and answers its join code. */
    static String createWorkshop(WebDriver teacher, TestServer server, String title) {
        teacher.get(server.url("/instructor"));
        teacher.findElement(By.id("name")).sendKeys("ada");
        teacher.findElement(By.id("password")).sendKeys(WorkshopHttpTest.PASSWORD);
        click(teacher, teacher.findElement(By.cssSelector("form[action='/instructor/sign-in'] button[type=submit]")));
        waiting(teacher, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Hello, ada"));
        click(teacher, teacher.findElement(By.id("workshops")));
        waiting(teacher, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("wtitle"))).sendKeys(title);
        teacher.findElement(By.id("wlayout")).sendKeys(WorkshopHttpTest.TWO_ZONES);
        click(teacher, teacher.findElement(By.id("create")));
        return waiting(teacher, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-code"))).getText().strip();
    }

    static WebDriverWait waiting(WebDriver d, Duration timeout) {
        WebDriverWait w = new WebDriverWait(d, timeout);
        w.pollingEvery(Duration.ofMillis(50));
        return w;
    }

    static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }

    /**
     * Clicks what the locator finds, finding it again when a live update swapped it out between
     * the finding and the click (the page refreshes itself when the instructor acts).
     */
    static void click(WebDriver d, By by) {
        for (int tries = 1; ; tries++) {
            try {
                click(d, d.findElement(by));
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (tries == 5) throw e;
            }
        }
    }

    static void click(WebDriver d, WebElement e) {
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    static void waitForHtmx(WebDriver d) {
        waiting(d, WAIT).until(x -> Boolean.TRUE.equals(js(x, "return typeof window.htmx === 'object'")));
    }
}
