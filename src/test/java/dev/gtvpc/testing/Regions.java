package dev.gtvpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Output for every region of the bundled table, without a golden file per region. A few regions keep
 * their golden files ({@link #GOLDEN}: they differ in endpoint, Lambda account and geography; the
 * table has one partition and no opt-in region); every region's output must be the first golden
 * region's with that region's facts put in — its name (as written, in a Terraform name, in a CloudFormation logical ID), Ground
 * Truth endpoint and Lambda account —
 * and nothing else changed. A region added to the table is then tested without a new golden file.
 */
public final class Regions {
    /** The regions whose output is kept byte for byte. */
    public static final List<String> GOLDEN = List.of("us-east-1", "eu-west-1", "ap-northeast-1");

    private Regions() {
    }

    /** Every region of the bundled table. */
    public static List<RegionInfo> all() {
        return RegionTable.bundled().regions();
    }

    /** The region whose output the others are compared with. */
    public static RegionInfo reference() {
        return RegionTable.bundled().require(GOLDEN.get(0));
    }

    /**
     * {@code actual}, the output for {@code region}: the golden file {@code golden} when the region has
     * one, otherwise {@code referenceOutput} (the same command's output for {@link #reference()}) with
     * the region's facts in place of the reference's.
     */
    public static void assertOutput(RegionInfo region, String actual, Path golden, String referenceOutput) {
        if (GOLDEN.contains(region.region())) {
            Golden.assertMatches(golden, actual);
        } else {
            assertThat(actual).as("output for %s: the %s output with %s's facts", region.region(), reference().region(), region.region())
                    .isEqualTo(inRegion(referenceOutput, reference(), region));
        }
    }

    /** {@code text} written for {@code from}, as it reads for {@code to}. */
    public static String inRegion(String text, RegionInfo from, RegionInfo to) {
        return text.replace(from.groundTruthEndpoint().value(), to.groundTruthEndpoint().value())
                .replace(from.lambdaAccount().value(), to.lambdaAccount().value())
                .replace(from.region(), to.region())
                .replace(underscored(from), underscored(to))
                .replace(pascal(from), pascal(to));
    }

    /** A region as it appears in a CloudFormation logical ID: UsEast1. */
    private static String pascal(RegionInfo r) {
        StringBuilder b = new StringBuilder();
        for (String part : r.region().split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /** A region as it appears in a Terraform resource name: us_east_1. */
    private static String underscored(RegionInfo r) {
        return r.region().replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
