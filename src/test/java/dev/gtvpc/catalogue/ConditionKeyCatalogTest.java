package dev.gtvpc.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.catalogue.ConditionKeyCatalog.Flag;
import dev.gtvpc.catalogue.ConditionKeyCatalog.Key;
import dev.gtvpc.catalogue.ConditionKeyCatalog.Origin;
import dev.gtvpc.eval.DerivedKeys;
import dev.gtvpc.eval.RequestPrincipal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key facts in catalog/condition-keys.tsv, and that the code that derives keys agrees with them. */
class ConditionKeyCatalogTest {
    private final ConditionKeyCatalog keys = ConditionKeyCatalog.bundled();

    @Test
    void everyGlobalKeyOfThePageIsThereWithItsFacts() {
        assertThat(keys.names().stream().filter(n -> n.startsWith("aws:"))).hasSize(52);
        Key vpce = keys.find("AWS:SOURCEVPCE").orElseThrow();
        assertThat(vpce.name()).isEqualTo("aws:SourceVpce");
        assertThat(vpce.origin()).isEqualTo(Origin.NETWORK);
        assertThat(vpce.absentWhen()).contains("not through a VPC endpoint");
        assertThat(vpce.flags()).contains(Flag.DERIVED, Flag.NO_WILDCARDS, Flag.PERIMETER);
        assertThat(keys.find("aws:SourceVpcArn").orElseThrow().type()).isEqualTo("ARN");
        assertThat(keys.find("aws:CalledVia").orElseThrow().multivalued()).isTrue();
        assertThat(keys.from("aws:SourceArn", Origin.SERVICE)).isTrue();
    }

    @Test
    void tagKeysAreKnownByTheirPrefix() {
        assertThat(keys.canonical("aws:principaltag/dp:include:network")).contains("aws:PrincipalTag/dp:include:network");
        assertThat(keys.is("aws:PrincipalTag/team", Flag.NAMES_PRINCIPAL)).isTrue();
        assertThat(keys.find("s3:ExistingObjectTag/owner").orElseThrow().origin()).isEqualTo(Origin.RESOURCE);
    }

    @Test
    void s3KeysAreSentByTheCallerUnlessALineSaysOtherwise() {
        assertThat(keys.is("s3:x-amz-acl", Flag.CALLER_CONTROLLED)).isTrue();
        assertThat(keys.is("s3:DataAccessPointAccount", Flag.CALLER_CONTROLLED)).isFalse();
        assertThat(keys.is("s3:ResourceAccount", Flag.CALLER_CONTROLLED)).isFalse();
        assertThat(keys.is("s3:NotAKeyS3Has", Flag.CALLER_CONTROLLED)).isTrue();
        assertThat(keys.is("kms:ViaService", Flag.CALLER_CONTROLLED)).isFalse();
    }

    /** Adding a key is one line: the catalogue then knows its spelling, type and every fact. */
    @Test
    void oneLineAddsAKey() {
        Map<String, Key> exact = new HashMap<>();
        Map<String, Key> prefixes = new HashMap<>();
        ConditionKeyCatalog.readFacts("aws:SourceVpcRegion\tString\tsingle\tnetwork\tnot through a VPC endpoint\tderived,perimeter\n",
                exact, prefixes);
        Key k = exact.get("aws:sourcevpcregion");
        assertThat(k).isEqualTo(new Key("aws:SourceVpcRegion", "String", false, false, Origin.NETWORK,
                Optional.of("not through a VPC endpoint"), java.util.Set.of(Flag.DERIVED, Flag.PERIMETER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:X\tString\tsingle\tnetwork\t-", "aws:X\tString\tone\tnetwork\t-\t-",
        "aws:X\tString\tsingle\tsomewhere\t-\t-", "aws:X\tString\tsingle\tnetwork\t-\tno-such-flag"})
    void aDamagedLineIsRefused(String line) {
        assertThatThrownBy(() -> ConditionKeyCatalog.readFacts(line, new HashMap<>(), new HashMap<>()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The evaluator derives these keys from the principal and the bucket; the request space must then
     * never try them as free values, which is what the derived flag says.
     */
    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:user/alice", "arn:aws:sts::111122223333:assumed-role/Admin/s",
        "s3.amazonaws.com", "anonymous"})
    void everyKeyTheEvaluatorDerivesIsFlaggedDerived(String principal) {
        Map<String, List<String>> derived = DerivedKeys.of(RequestPrincipal.parse(principal), Optional.of("111122223333"),
                new DerivedKeys.Facts(Optional.empty(), Optional.of("o-abcdefghij"), List.of("o-abcdefghij/r-ab12/")));
        assertThat(derived.keySet()).isNotEmpty().allSatisfy(key -> assertThat(keys.is(key, Flag.DERIVED)).as(key).isTrue());
    }
}
