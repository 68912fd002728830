package dev.gtvpc.cli;

import dev.gtvpc.groundtruth.RegionTable;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the Ground Truth region table comes from. */
public final class GroundTruthOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--regions-file", paramLabel = "FILE",
            description = "Use this region table instead of the bundled one (same format as regions/ground-truth.json"
                    + " in the repository).")
    Path regionsFile;

    RegionTable table() {
        if (regionsFile == null) {
            return RegionTable.bundled();
        }
        return RegionTable.parse(Inputs.of(mixee).read(regionsFile.toString(), "--regions-file"), regionsFile.toString());
    }
}
