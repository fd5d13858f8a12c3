package cloudlab.page;

import cloudlab.lesson.Task;
import cloudlab.sandbox.SandboxView;

/**
 * What the parts of a sandbox page are written from ({@link SandboxPanels}, {@link SandboxForms}):
 * the view, its drawings, the sandbox's address ({@code base}), the forms' token and, for a lesson
 * sandbox, where the learner stands in its guided task (null for any other).
 */
public record SandboxPage(SandboxView v, SandboxDrawings d, String base, String csrf, Task.Standing task) {
    /** The same page with other drawings (say every card and row drawn). */
    public SandboxPage with(SandboxDrawings drawings) {
        return new SandboxPage(v, drawings, base, csrf, task);
    }

    /** The markup of the part of that name (see {@code sandbox.SandboxParts.NAMES}). */
    public String part(String name) {
        return switch (name) {
            case "task" -> task(task);
            case "head" -> SandboxPanels.head(this);
            case "messages" -> SandboxPanels.messages(this);
            case "challenge" -> SandboxPanels.challenge(this);
            case "hosts-diagram" -> SandboxPanels.hosts(this);
            case "map" -> SandboxPanels.map(this);
            case "infra" -> SandboxPanels.infra(this);
            case "break" -> SandboxPanels.breakThings(this);
            case "tree" -> SandboxPanels.tree(this);
            case "history" -> SandboxPanels.history(this);
            case "io" -> SandboxPanels.io(this);
            case "f-add-vm" -> SandboxForms.addVm(this);
            case "f-add-host" -> SandboxForms.addHost(this);
            case "f-change-host" -> SandboxForms.changeHost(this);
            case "f-migrate-vm" -> SandboxForms.migrateVm(this);
            case "f-add-region" -> SandboxForms.addRegion(this);
            case "f-add-zone" -> SandboxForms.addZone(this);
            case "f-add-datacenter" -> SandboxForms.addDatacenter(this);
            case "f-app" -> SandboxForms.apps(this);
            case "f-user" -> SandboxForms.users(this);
            default -> throw new IllegalArgumentException("no part " + name);
        };
    }

    /** The guided task of a lesson sandbox, as this page and the run page show it; nothing for null. */
    public static String task(Task.Standing task) {
        return SandboxPanels.task(task);
    }

    /** What a form typed, else {@code fallback} (see {@code Workspace.Forms#of}). */
    String typed(String form, String field, String fallback) {
        return v.ws().forms().of(form, field, fallback);
    }

    /** The address of an action of the sandbox: {@code base} and {@code path}. */
    String at(String path) {
        return base + path;
    }
}
