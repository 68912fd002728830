package dev.gtvpc.apply;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Backup files: {@code DIR/<bucket>-<UTC time>.json}, written whole (a temporary file, forced to disk,
 * then renamed, then the directory forced) before gtvpc writes anything to S3.
 */
public final class Backups {
    /**
     * The format's version, first member of every backup file. Version 2 adds {@code recordSha256},
     * the SHA-256 over every field; version 1 files (no record hash) are still read, with every other
     * check.
     */
    public static final int FORMAT = 2;
    private static final java.util.Set<String> MEMBERS_V1 = java.util.Set.of("gtvpcBackup", "bucket", "region", "account", "time",
            "hadPolicy", "policy", "sha256");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /** Writes {@code backup} into {@code dir} (created if missing) and returns the file; never half a file. */
    public static Path write(Path dir, Backup backup) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(backup.bucket() + "-" + FILE_TIME.format(backup.time()) + ".json");
            for (int n = 1; Files.exists(target); n++) {
                target = dir.resolve(backup.bucket() + "-" + FILE_TIME.format(backup.time()) + "-" + n + ".json");
            }
            Path temp = Files.createTempFile(dir, "." + backup.bucket() + "-", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer bytes = ByteBuffer.wrap(toJson(backup).getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        ch.write(bytes);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            forceDirectory(dir);
            return target;
        } catch (IOException | SecurityException e) {
            throw new GtvpcException(ExitCode.BAD_INPUT, "cannot write the backup into " + dir + " (" + describe(e)
                    + "); nothing was changed — choose a writable --backup-dir", e);
        }
    }

    /** The rename is durable only once the directory entry is on disk (POSIX); elsewhere this is a no-op. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the file itself is already forced
        }
    }

    public static String toJson(Backup b) {
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("gtvpcBackup", new Json.Num(String.valueOf(FORMAT), dev.gtvpc.policy.io.SourceLocation.START)));
        members.add(Json.member("bucket", Json.str(b.bucket())));
        members.add(Json.member("region", Json.str(b.region())));
        members.add(Json.member("account", Json.str(b.account())));
        members.add(Json.member("time", Json.str(b.time().toString())));
        members.add(Json.member("hadPolicy", new Json.Bool(b.policy().isPresent(), dev.gtvpc.policy.io.SourceLocation.START)));
        members.add(Json.member("policy", b.policy().<Json.Value>map(Json::str).orElse(new Json.Null(dev.gtvpc.policy.io.SourceLocation.START))));
        members.add(Json.member("sha256", b.sha256().<Json.Value>map(Json::str).orElse(new Json.Null(dev.gtvpc.policy.io.SourceLocation.START))));
        members.add(Json.member("recordSha256", Json.str(recordSha256(FORMAT, b))));
        return Json.write(Json.obj(members), true) + "\n";
    }

    /** Reads and checks a backup file; any problem is bad input with one line naming the file. */
    public static Backup read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw GtvpcException.badInput("--backup: " + file + " does not exist");
        } catch (IOException e) {
            throw GtvpcException.badInput("--backup: cannot read " + file + ": " + describe(e));
        }
        Json.Value root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw GtvpcException.badInput("--backup: " + file + " is not a gtvpc backup: " + e.getMessage());
        }
        if (!(root instanceof Json.Obj obj) || obj.get("gtvpcBackup").isEmpty()) {
            throw GtvpcException.badInput("--backup: " + file + " is not a gtvpc backup (no gtvpcBackup member)");
        }
        int format = obj.get("gtvpcBackup").get() instanceof Json.Num n && (n.text().equals("1") || n.text().equals("2"))
                ? Integer.parseInt(n.text()) : -1;
        if (format < 0) {
            throw GtvpcException.badInput("--backup: " + file + " is a backup in a format this gtvpc does not know");
        }
        // an edited file is refused as a whole: a member nobody wrote is as suspect as a changed one
        for (Json.Member m : obj.members()) {
            if (!MEMBERS_V1.contains(m.name()) && !(format >= 2 && m.name().equals("recordSha256"))) {
                throw damaged(file, "it has a member '" + m.name() + "' that gtvpc never writes");
            }
        }
        if (obj.members().stream().map(Json.Member::name).distinct().count() != obj.members().size()) {
            throw damaged(file, "a member appears twice");
        }
        String bucket = string(obj, "bucket", file);
        String region = string(obj, "region", file);
        String account = string(obj, "account", file);
        Instant time;
        try {
            time = Instant.parse(string(obj, "time", file));
        } catch (DateTimeParseException e) {
            throw GtvpcException.badInput("--backup: " + file + ": 'time' is not an ISO-8601 instant");
        }
        if (!(obj.get("hadPolicy").orElse(null) instanceof Json.Bool hadPolicy)) {
            throw damaged(file, "it has no 'hadPolicy' true or false");
        }
        Json.Value policyValue = obj.get("policy").orElseThrow(() -> damaged(file, "it has no 'policy' member"));
        Json.Value shaValue = obj.get("sha256").orElseThrow(() -> damaged(file, "it has no 'sha256' member"));
        Optional<String> policy;
        if (hadPolicy.value()) {
            if (!(policyValue instanceof Json.Str p) || !(shaValue instanceof Json.Str)) {
                throw damaged(file, "'hadPolicy' is true, but 'policy' and 'sha256' are not both strings");
            }
            policy = Optional.of(p.value());
        } else {
            if (!(policyValue instanceof Json.Null) || !(shaValue instanceof Json.Null)) {
                throw damaged(file, "'hadPolicy' is false, but 'policy' or 'sha256' is not null");
            }
            policy = Optional.empty();
        }
        Backup backup = new Backup(bucket, region, account, time, policy);
        Optional<String> recorded = shaValue instanceof Json.Str str ? Optional.of(str.value()) : Optional.empty();
        if (!recorded.equals(backup.sha256())) {
            throw damaged(file, "its SHA-256 does not match the policy it holds");
        }
        if (format >= 2) {
            Optional<String> record = obj.get("recordSha256").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value());
            if (record.isEmpty()) {
                throw damaged(file, "it has no 'recordSha256' string");
            }
            if (!record.get().equals(recordSha256(format, backup))) {
                throw damaged(file, "its recordSha256 does not match its fields (bucket, region, account, time or policy was"
                        + " edited)");
            }
        }
        return backup;
    }

    /**
     * The SHA-256 over every field of the record, each as {@code name=length:value} on its own line
     * (length in UTF-16 units, so no value can run into the next): whitespace and member order of the
     * file do not matter, a changed character in any field does.
     */
    static String recordSha256(int format, Backup b) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, "gtvpcBackup", String.valueOf(format));
        field(canonical, "bucket", b.bucket());
        field(canonical, "region", b.region());
        field(canonical, "account", b.account());
        field(canonical, "time", b.time().toString());
        field(canonical, "hadPolicy", String.valueOf(b.policy().isPresent()));
        field(canonical, "policy", b.policy().orElse(""));
        return Backup.sha256Of(canonical.toString());
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=').append(value.length()).append(':').append(value).append('\n');
    }

    private static GtvpcException damaged(Path file, String why) {
        return GtvpcException.badInput("--backup: " + file + " is damaged or was edited: " + why + "; refusing to restore it");
    }

    private static String string(Json.Obj obj, String name, Path file) {
        return obj.get(name).filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value())
                .orElseThrow(() -> GtvpcException.badInput("--backup: " + file + " has no '" + name + "' string"));
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return m == null ? kind : kind + ": " + m;
    }
}
