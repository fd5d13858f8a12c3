package cloudlab.diagram;

/**
 * The style sheets inside the diagrams. Every rule starts with {@code .cld} (and a view's class),
 * because an SVG inlined in a page shares its styles with the whole page. All text is at least
 * 11 px in view-box units.
 */
final class Style {
    private Style() {
    }

    static final String BASE = """
            .cld{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            .cld text{font-size:12px;fill:#1f2933}
            .cld .bg{fill:#f5f7fa}
            .cld .h{font-size:16px;font-weight:700}
            .cld .b{font-weight:600}
            .cld .small{font-size:11px}
            .cld text.muted,.cld .muted{fill:#52606d;font-size:11px}
            .cld .mid{text-anchor:middle}
            .cld .end{text-anchor:end}
            .cld text.red{fill:#c62828}
            .cld text.ok{fill:#2e7d32}
            .cld .badge rect{fill:#c62828}
            .cld .badge text{fill:#fff;font-size:11px;font-weight:700;letter-spacing:.06em}
            .cld .cross{stroke:#c62828;stroke-width:2.2;stroke-linecap:round}
            .cld .asked-outline{fill:none;stroke:#b45309;stroke-width:2.5;stroke-dasharray:8 5}
            .cld text.asked-label{fill:#92400e;font-size:12px;font-weight:700}
            """;

    static final String TIMELINE = """
            .cld-timeline .axis{stroke:#9aa5b1;stroke-width:1}
            .cld-timeline .got{fill:#3f7cac}
            .cld-timeline .steal{fill:#e57373}
            .cld-timeline .wanted{fill:none;stroke:#1f2933;stroke-width:.6}
            .cld-timeline .now{stroke:#b45309;stroke-width:2;stroke-dasharray:4 3}
            .cld-timeline text.now-label{fill:#92400e;font-size:11px;font-weight:700}
            .cld-timeline .physical{fill:#e4e7eb;stroke:#52606d;stroke-width:1}
            .cld-timeline .active{fill:#3f7cac}
            .cld-timeline .ballooned{fill:#f0b429}
            .cld-timeline .swapped{fill:#c62828}
            """;

    static final String EMPTY = """
            .cld-empty .empty-box{fill:#f8fafc;stroke:#9aa5b1;stroke-width:1.5;stroke-dasharray:7 5}
            .cld-empty .empty-layer{fill:#d9e2ec}
            .cld-empty .empty-head{font-size:18px;font-weight:700;fill:#334e68}
            .cld-empty .hint{font-size:12px;fill:#52606d}
            """;

    static final String HOSTS = """
            .cld-hosts .card{fill:#fff;stroke:#d9e2ec;stroke-width:1.2}
            .cld-hosts .host.failed>.card{stroke:#c62828;stroke-width:3;fill:#fffafa}
            .cld-hosts .placeholder{fill:#f8fafc;stroke:#bcccdc;stroke-dasharray:5 4}
            .cld-hosts .hypervisor rect{fill:#ffcc80;stroke:#ef6c00}
            .cld-hosts .host-os rect{fill:#ffe0b2;stroke:#fb8c00}
            .cld-hosts .layer text{fill:#3e2723}
            .cld-hosts .layer text.note{font-size:11px;fill:#6d4c41}
            .cld-hosts .hardware rect{fill:#37474f;stroke:#263238}
            .cld-hosts .layer.hardware text{fill:#fff}
            .cld-hosts .layer.hardware text.note{fill:#cfd8dc}
            .cld-hosts .memory-key.down .part,.cld-hosts .vm-slice.down .part{fill:#b0bec5}
            .cld-hosts .vm .box{fill-opacity:.1;stroke-width:1.5}
            .cld-hosts .vm.stopped .box{fill:#f5f5f5;fill-opacity:1;stroke:#90a4ae;stroke-dasharray:5 3}
            .cld-hosts .vm.down .box{fill:#e0e0e0;fill-opacity:1;stroke:#9e9e9e}
            .cld-hosts .vm.stopped .stripe,.cld-hosts .vm.down .stripe{fill:#b0bec5}
            .cld-hosts .vm.stopped text{fill:#546e7a}
            .cld-hosts .vm.down text{fill:#757575}
            .cld-hosts .vm.down text.state{fill:#c62828;font-weight:600}
            .cld-hosts .pause{fill:#78909c}
            .cld-hosts .track{fill:#e4e9f0}
            .cld-hosts .used{fill:#1e88e5}
            .cld-hosts .host.failed .used{fill:#90a4ae}
            .cld-hosts .reserved{fill:#ffe0b2}
            .cld-hosts .hatch{stroke:#ef6c00;stroke-width:1.2;fill:none}
            .cld-hosts .reserved.hatched{fill:url(#cld-hatch)}
            .cld-hosts .vm-slice .part{stroke:#fff;stroke-width:1}
            .cld-hosts text.slice-light{fill:#fff;font-size:11px;font-weight:600}
            .cld-hosts text.slice-dark{fill:#4e342e;font-size:11px;font-weight:600}
            .cld-hosts text.slice-free{fill:#52606d;font-size:11px}
            .cld-hosts .legend text{font-size:12px;fill:#334e68}
            .cld-hosts .key-running{fill:#1565c0;fill-opacity:.15;stroke:#1565c0;stroke-width:1.5}
            .cld-hosts .key-stopped{fill:#f5f5f5;stroke:#90a4ae;stroke-width:1.5;stroke-dasharray:4 2}
            .cld-hosts .key-down{fill:#e0e0e0;stroke:#9e9e9e}
            """;

