package cloudlab.web;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Diagram text as a learner sees it, in headless Chromium at a laptop's 1280×900 and a phone's
 * 390×844: never under 11 px, however many hosts, in the sandbox's inline drawings and in the
 * lessons' figure images; a drawing wider than its frame scrolls inside the frame, which can
 * take focus, and the page itself never scrolls sideways.
 */
class DiagramSizeBrowserTest {
    static final double MIN_PX = 11;
    static final List<Dimension> SIZES = List.of(new Dimension(1280, 900), new Dimension(390, 844));

    @RegisterExtension
    static final BrowserLab lab = BrowserLab.withScripts();

    /** n hosts spread over two regions and three zones, each host with two VMs of the app. */
    static String layout(int n) {
        StringBuilder y = new StringBuilder("name: " + n + " hosts\napps:\n  - {name: shop, minRunning: 2}\nregions:\n");
        String[][] regions = {{"eu-west-1", "euw1-az1", "euw1-az2"}, {"us-east-1", "use1-az1"}};
        int host = 0, zone = 0;
        for (String[] region : regions) {
            y.append("  - code: ").append(region[0]).append("\n    zones:\n");
            for (int z = 1; z < region.length; z++, zone++) {
                y.append("      - id: ").append(region[z]).append("\n        datacenters:\n          - id: dc-")
                        .append(region[z]).append('\n');
                int upTo = n * (zone + 1) / 3;
                if (host < upTo) y.append("            hosts:\n");
                for (; host < upTo; host++) {
                    y.append("              - {id: host-").append(host + 1)
                            .append(", hypervisor: type1, cores: 16, memoryGiB: 64, storageGiB: 1000, vms: [")
                            .append("{id: web-").append(2 * host + 1).append(", vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}, ")
                            .append("{id: web-").append(2 * host + 2).append(", vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}]}\n");
                }
            }
        }
        return y.toString();
    }

    /**
     * The smallest text of every drawn inline SVG in the page, in CSS pixels on screen: each text's
     * computed font size times its SVG's scale; with how many texts were measured.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> smallestInlineText() {
        return (Map<String, Object>) SandboxBrowserTest.js(lab.driver(), """
                let min = 1e9, count = 0, where = '';
                for (const t of document.querySelectorAll('.diagram svg.cld text')) {
                  const m = t.getScreenCTM();
                  if (!m || t.getClientRects().length === 0 || !t.textContent.trim()) continue;
                  const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
                  count++;
                  if (px < min) { min = px; where = t.closest('svg').getAttribute('class') + ': ' + t.textContent; }
                }
                return {min: min, count: count, where: where};
                """);
    }

    /**
     * The smallest scale of every figure image in the page: its width on screen over its natural
     * width (the SVG's view-box width, one unit to one pixel, whose smallest text is 11 units).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> smallestImageScale() {
        return (Map<String, Object>) SandboxBrowserTest.js(lab.driver(), """
                let min = 1e9, count = 0, where = '';
                for (const img of document.querySelectorAll('.diagram img')) {
                  if (!img.complete || !img.naturalWidth) continue;
                  const s = img.getBoundingClientRect().width / img.naturalWidth;
                  count++;
                  if (s < min) { min = s; where = img.getAttribute('src'); }
                }
                return {min: min, count: count, where: where};
                """);
    }

    static void assertPageDoesNotScrollSideways(String page) {
        Object wide = SandboxBrowserTest.js(lab.driver(), "return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) wide).doubleValue() <= 1, page + " scrolls sideways by " + wide + " px");
    }

    /** Every frame whose drawing is wider than it can take focus and has a name, so a keyboard can scroll it. */
    static void assertScrollingFramesFocusable(String page, String selector) {
        Object bad = SandboxBrowserTest.js(lab.driver(), """
                return [...document.querySelectorAll(arguments[0])]
                  .filter(f => f.scrollWidth > f.clientWidth + 1)
                  .filter(f => f.getAttribute('tabindex') !== '0' || !f.getAttribute('aria-label'))
                  .map(f => f.outerHTML.slice(0, 120));
                """, selector);
        assertEquals(List.of(), bad, page);
    }

