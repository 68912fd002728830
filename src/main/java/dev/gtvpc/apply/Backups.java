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
    /** The format's version, first member of every backup file. */
    public static final int FORMAT = 1;
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
        if (!(obj.get("gtvpcBackup").get() instanceof Json.Num n) || !n.text().equals(String.valueOf(FORMAT))) {
            throw GtvpcException.badInput("--backup: " + file + " is a backup in a format this gtvpc does not know");
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
        Optional<String> policy = obj.get("policy").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value());
        Backup backup = new Backup(bucket, region, account, time, policy);
        Optional<String> recorded = obj.get("sha256").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value());
        if (!recorded.equals(backup.sha256())) {
            throw GtvpcException.badInput("--backup: " + file + " is damaged: its SHA-256 does not match the policy it holds;"
                    + " refusing to restore it");
        }
        return backup;
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
