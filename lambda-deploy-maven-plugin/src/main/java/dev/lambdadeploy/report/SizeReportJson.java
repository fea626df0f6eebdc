package dev.lambdadeploy.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lambdadeploy.manifest.ProjectInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes {@link SizeReport} with Jackson's streaming layer, field by field in record order: the same bytes data binding
 * wrote ({@code SizeReporterTest} compares them), without data binding's set-up, which took about 130 ms of a full
 * {@code lambda:package} in a fresh Maven JVM (measured: median plugin time 909 ms with it, 780 ms without, ten
 * interleaved builds of the benchmark's medium input). Reading a baseline still uses data binding.
 */
final class SizeReportJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SizeReportJson() {}

    static void write(SizeReport r, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", r.schemaVersion());
            g.writeStringField("pluginVersion", r.pluginVersion());
            object(g, "project", r.project(), SizeReportJson::project);
            g.writeStringField("architecture", r.architecture());
            object(g, "limits", r.limits(), SizeReportJson::limits);
            object(g, "totals", r.totals(), SizeReportJson::totals);
            objects(g, "zips", r.zips(), SizeReportJson::zip);
            objects(g, "contents", r.contents(), SizeReportJson::item);
            g.writeBooleanField("budgetsSkipped", r.budgetsSkipped());
            objects(g, "budgets", r.budgets(), SizeReportJson::budget);
            objects(g, "violations", r.violations(), SizeReportJson::violation);
            object(g, "baseline", r.baseline(), SizeReportJson::baseline);
            g.writeEndObject();
        }
    }

    private static void project(JsonGenerator g, ProjectInfo p) throws IOException {
        g.writeStringField("groupId", p.groupId());
        g.writeStringField("artifactId", p.artifactId());
        g.writeStringField("version", p.version());
    }

    private static void limits(JsonGenerator g, SizeReport.Limits l) throws IOException {
        g.writeNumberField("directUploadZippedBytes", l.directUploadZippedBytes());
        g.writeNumberField("totalUnzippedBytes", l.totalUnzippedBytes());
        g.writeNumberField("maxLayers", l.maxLayers());
        g.writeNumberField("imageBytes", l.imageBytes());
    }

    private static void totals(JsonGenerator g, SizeReport.Totals t) throws IOException {
        g.writeNumberField("zippedBytes", t.zippedBytes());
        g.writeNumberField("unzippedBytes", t.unzippedBytes());
        g.writeNumberField("layerCount", t.layerCount());
        number(g, "imageBytes", t.imageBytes());
    }

    private static void zip(JsonGenerator g, SizeReport.Zip z) throws IOException {
        g.writeStringField("id", z.id());
        g.writeStringField("name", z.name());
        g.writeStringField("kind", z.kind());
        g.writeStringField("path", z.path());
        number(g, "zippedBytes", z.zippedBytes());
        g.writeNumberField("unzippedBytes", z.unzippedBytes());
        g.writeNumberField("jarCount", z.jarCount());
        g.writeNumberField("shareOfTotal", z.shareOfTotal());
    }

    private static void item(JsonGenerator g, SizeReport.Item i) throws IOException {
        g.writeStringField("key", i.key());
        g.writeStringField("kind", i.kind());
        g.writeStringField("groupId", i.groupId());
        g.writeStringField("artifactId", i.artifactId());
        g.writeStringField("version", i.version());
        g.writeStringField("classifier", i.classifier());
        g.writeStringField("zip", i.zip());
        g.writeStringField("zipEntry", i.zipEntry());
        g.writeNumberField("zippedBytes", i.zippedBytes());
        g.writeNumberField("unzippedBytes", i.unzippedBytes());
        g.writeNumberField("shareOfTotal", i.shareOfTotal());
        array(g, "dependencyPath", i.dependencyPath(), JsonGenerator::writeString);
        g.writeStringField("dependencyPathText", i.dependencyPathText());
    }

    private static void budget(JsonGenerator g, SizeReport.BudgetCheck b) throws IOException {
        g.writeStringField("id", b.id());
        g.writeStringField("source", b.source());
        g.writeStringField("kind", b.kind());
        g.writeStringField("level", b.level());
        g.writeStringField("subject", b.subject());
        g.writeNumberField("limit", b.limit());
        g.writeBooleanField("percent", b.percent());
        g.writeStringField("limitText", b.limitText());
        number(g, "actual", b.actual());
        g.writeStringField("actualText", b.actualText());
        g.writeStringField("status", b.status());
        g.writeStringField("note", b.note());
    }

    private static void violation(JsonGenerator g, SizeReport.ViolationEntry v) throws IOException {
        g.writeStringField("budget", v.budget());
        g.writeStringField("source", v.source());
        g.writeStringField("kind", v.kind());
        g.writeStringField("level", v.level());
        g.writeStringField("subject", v.subject());
        g.writeNumberField("actual", v.actual());
        g.writeNumberField("limit", v.limit());
        g.writeStringField("actualText", v.actualText());
        g.writeStringField("limitText", v.limitText());
        g.writeStringField("message", v.message());
        objects(g, "contributors", v.contributors(), SizeReportJson::contributor);
        objects(g, "fixes", v.fixes(), SizeReportJson::fix);
    }

    private static void contributor(JsonGenerator g, SizeReport.ContributorEntry c) throws IOException {
        g.writeStringField("name", c.name());
        g.writeStringField("zip", c.zip());
        g.writeNumberField("zippedBytes", c.zippedBytes());
        g.writeNumberField("unzippedBytes", c.unzippedBytes());
        g.writeNumberField("share", c.share());
        array(g, "dependencyPath", c.dependencyPath(), JsonGenerator::writeString);
        g.writeStringField("dependencyPathText", c.dependencyPathText());
        g.writeStringField("note", c.note());
    }

    private static void fix(JsonGenerator g, SizeReport.FixEntry f) throws IOException {
        g.writeStringField("kind", f.kind());
        g.writeStringField("title", f.title());
        g.writeStringField("snippet", f.snippet());
        g.writeNumberField("bytesSaved", f.bytesSaved());
        g.writeBooleanField("sufficient", f.sufficient());
    }

    private static void baseline(JsonGenerator g, SizeReport.BaselineDiff d) throws IOException {
        g.writeStringField("file", d.file());
        g.writeNumberField("totalUnzippedBefore", d.totalUnzippedBefore());
        g.writeNumberField("totalUnzippedNow", d.totalUnzippedNow());
        g.writeNumberField("deltaBytes", d.deltaBytes());
        objects(g, "changes", d.changes(), SizeReportJson::change);
    }

    private static void change(JsonGenerator g, SizeReport.Change c) throws IOException {
        g.writeStringField("type", c.type());
        g.writeStringField("name", c.name());
        g.writeStringField("change", c.change());
        number(g, "beforeBytes", c.beforeBytes());
        number(g, "afterBytes", c.afterBytes());
        g.writeNumberField("deltaBytes", c.deltaBytes());
        g.writeStringField("beforeVersion", c.beforeVersion());
        g.writeStringField("afterVersion", c.afterVersion());
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.longValue());
        }
    }

    /** A named object field. */
    private static <T> void object(JsonGenerator g, String name, T value, Element<T> fields) throws IOException {
        g.writeFieldName(name);
        fields(g, value, fields);
    }

    /** A list of objects as an array field. */
    private static <T> void objects(JsonGenerator g, String name, List<T> values, Element<T> fields)
            throws IOException {
        array(g, name, values, (gen, value) -> fields(gen, value, fields));
    }

    /** An object with the fields {@code fields} writes ({@code null} as null, as data binding writes it). */
    private static <T> void fields(JsonGenerator g, T value, Element<T> fields) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        fields.write(g, value);
        g.writeEndObject();
    }

    /** Writes one value, or the fields of one object. */
    @FunctionalInterface
    private interface Element<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /** A list as an array field ({@code null} as null, as data binding writes it). */
    private static <T> void array(JsonGenerator g, String name, List<T> values, Element<T> element) throws IOException {
        if (values == null) {
            g.writeNullField(name);
            return;
        }
        g.writeArrayFieldStart(name);
        for (T value : values) {
            element.write(g, value);
        }
        g.writeEndArray();
    }
}
