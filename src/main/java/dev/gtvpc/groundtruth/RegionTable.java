package dev.gtvpc.groundtruth;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Ground Truth facts per region, from {@code regions/ground-truth.json} in the jar or from a file
 * the user names with {@code --regions-file}. A table that does not check out is refused whole:
 * a wrong endpoint ID here would lock Ground Truth out of every bucket generated with it.
 */
public final class RegionTable {
    public static final String BUNDLED_RESOURCE = "/regions/ground-truth.json";
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final List<RegionInfo> regions;

    private RegionTable(List<RegionInfo> regions) {
        this.regions = List.copyOf(regions);
    }

    /** The table shipped in the jar. */
    public static RegionTable bundled() {
        try (InputStream in = RegionTable.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled region table " + BUNDLED_RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table; {@code source} names it in error messages. */
    public static RegionTable parse(String text, String source) {
        Json.Value root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw bad(source, e.location().toString(), "invalid JSON: " + e.getMessage());
        }
        Json.Obj top = object(root, "", source);
        Json.Value regionsValue = top.get("regions")
                .orElseThrow(() -> bad(source, root.location().toString(), "the table has no \"regions\" array"));
        if (!(regionsValue instanceof Json.Arr rows)) {
            throw bad(source, regionsValue.location().toString(), "\"regions\" must be an array");
        }
        List<RegionInfo> regions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.items().size(); i++) {
            String pointer = JsonPointer.child("/regions", i);
            Json.Obj row = object(rows.items().get(i), pointer, source);
            String region = string(row, "region", pointer, source);
            String at = row.location().toString();
            if (!AwsIds.isRegionName(region)) {
                throw bad(source, at, "'" + region + "' is not an AWS Region name such as us-east-1");
            }
            if (!seen.add(region)) {
                throw bad(source, at, "region " + region + " is listed twice");
            }
            Fact partition = fact(row, "partition", pointer, source);
            Fact endpoint = fact(row, "groundTruthEndpoint", pointer, source);
            Fact account = fact(row, "lambdaAccount", pointer, source);
            if (!partition.value().equals(AwsIds.partitionOf(region))) {
                throw bad(source, at, region + " is in partition " + AwsIds.partitionOf(region) + ", not " + partition.value());
            }
            AwsIds.checkVpceId(endpoint.value()).ifPresent(problem -> {
                throw bad(source, at, region + ": " + problem);
            });
            if (!AwsIds.isAccountId(account.value())) {
                throw bad(source, at, region + ": lambdaAccount '" + account.value() + "' is not a 12-digit account ID");
            }
            regions.add(new RegionInfo(region, partition, endpoint, account));
        }
        return new RegionTable(regions);
    }

    /** The rows in table order. */
    public List<RegionInfo> regions() {
        return regions;
    }

    public Optional<RegionInfo> find(String region) {
        return regions.stream().filter(r -> r.region().equals(region)).findFirst();
    }

    /** The row of {@code --region}, or a bad-input error that says what is wrong and what to do. */
    public RegionInfo require(String region) {
        return require("--region", region);
    }

    /**
     * The row of {@code region}, given as {@code option}: a name of the wrong shape and a region the
     * table does not have are refused, the same way for every command that takes a region.
     */
    public RegionInfo require(String option, String region) {
        checkName(option, region);
        return find(region).orElseThrow(() -> GtvpcException.badInput(option + ": " + unknownRegion(region)));
    }

    /** Refuses what cannot be a region name (US-EAST-1, us-east) before any table is asked. */
    public static void checkName(String option, String region) {
        if (!AwsIds.isRegionName(region)) {
            throw GtvpcException.badInput(option + ": '" + region + "' is not an AWS Region name"
                    + AwsIds.regionMeant(region).map(r -> "; did you mean " + r + "?").orElse(" such as us-east-1"));
        }
    }

    /**
     * "Ground Truth lists no service endpoint for region 'x' (known regions: …); for a region added
     * since this release, give a table that has it with --regions-file FILE".
     */
    public String unknownRegion(String region) {
        return "Ground Truth lists no service endpoint for region '" + region + "' (known regions: "
                + String.join(", ", regionNames()) + "); for a region added since this release, give a region table"
                + " that has it with --regions-file FILE";
    }

    public List<String> regionNames() {
        return regions.stream().map(RegionInfo::region).toList();
    }

    private static Json.Obj object(Json.Value v, String pointer, String source) {
        if (v instanceof Json.Obj o) {
            return o;
        }
        throw bad(source, v.location().toString(), JsonPointer.display(pointer) + " must be an object");
    }

    private static String string(Json.Obj obj, String name, String pointer, String source) {
        Json.Value v = obj.get(name).orElseThrow(() ->
                bad(source, obj.location().toString(), JsonPointer.display(pointer) + " has no \"" + name + "\""));
        if (v instanceof Json.Str s) {
            return s.value();
        }
        throw bad(source, v.location().toString(), JsonPointer.display(JsonPointer.child(pointer, name)) + " must be a string");
    }

    private static Fact fact(Json.Obj row, String name, String pointer, String source) {
        String factPointer = JsonPointer.child(pointer, name);
        Json.Value v = row.get(name).orElseThrow(() ->
                bad(source, row.location().toString(), JsonPointer.display(pointer) + " has no \"" + name + "\""));
        Json.Obj obj = object(v, factPointer, source);
        String value = string(obj, "value", factPointer, source);
        String url = string(obj, "source", factPointer, source);
        String checked = string(obj, "checked", factPointer, source);
        if (!DATE.matcher(checked).matches()) {
            throw bad(source, obj.location().toString(),
                    JsonPointer.display(factPointer) + ": \"checked\" must be a date such as 2026-11-25");
        }
        return new Fact(value, url, checked);
    }

    private static GtvpcException bad(String source, String at, String message) {
        return GtvpcException.badInput("region table " + source + ":" + at + ": " + message);
    }
}
