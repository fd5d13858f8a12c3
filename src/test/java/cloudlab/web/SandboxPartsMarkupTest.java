package cloudlab.web;

import cloudlab.page.SandboxPage;
import cloudlab.sandbox.SandboxParts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The markup of each part of the sandbox page, written in Java, over many states
 * ({@link SandboxStates#own}), is the markup pinned in {@value #GOLDEN}: what the templates wrote
 * before the parts moved to Java, byte for byte (the sandbox's id written as SANDBOX). A change of
 * markup that is wanted is pinned again by running this test with {@code -Dcloudlab.golden.write=true}
 * (which writes the file and fails, so it never passes by itself) and reading the file's diff.
 */
class SandboxPartsMarkupTest {
    static final String GOLDEN = "src/test/resources/golden/sandbox-parts.txt";
    @TempDir
    static Path folder;
    static Services services;

    @BeforeAll
    static void open() {
        services = Services.open(TestServer.settings(cloudlab.store.TestDatabases.fresh(folder, "cloud-lab")));
    }

    @AfterAll
    static void close() {
        if (services != null) services.close();
    }

    @Test
    void everyPartInEveryStateIsThePinnedMarkup() throws IOException {
        Map<String, String> now = new LinkedHashMap<>();
        for (SandboxStates.State st : SandboxStates.own(services)) {
            SandboxPage p = st.page();
            for (String name : SandboxParts.PARTS) now.put(st.name() + " :: " + name, p.part(name).replace(p.v().sandbox().id(), "SANDBOX"));
        }
        if (Boolean.getBoolean("cloudlab.golden.write")) {
            GoldenParts.write(Path.of(GOLDEN), now);
            fail("wrote " + GOLDEN + ": read its diff, then run again without cloudlab.golden.write");
        }
        Map<String, String> golden = GoldenParts.read(Path.of(GOLDEN));
        assertEquals(golden.keySet(), now.keySet(), "the same states and parts");
        for (Map.Entry<String, String> e : golden.entrySet()) assertEquals(e.getValue(), now.get(e.getKey()), e.getKey());
        String all = String.join("", now.values());
        for (String seen : List.of("is-pass", "is-fail", "no credit", "check-invalid", "Score: 12%", "data-done=\"true\"", "data-done=\"false\"", "rtt-table",
                "Failure injected", "share-link", "zone-warning", "badge--undone", "selected=\"selected\"", "disabled=\"disabled\"", "task-bill",
                "task-finding", "task-hint", "check-score", "field-error", "form-notice", "data-failed", "is-down", "&lt;typed&gt;")) {
            assertTrue(all.contains(seen), "some state shows " + seen);
        }
    }
}
