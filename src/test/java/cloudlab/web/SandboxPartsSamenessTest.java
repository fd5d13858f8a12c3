package cloudlab.web;

import cloudlab.page.SandboxPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each part of the sandbox page written in Java is, byte for byte, what its template fragment wrote, over many states. */
class SandboxPartsSamenessTest {
    @TempDir
    static Path folder;
    static Services services;

    static final List<String> PARTS = List.of("task", "head", "messages", "challenge", "hosts-diagram", "f-add-vm", "f-add-host", "f-change-host",
            "f-migrate-vm", "map", "infra", "f-add-region", "f-add-zone", "f-add-datacenter", "f-app", "f-user", "break", "tree", "history", "io");

    @BeforeAll
    static void open() {
        services = Services.open(TestServer.settings(cloudlab.store.TestDatabases.fresh(folder, "cloud-lab")));
    }

    @AfterAll
    static void close() {
        if (services != null) services.close();
    }

    @Test
    void everyPartInEveryStateIsTheTemplatesMarkup() throws java.io.IOException {
        List<SandboxStates.State> states = SandboxStates.all(services);
        StringBuilder all = new StringBuilder();
        Map<String, String> golden = new java.util.LinkedHashMap<>();
        java.util.Set<String> own = new java.util.HashSet<>(SandboxStates.own(services).stream().map(SandboxStates.State::name).toList());
        for (SandboxStates.State st : states) {
            SandboxPage p = st.page();
            Map<String, Object> model = new HashMap<>();
            model.put("v", p.v());
            model.put("d", p.d());
            model.put("base", p.base());
            model.put("csrf", p.csrf());
            model.put("task", p.task());
            for (String name : PARTS) {
                String template = services.renderer().fragment(name.equals("task") ? "sandbox/task" : "sandbox/parts", name, model);
                String java = p.part(name);
                all.append(java);
                assertEquals(template, java, st.name() + ": " + name);
                if (own.contains(st.name())) golden.put(st.name() + " :: " + name, template.replace(p.v().sandbox().id(), "SANDBOX"));
            }
        }

        String markup = all.toString();
        for (String seen : List.of("is-pass", "is-fail", "no credit", "check-invalid", "data-done=\"true\"", "data-done=\"false\"", "rtt-table",
                "Failure injected", "share-link", "zone-warning", "badge--undone", "selected=\"selected\"", "disabled=\"disabled\"", "task-bill",
                "task-finding", "task-hint", "check-score", "field-error", "form-notice", "data-failed", "is-down")) {
            assertTrue(markup.contains(seen), "some state shows " + seen);
        }
        assertTrue(states.size() > 100, "states: " + states.size());
        GoldenParts.write(Path.of("target/golden/sandbox-parts.txt"), golden);
        assertEquals(golden, GoldenParts.read(Path.of("target/golden/sandbox-parts.txt")));
    }
}