    static final String INFRA = """
            .cld-infra .box{stroke-width:1.5}
            .cld-infra .region>.box{fill:#e8f1fb;stroke:#1565c0}
            .cld-infra .zone>.box{fill:#e0f2f1;stroke:#00897b}
            .cld-infra .datacenter>.box{fill:#fff;stroke:#90a4ae}
            .cld-infra .region-code{font-size:15px;font-weight:700;fill:#0d47a1}
            .cld-infra .zone-id{font-size:13px;font-weight:700;fill:#004d40}
            .cld-infra .dc-id{font-weight:600;fill:#37474f}
            .cld-infra .chip{fill:#fff;stroke:#1e88e5;stroke-width:1.5}
            .cld-infra .chip-label{font-weight:600;fill:#0d47a1}
            .cld-infra .chip-status{font-size:11px;fill:#00695c}
            .cld-infra .in-blast>.box,.cld-infra .in-blast>.chip{fill:#eceff1;stroke:#b0bec5}
            .cld-infra .in-blast text{fill:#78909c}
            .cld-infra .host.down .chip-status{fill:#78909c}
            .cld-infra .failed>.box,.cld-infra .failed>.chip{fill:#f5f5f5;stroke:#c62828;stroke-width:2.2;stroke-dasharray:7 4}
            .cld-infra .host.failed .chip-status{fill:#c62828;font-weight:700}
            .cld-infra .badge text{fill:#fff}
            .cld-infra .legend text{font-size:12px;fill:#334e68}
            .cld-infra .key-failed{fill:#f5f5f5;stroke:#c62828;stroke-width:2;stroke-dasharray:5 3}
            .cld-infra .key-blast{fill:#eceff1;stroke:#b0bec5;stroke-width:1.5}
            .cld-infra .key-host{fill:#fff;stroke:#1e88e5;stroke-width:1.5}
            .cld-infra .app-line{font-size:12px}
            """;

    static final String MAP = """
            .cld-map .ocean{fill:#dcebf7}
            .cld-map .graticule{stroke:#c3d9ec;stroke-width:.6;fill:none}
            .cld-map .land{fill:#f3f0e8;stroke:#b7c2cc;stroke-width:.5;fill-rule:evenodd}
            .cld-map .catalog-region circle{fill:#90a4ae;stroke:#fff;stroke-width:1}
            .cld-map .region .marker{stroke:#fff;stroke-width:2}
            .cld-map .region.serving .marker{fill:#00897b}
            .cld-map .region.serving .halo{fill:#00897b;fill-opacity:.22}
            .cld-map .region.idle .marker{fill:#1e88e5}
            .cld-map .region.failed .marker{fill:#fff;stroke:#c62828;stroke-width:2.5}
            .cld-map .region .cross{stroke-width:1.8}
            .cld-map .region-label,.cld-map .user-label,.cld-map .legend text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
            .cld-map .region-label{font-size:12px;font-weight:700;fill:#0d47a1}
            .cld-map .region-label.red{fill:#c62828}
            .cld-map .user-label{font-size:12px;fill:#4a148c}
            .cld-map .diamond{fill:#7b1fa2;stroke:#fff;stroke-width:1.5}
            .cld-map .rtt-line{stroke:#7b1fa2;stroke-width:1.6;stroke-dasharray:5 3;fill:none}
            .cld-map .rtt-pill{fill:#fff;stroke:#7b1fa2;stroke-width:1}
            .cld-map .rtt-label{font-size:11px;font-weight:600;fill:#4a148c}
            .cld-map .legend-box{fill:#fff;fill-opacity:.9;stroke:#cbd2d9}
            .cld-map .legend text{font-size:11px;fill:#334e68;stroke-width:0}
            .cld-map .key-serving{fill:#00897b}
            .cld-map .key-idle{fill:#1e88e5}
            .cld-map .key-failed{fill:#fff;stroke:#c62828;stroke-width:2.5}
            .cld-map .key-catalog{fill:#90a4ae}
            """;
}
