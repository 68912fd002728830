package dev.gtvpc.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17.2: a backup is checked as a whole before it is restored. Each edit below was accepted
 * before (a nulled policy read as "there was no policy", so rollback deleted the bucket's policy; an
 * edited bucket put one bucket's policy on another).
 */
class BackupsTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PartnerRead\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::labeling-data/*\"}]}";
    private static final Backup WITH_POLICY = new Backup("labeling-data", "us-east-1", "111122223333",
            Instant.parse("2026-11-25T10:15:00Z"), Optional.of(POLICY));
    private static final Backup WITHOUT_POLICY = new Backup("labeling-data", "us-east-1", "111122223333",
            Instant.parse("2026-11-25T10:15:00Z"), Optional.empty());

    @TempDir
    Path dir;

    private Path edited(Backup b, UnaryOperator<String> edit) throws IOException {
        Path file = Backups.write(dir, b);
        Files.writeString(file, edit.apply(Files.readString(file)));
        return file;
    }

    private static void assertRefused(Path file, String why) {
        assertThatThrownBy(() -> Backups.read(file))
                .isInstanceOf(GtvpcException.class)
                .hasMessageStartingWith("--backup: " + file + " is damaged or was edited: ")
                .hasMessageContaining(why)
                .hasMessageEndingWith("; refusing to restore it")
                .extracting(e -> ((GtvpcException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void whatIsWrittenReadsBackWhateverTheLayout() throws IOException {
        assertThat(Backups.read(Backups.write(dir, WITH_POLICY))).isEqualTo(WITH_POLICY);
        assertThat(Backups.read(Backups.write(dir, WITHOUT_POLICY))).isEqualTo(WITHOUT_POLICY);
        // re-indenting the file, as an editor or jq would, changes no field
        Path compact = edited(WITH_POLICY, t -> t.replaceAll("\\n\\s*", ""));
        assertThat(Backups.read(compact)).isEqualTo(WITH_POLICY);
    }

    @Test
    void aNulledPolicyIsNotNoPolicy() throws IOException {
        Path file = edited(WITH_POLICY, t -> t.replaceAll("\"policy\": \"(\\\\.|[^\"\\\\])*\"", "\"policy\": null")
                .replaceAll("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": null"));
        assertThat(Files.readString(file)).contains("\"policy\": null").contains("\"hadPolicy\": true");
        assertRefused(file, "'hadPolicy' is true, but 'policy' and 'sha256' are not both strings");
    }

    @Test
    void aMissingPolicyMemberIsRefused() throws IOException {
        Path file = edited(WITH_POLICY, t -> t.replaceAll("\\s*\"policy\": \"(\\\\.|[^\"\\\\])*\",", "")
                .replaceAll("\\s*\"sha256\": \"[0-9a-f]+\",", ""));
        assertThat(Files.readString(file)).doesNotContain("\"policy\"").doesNotContain("\"sha256\"");
        assertRefused(file, "it has no 'policy' member");
    }

    @Test
    void aPolicyAddedToANoPolicyBackupIsRefused() throws IOException {
        Path file = edited(WITHOUT_POLICY, t -> t.replace("\"policy\": null", "\"policy\": " + quoted(POLICY)));
        assertRefused(file, "'hadPolicy' is false, but 'policy' or 'sha256' is not null");
    }

    @ParameterizedTest
    @CsvSource({
        "\"bucket\": \"labeling-data\",         \"bucket\": \"other-bucket\",",
        "\"region\": \"us-east-1\",             \"region\": \"eu-west-1\",",
        "\"account\": \"111122223333\",         \"account\": \"444455556666\",",
        "\"time\": \"2026-11-25T10:15:00Z\",    \"time\": \"2026-11-26T10:15:00Z\","})
    void anEditedFieldIsCaughtByTheRecordHash(String from, String to) throws IOException {
        Path file = edited(WITH_POLICY, t -> t.replace(from.strip(), to.strip()));
        assertThat(Files.readString(file)).contains(to.strip());
        assertRefused(file, "its recordSha256 does not match its fields");
    }

    @Test
    void anEditedPolicyWithAMatchingSha256IsStillCaught() throws IOException {
        String other = POLICY.replace("444455556666", "777788889999");
        Path file = edited(WITH_POLICY, t -> t.replace(quoted(POLICY), quoted(other))
                .replace(Backup.sha256Of(POLICY), Backup.sha256Of(other)));
        assertRefused(file, "its recordSha256 does not match its fields");
    }

    @Test
    void anUnknownOrRemovedRecordHashIsRefused() throws IOException {
        assertRefused(edited(WITH_POLICY, t -> t.replace("\"recordSha256\"", "\"note\": \"x\", \"recordSha256\"")),
                "a member 'note' that gtvpc never writes");
        assertRefused(edited(WITH_POLICY, t -> t.replaceAll(",\\s*\"recordSha256\": \"[0-9a-f]+\"", "")),
                "it has no 'recordSha256' string");
    }

    @Test
    void aFormatOneBackupOfAnEarlierGtvpcIsStillRead() throws IOException {
        // what gtvpc wrote before the record hash: the same members, format 1
        Path file = Files.writeString(dir.resolve("old.json"), "{\n  \"gtvpcBackup\": 1,\n  \"bucket\": \"labeling-data\",\n"
                + "  \"region\": \"us-east-1\",\n  \"account\": \"111122223333\",\n  \"time\": \"2026-11-25T10:15:00Z\",\n"
                + "  \"hadPolicy\": true,\n  \"policy\": " + quoted(POLICY) + ",\n  \"sha256\": \"" + Backup.sha256Of(POLICY) + "\"\n}\n");
        assertThat(Backups.read(file)).isEqualTo(WITH_POLICY);
        Path nulled = Files.writeString(dir.resolve("old-nulled.json"), Files.readString(file)
                .replace(quoted(POLICY), "null").replace("\"" + Backup.sha256Of(POLICY) + "\"", "null"));
        assertRefused(nulled, "'hadPolicy' is true");
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
