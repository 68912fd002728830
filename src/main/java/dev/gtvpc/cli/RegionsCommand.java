package dev.gtvpc.cli;

import dev.gtvpc.groundtruth.Fact;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "regions",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "The AWS Regions where Ground Truth publishes a service VPC endpoint, with the facts gtvpc uses"
                + " for each and where they come from.")
public final class RegionsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List every region with its Ground Truth endpoint, partition and built-in Lambda account.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        GroundTruthOptions groundTruth;
        @Mixin
        Formats.TextOrJson.Option format;

        @Override
        public Integer call() {
            boolean json = format.value() == Formats.TextOrJson.JSON;
            RegionTable table = groundTruth.table();
            String text;
            if (json) {
                text = Json.write(Json.arr(table.regions().stream().map(RegionsCommand::toJson)
                        .map(Json.Value.class::cast).toList()), true) + "\n";
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"REGION", "PARTITION", "GROUND TRUTH ENDPOINT", "LAMBDA ACCOUNT"});
                for (RegionInfo r : table.regions()) {
                    rows.add(new String[] {r.region(), r.partition().value(), r.groundTruthEndpoint().value(),
                        r.lambdaAccount().value()});
                }
                text = TextTable.render(rows);
            }
            Outputs.write(text, null, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Show what gtvpc knows about one region, with the source and check date of each fact.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "REGION", completionCandidates = Converters.Regions.class, description = "An AWS Region, e.g. us-east-1.")
        String region;
        @Mixin
        GroundTruthOptions groundTruth;
        @Mixin
        Formats.TextOrJson.Option format;

        @Override
        public Integer call() {
            boolean json = format.value() == Formats.TextOrJson.JSON;
            RegionTable table = groundTruth.table();
            RegionInfo info = table.require("REGION", region);
            String text;
            if (json) {
                text = Json.write(toJson(info), true) + "\n";
            } else {
                List<String> buckets = info.systemBuckets();
                List<String[]> facts = List.of(
                        new String[] {"region", info.region()},
                        new String[] {"partition", info.partition().value()},
                        new String[] {"Ground Truth endpoint", info.groundTruthEndpoint().value()},
                        new String[] {"built-in Lambda account", info.lambdaAccount().value()},
                        new String[] {"system buckets", buckets.get(0)},
                        new String[] {"", buckets.get(1)},
                        new String[] {"", "(used by the worker portal: your VPC must reach them)"});
                List<String[]> sources = List.of(
                        source("partition", info.partition()),
                        source("Ground Truth endpoint", info.groundTruthEndpoint()),
                        source("built-in Lambda account", info.lambdaAccount()));
                text = TextTable.render(facts) + "\nsources:\n" + TextTable.render(sources);
            }
            Outputs.write(text, null, spec.commandLine().getOut());
            return 0;
        }

        private static String[] source(String name, Fact fact) {
            return new String[] {"  " + name, "checked " + fact.checked() + " at " + fact.source()};
        }
    }

    static Json.Obj toJson(RegionInfo r) {
        return Json.obj(List.of(
                Json.member("region", Json.str(r.region())),
                Json.member("partition", fact(r.partition())),
                Json.member("groundTruthEndpoint", fact(r.groundTruthEndpoint())),
                Json.member("lambdaAccount", fact(r.lambdaAccount())),
                Json.member("systemBuckets", Json.arr(r.systemBuckets().stream().map(Json::str)
                        .map(Json.Value.class::cast).toList()))));
    }

    private static Json.Obj fact(Fact f) {
        return Json.obj(List.of(
                Json.member("value", Json.str(f.value())),
                Json.member("source", Json.str(f.source())),
                Json.member("checked", Json.str(f.checked()))));
    }
}
