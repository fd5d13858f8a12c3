package cloudlab.workshop;

import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.document.Documents;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.RegionCatalog;

/** The sandboxes a workshop gives its learners, made through the sandbox feature, never its tables. */
final class WorkshopSandboxes {
    private final Workshops workshops;
    private final Sandboxes sandboxes;
    private final RegionCatalog catalog;

    WorkshopSandboxes(Workshops workshops, Sandboxes sandboxes, RegionCatalog catalog) {
        this.workshops = workshops;
        this.sandboxes = sandboxes;
        this.catalog = catalog;
    }

    /** The layout the workshop's sandboxes start from (an empty one when it has none). */
    Layout start(Workshop w) {
        if (w.startLayout() == null) return Layout.empty();
        try {
            return LayoutReader.read(w.startLayout(), Documents.Format.JSON, "workshop layout", catalog);
        } catch (InputException e) {
            throw new IllegalStateException("workshop " + w.id() + " holds a layout that no longer reads: " + e.getMessage(), e);
        }
    }

    /** Gives the learner a fresh workshop sandbox from the layout and makes it their workshop sandbox. */
    Sandbox give(Workshop w, String learnerId, Layout layout, String title) {
        Sandbox s = sandboxes.create(learnerId, title + " — " + w.title(), Sandbox.Origin.WORKSHOP, w.id(), layout);
        workshops.setSandbox(w.id(), learnerId, s.id());
        return s;
    }
}
