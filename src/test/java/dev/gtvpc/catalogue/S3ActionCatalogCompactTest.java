package dev.gtvpc.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * The jar reads the catalogue's compact form (start-up); {@code s3-actions.json} stays its source.
 * After refreshing the JSON, rewrite the compact form with {@code -Dgolden.update=true}.
 */
class S3ActionCatalogCompactTest {
    @Test
    void theCompactFormSaysWhatTheJsonSays() throws Exception {
        S3ActionCatalog json = S3ActionCatalog.fromJson(Golden.read(Golden.root().resolve("catalog/s3-actions.json")));
        Golden.assertMatches(Golden.root().resolve("catalog/s3-actions.tsv"), json.toCompact());
        S3ActionCatalog compact = S3ActionCatalog.fromCompact(json.toCompact());
        assertThat(compact.actions()).isEqualTo(json.actions()).hasSizeGreaterThan(100);
        assertThat(compact.dataDate()).isEqualTo(json.dataDate());
        assertThat(compact.conditionKeys()).isEqualTo(json.conditionKeys()).contains("s3:prefix", "s3:ExistingObjectTag/<key>");
    }

    @Test
    void theJarReadsTheCompactForm() throws Exception {
        assertThat(S3ActionCatalog.bundled().actions()).isEqualTo(
                S3ActionCatalog.fromJson(Golden.read(Golden.root().resolve("catalog/s3-actions.json"))).actions());
    }
}
