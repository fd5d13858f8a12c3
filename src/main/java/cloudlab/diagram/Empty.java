package cloudlab.diagram;

/** The friendly picture drawn where a view has nothing to show yet. */
final class Empty {
    private Empty() {
    }

    static Diagrams.Drawing render(String viewClass, String title, String headline, String hint) {
        double w = 480, h = 180;
        Svg s = Svg.start(viewClass + " cld-empty", w, h, title, headline + ". " + hint, Style.EMPTY);
        s.rect(8, 8, w - 16, h - 16, "rx", "14", "class", "empty-box");
        // a little stack of layers, the lab's sign for "a host goes here"
        double cx = w / 2;
        s.rect(cx - 34, 34, 68, 12, "rx", "3", "class", "empty-layer");
        s.rect(cx - 34, 50, 68, 12, "rx", "3", "class", "empty-layer");
        s.rect(cx - 34, 66, 68, 12, "rx", "3", "class", "empty-layer");
        s.text(cx, 112, "empty-head mid", headline);
        double y = 136;
        for (String line : Svg.wrap(hint, w - 60, 12)) {
            s.text(cx, y, "hint mid", line);
            y += 17;
        }
        return s.finish();
    }
}