    @Test
    void sandboxDiagramTextIsNeverUnder11PxWith2To20Hosts() {
        for (int n : new int[] {2, 6, 20}) {
            lab.driver().get(lab.server().url("/healthz"));
            lab.driver().manage().deleteAllCookies();
            // a learner of its own (reading pages makes none; the import would, outside the browser)
            String token = lab.server().services().progress().newLearner().token();
            lab.driver().manage().addCookie(new Cookie(WebClient.COOKIE, token));
            WebClient learner = WebClient.browser(lab.server());
            learner.adoptLearnerCookie(token);
            HttpResponse<String> imported = learner.postForm("/sandboxes/import", WebClient.form("layout", layout(n)));
            assertEquals(303, imported.statusCode(), imported.headers() + "\n" + imported.body());
            String path = imported.headers().firstValue("Location").orElseThrow();
            for (Dimension size : SIZES) {
                lab.driver().manage().window().setSize(size);
                lab.driver().get(lab.server().url(path));
                Map<String, Object> r = smallestInlineText();
                String where = n + " hosts at " + size.width + " wide";
                assertTrue(((Number) r.get("count")).intValue() > 20, where + ": measured " + r.get("count") + " texts");
                assertTrue(((Number) r.get("min")).doubleValue() >= MIN_PX - 0.01,
                        where + ": " + r.get("min") + " px for " + r.get("where"));
            }
        }
    }

    /** Every lesson's sandbox page, at both sizes: the page never scrolls sideways, nor do its section tabs (issue 14). */
    @Test
    void noLessonSandboxPageNorItsSectionTabsScrollSideways() {
        Course course = Course.load(Path.of("lessons"), RegionCatalog.builtIn());
        int sandboxes = 0;
        for (Lesson lesson : course.lessons()) {
            if (lesson.sandboxes().isEmpty()) continue;
            lab.driver().manage().window().setSize(SIZES.get(0));
            lab.driver().get(lab.server().url("/lessons/" + lesson.slug()));
            lab.driver().findElement(org.openqa.selenium.By.cssSelector("form[action$='/sandboxes/0'] button")).click();
            SandboxBrowserTest.waiting(lab.driver()).until(x -> x.getCurrentUrl().contains("/sandboxes/s"));
            String path = lab.driver().getCurrentUrl();
            sandboxes++;
            for (Dimension size : SIZES) {
                lab.driver().manage().window().setSize(size);
                lab.driver().get(path);
                String page = "the sandbox of " + lesson.slug() + " at " + size.width + " wide";
                assertPageDoesNotScrollSideways(page);
                Object tabs = SandboxBrowserTest.js(lab.driver(), "const t = document.querySelector('.ws-tabs'); return t.scrollWidth - t.clientWidth;");
                assertTrue(((Number) tabs).doubleValue() <= 1, page + ": the section tabs scroll sideways by " + tabs + " px");
            }
        }
        assertTrue(sandboxes >= 6, "opened the lessons' sandboxes: " + sandboxes);
    }

    @Test
    void lessonFiguresShowAtNaturalSizeAndNoLessonPageScrollsSideways() {
        Course course = Course.load(Path.of("lessons"), RegionCatalog.builtIn());
        int images = 0;
        for (Dimension size : SIZES) {
            lab.driver().manage().window().setSize(size);
            for (Lesson lesson : course.lessons()) {
                String page = "/lessons/" + lesson.slug() + " at " + size.width + " wide";
                lab.driver().get(lab.server().url("/lessons/" + lesson.slug()));
                // lesson images load lazily; measure them all, as a reader scrolling down would see them
                SandboxBrowserTest.js(lab.driver(), "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager');");
                SandboxBrowserTest.waiting(lab.driver()).until(x -> SandboxBrowserTest.js(x,
                        "return [...document.images].every(i => i.complete);"));
                Map<String, Object> r = smallestImageScale();
                images += ((Number) r.get("count")).intValue();
                if (((Number) r.get("count")).intValue() > 0) {
                    double smallest = ((Number) r.get("min")).doubleValue() * MIN_PX;
                    assertTrue(smallest >= MIN_PX - 0.01, page + ": text at " + smallest + " px in " + r.get("where"));
                }
                assertPageDoesNotScrollSideways(page);
                assertScrollingFramesFocusable(page, "figure .diagram, .block .diagram");
            }
        }
        assertTrue(images > 20, "measured the course's figures: " + images);
    }
}
