package cloudlab.sim.document;

import cloudlab.sim.App;
import cloudlab.sim.Datacenter;
import cloudlab.sim.Host;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Layout;
import cloudlab.sim.Region;
import cloudlab.sim.User;
import cloudlab.sim.Vm;
import cloudlab.sim.Zone;
import cloudlab.sim.time.WorkloadReader;
import cloudlab.sim.time.WorkloadWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.io.UncheckedIOException;

/**
 * Writes a layout as a document of contract section 1, with every default written out, in
 * document order: name, apps, regions, failed, users; a VM or host that declares a load over time
 * gets its load fields too (the time extension). Reading what it writes gives the same layout.
 */
public final class LayoutWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new TextStaysText())
            .build());

    /**
     * MINIMIZE_QUOTES alone writes ids such as {@code 123}, {@code 1e5} or {@code .inf} bare, and
     * the reader then takes them for numbers; quote every value that would not read back as text.
     */
    private static final class TextStaysText extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !Documents.plainIsText(value);
        }
    }

    private LayoutWriter() {
    }

    public static ObjectNode toTree(Layout layout) {
        ObjectNode root = NODES.objectNode();
        if (layout.name() != null) root.put("name", layout.name());
        ArrayNode apps = root.putArray("apps");
        for (App a : layout.apps()) apps.addObject().put("name", a.name()).put("minRunning", a.minRunning());
        ArrayNode regions = root.putArray("regions");
        for (Region r : layout.regions()) {
            ObjectNode ro = regions.addObject().put("code", r.code());
            if (r.custom()) ro.putObject("location").put("lat", r.location().lat()).put("lon", r.location().lon());
            ArrayNode zones = ro.putArray("zones");
            for (Zone z : r.zones()) {
                ObjectNode zo = zones.addObject().put("id", z.id());
                ArrayNode dcs = zo.putArray("datacenters");
                for (Datacenter d : z.datacenters()) {
                    ObjectNode dobj = dcs.addObject().put("id", d.id());
                    ArrayNode hosts = dobj.putArray("hosts");
                    for (Host h : d.hosts()) {
                        HostSpec s = h.spec();
                        ObjectNode ho = hosts.addObject()
                                .put("id", h.id())
                                .put("hypervisor", s.hypervisor().word())
                                .put("cores", s.cores())
                                .put("memoryGiB", s.memoryGiB())
                                .put("storageGiB", s.storageGiB())
                                .put("cpuOvercommit", s.cpuOvercommit())
                                .put("memoryOvercommit", s.memoryOvercommit());
                        if (h.osLoad() != null) ho.set(WorkloadReader.HOST_FIELD, WorkloadWriter.profile(h.osLoad()));
                        ArrayNode vms = ho.putArray("vms");
                        for (Vm vm : h.vms()) {
                            ObjectNode vo = vms.addObject()
                                    .put("id", vm.id())
                                    .put("vcpus", vm.vcpus())
                                    .put("memoryGiB", vm.memoryGiB())
                                    .put("diskGiB", vm.diskGiB());
                            if (vm.app() != null) vo.put("app", vm.app());
                            vo.put("state", vm.running() ? "running" : "stopped");
                            if (vm.load() != null) WorkloadWriter.vm(vo, vm.load());
                        }
                    }
                }
            }
        }
        ArrayNode failed = root.putArray("failed");
        layout.failed().forEach(failed::add);
        ArrayNode users = root.putArray("users");
        for (User u : layout.users()) users.addObject().put("name", u.name()).put("lat", u.location().lat()).put("lon", u.location().lon());
        return root;
    }

    public static String toJson(Layout layout) {
        return write(JSON, toTree(layout));
    }

    public static String toYaml(Layout layout) {
        return write(YAML, toTree(layout));
    }

    public static String write(Layout layout, Documents.Format format) {
        return format == Documents.Format.JSON ? toJson(layout) : toYaml(layout);
    }

    /** Pretty JSON of any tree. */
    public static String json(JsonNode tree) {
        return write(JSON, tree);
    }

    private static String write(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
